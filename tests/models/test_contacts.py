"""Contact, kept by PostgreSQL's triggers, always equals the count from participations.

Each test writes through one path (Django, QuerySet.update, bulk_create, the
collector, merge_entities, the ingest services) and compares the table with
the aggregate the entity page computed before Contact existed.
"""

from datetime import date

import pytest
from django.db import transaction
from django.db.models import Count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsapp.models import Contact, Entity, Meeting, Participation
from newsapp.services.bulk import ingest_many
from newsapp.services.catalog import merge_entities
from newsapp.services.ingest import ingest_input
from newsapp.services.readers import ArticleInput, Defaults, read_paths
from newsapp.views.entities import counterparts, meetings_of
from newsapp.views.network import _links_among

pytestmark = pytest.mark.django_db


def live() -> dict[tuple[int, int], int]:
    """Meetings per ordered pair, counted from participations of visible, held meetings."""
    rows = (
        Participation.objects.filter(meeting__in=Meeting.objects.visible().held().values("id"))
        .values_list("person_id", "meeting__participations__person_id")
        .annotate(n=Count("meeting", distinct=True))
        .order_by()
    )
    return {(a, b): n for a, b, n in rows if a != b}


def stored() -> dict[tuple[int, int], int]:
    return {(c.person_id, c.other_id): c.meetings for c in Contact.objects.all()}


def assert_exact() -> None:
    assert stored() == live()


@pytest.fixture
def people(person):
    return [person(f"contact-{i}", f"شخص {i}") for i in range(5)]


def meeting(*who: Entity, status="held", review="suggested") -> Meeting:
    m = Meeting.objects.create(kind="meeting", start_date=date(2024, 2, 8), status=status, review=review)
    Participation.objects.bulk_create(Participation(meeting=m, person=p) for p in who)
    return m


def test_a_meeting_of_three_counts_each_pair_once_in_both_directions(people):
    a, b, c = people[:3]
    meeting(a, b, c)
    assert stored() == {(x.pk, y.pk): 1 for x in (a, b, c) for y in (a, b, c) if x != y}
    meeting(a, b)
    assert stored()[a.pk, b.pk] == stored()[b.pk, a.pk] == 2
    assert_exact()


def test_participants_saved_one_at_a_time_count_the_same(people):
    m = Meeting.objects.create(kind="call", start_date=date(2024, 2, 8))
    for p in people[:3]:
        Participation.objects.create(meeting=m, person=p)
    assert len(stored()) == 6
    assert_exact()


def test_adding_removing_and_moving_a_participant(people):
    a, b, c, d, _ = people
    m = meeting(a, b)
    Participation.objects.create(meeting=m, person=c)
    assert_exact()
    Participation.objects.get(meeting=m, person=a).delete()
    assert_exact()
    assert (a.pk, b.pk) not in stored()  # a pair at 0 has no row
    moved = Participation.objects.get(meeting=m, person=b)
    moved.person = d
    moved.save()
    assert_exact()
    Participation.objects.filter(meeting=m, person=d).update(person=a)
    assert_exact()
    Participation.objects.filter(meeting=m).update(role="host")  # changes no pair
    assert_exact()
    other = meeting(b, d)
    Participation.objects.filter(meeting=m, person=c).update(meeting=other)
    assert_exact()


def test_rejecting_and_restoring_a_meeting(people):
    a, b, c = people[:3]
    m = meeting(a, b, c)
    meeting(a, b)
    m.review = Meeting.Review.REJECTED
    m.save(update_fields=["review"])
    assert stored() == {(a.pk, b.pk): 1, (b.pk, a.pk): 1}
    Meeting.objects.filter(pk=m.pk).update(review=Meeting.Review.CONFIRMED)
    assert stored()[a.pk, b.pk] == 2
    assert_exact()


def test_a_planned_meeting_counts_once_held_and_not_after(people):
    a, b = people[:2]
    m = meeting(a, b, status="planned")
    assert stored() == {}
    m.status = Meeting.Status.HELD
    m.save()
    assert stored() == {(a.pk, b.pk): 1, (b.pk, a.pk): 1}
    Meeting.objects.filter(pk=m.pk).update(status=Meeting.Status.PLANNED)
    assert stored() == {}
    rejected = meeting(a, b, status="planned", review="rejected")
    Meeting.objects.filter(pk=rejected.pk).update(status=Meeting.Status.HELD)  # still rejected
    assert stored() == {}


def test_deleting_meetings(people):
    a, b, c = people[:3]
    first, second = meeting(a, b, c), meeting(a, b)
    first.delete()
    assert_exact()
    Meeting.objects.filter(pk=second.pk).delete()
    assert stored() == {}


