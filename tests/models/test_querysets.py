from datetime import date

import pytest

from newsapp.models import Entity, Meeting, Participation

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(person):
    return {slug: person(f"test-{slug}", slug) for slug in ("xi", "putin", "biden")}


def meeting(people, *who, kind="call", start=date(2024, 2, 8), precision="day", end=None):
    m = Meeting.objects.create(kind=kind, start_date=start, end_date=end, precision=precision)
    Participation.objects.bulk_create(Participation(meeting=m, person=people[w]) for w in who)
    return m


def test_involving_a_pair_keeps_only_meetings_with_both(people):
    both = meeting(people, "xi", "putin")
    meeting(people, "xi", "biden")
    meeting(people, "putin", "biden")
    assert list(Meeting.objects.involving(people["xi"], people["putin"])) == [both]
    assert Meeting.objects.involving(people["xi"]).count() == 2
    assert list(Meeting.objects.involving(people["xi"].pk, people["putin"].pk)) == [both]


def test_between_counts_a_month_precision_meeting_whose_month_overlaps_the_range(people):
    november = meeting(people, "xi", "biden", start=date(2023, 11, 1), precision="month")
    assert list(Meeting.objects.between(date(2023, 11, 20), date(2023, 12, 31))) == [november]
    assert list(Meeting.objects.between(date(2023, 12, 1), None)) == []
    assert list(Meeting.objects.between(None, date(2023, 11, 1))) == [november]


def test_between_is_inclusive_at_both_ends_and_sees_ranges(people):
    visit = meeting(people, "xi", "putin", kind="visit", start=date(2023, 3, 20), end=date(2023, 3, 22))
    assert list(Meeting.objects.between(date(2023, 3, 22), date(2023, 3, 22))) == [visit]
    assert list(Meeting.objects.between(date(2023, 3, 23), None)) == []


def test_in_country_finds_meetings_of_that_countrys_people_and_held_there(people):
    china = Entity.objects.create(kind="country", slug="test-china", name="الصين")
    people["xi"].country = china
    people["xi"].save(update_fields=["country"])
    with_xi = meeting(people, "xi", "putin")
    in_china = meeting(people, "putin", "biden")
    in_china.location = china
    in_china.save(update_fields=["location"])
    meeting(people, "putin", "biden", start=date(2024, 3, 1))
    assert set(Meeting.objects.in_country(china)) == {with_xi, in_china}


def test_with_people_lists_meetings_in_a_fixed_number_of_queries(people, django_assert_num_queries):
    for _ in range(5):
        meeting(people, "xi", "putin")
    with django_assert_num_queries(2):
        names = [[p.person.name for p in m.participations.all()] for m in Meeting.objects.with_people()]
    assert len(names) == 5