def test_a_meeting_deleted_before_its_participations_in_one_transaction(people):
    # The foreign keys are deferred: raw SQL may delete in the order Django does not.
    a, b = people[:2]
    m = meeting(a, b)
    with transaction.atomic():
        Meeting.objects.filter(pk=m.pk)._raw_delete(Meeting.objects.db)
        assert stored() == {}
        Participation.objects.filter(meeting_id=m.pk)._raw_delete(Participation.objects.db)
    assert_exact()


def test_deleting_a_person(people):
    a, b, c = people[:3]
    meeting(a, b, c)
    meeting(b, c)
    b.delete()
    assert_exact()
    assert stored() == {(a.pk, c.pk): 1, (c.pk, a.pk): 1}


def test_merging_two_entries_for_one_person(people):
    xi, copy, putin, biden = people[:4]
    meeting(xi, copy, putin)
    meeting(copy, putin)
    meeting(copy, biden, status="planned")
    meeting(xi, copy)
    merge_entities(xi, [copy])
    assert_exact()
    assert stored() == {(xi.pk, putin.pk): 2, (putin.pk, xi.pk): 2}


def test_the_ingest_paths(catalog, seeds_dir):
    items = [i for i in read_paths([seeds_dir], Defaults(), max_bytes=2**21) if isinstance(i, ArticleInput)]
    for item in items[: len(items) // 2]:
        ingest_input(item)
    assert_exact()
    ingest_many(items, batch_size=5)
    assert Contact.objects.exists()
    assert_exact()
    # A later, more precise report refines the meeting the first one stored.
    met = "التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين في مارس 2024 وبحثا العلاقات."
    again = "التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين يوم 5 مارس 2024 في موسكو."
    ingest_many([ArticleInput(origin="m", body=met, published_on=date(2024, 3, 30))])
    ingest_many([ArticleInput(origin="a", body=again, published_on=date(2024, 3, 6))])
    assert_exact()


def test_the_entity_page_reads_what_it_counted_before(people):
    a, b, c, d, e = people
    for who in [(a, b), (a, b, c), (a, c), (a, d), (b, c), (b, c, d), (a, e)]:
        meeting(*who)
    meeting(a, e, review="rejected")
    meeting(a, d, status="planned")
    before = list(
        Participation.objects.filter(meeting__in=meetings_of(a).held().values("id"))
        .exclude(person=a)
        .values("person__id", "person__slug", "person__name")
        .annotate(count=Count("meeting", distinct=True))
        .order_by("-count", "person__name")
    )
    met = counterparts(a, meetings_of(a).held())
    assert met == [
        {"ident": r["person__id"], "slug": r["person__slug"], "name": r["person__name"], "count": r["count"]}
        for r in before
    ]
    links = sorted(_links_among([b.pk, c.pk, d.pk, e.pk]))
    assert links == sorted(
        [(min(b.pk, c.pk), max(b.pk, c.pk), 3), (min(b.pk, d.pk), max(b.pk, d.pk), 1)]
        + [(min(c.pk, d.pk), max(c.pk, d.pk), 1)]
    )


# One write: an operation and numbers that pick its meeting, people and values.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["create", "add", "remove", "move", "review", "status", "delete", "merge", "drop"]),
        st.integers(0, 30),
        st.integers(0, 30),
        st.integers(0, 30),
    ),
    max_size=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_sequence_of_writes_keeps_the_table_exact(person, steps):
    with transaction.atomic():
        pool = [person(f"random-{i}", f"عشوائي {i}") for i in range(5)]
        meetings: list[Meeting] = []
        for op, i, j, k in steps:
            m = meetings[i % len(meetings)] if meetings else None
            p, q = pool[j % len(pool)], pool[k % len(pool)]
            if op == "create" or m is None:
                who = {pool[x % len(pool)].pk: pool[x % len(pool)] for x in (i, j, k)[: 1 + i % 3]}
                meetings.append(
                    meeting(
                        *who.values(),
                        status=("held", "planned")[j % 2],
                        review=("suggested", "rejected")[k % 2],
                    )
                )
            elif op == "add":
                Participation.objects.get_or_create(meeting=m, person=p)
            elif op == "remove":
                Participation.objects.filter(meeting=m, person=p).delete()
            elif op == "move" and not m.participations.filter(person=q).exists():
                Participation.objects.filter(meeting=m, person=p).update(person=q)
            elif op == "review":
                Meeting.objects.filter(pk=m.pk).update(review=("confirmed", "rejected", "suggested")[j % 3])
            elif op == "status":
                m.status = ("held", "planned")[j % 2]
                m.save(update_fields=["status"])
            elif op == "delete":
                meetings.remove(m)
                m.delete()
            elif op == "merge" and p != q and len(pool) > 2:
                merge_entities(p, [q])
                pool.remove(q)
            elif op == "drop" and len(pool) > 2:
                pool.remove(p)
                p.delete()
            assert_exact()
        transaction.set_rollback(True)
