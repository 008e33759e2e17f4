"""The pages honour the shared filter contract (GUIDE §3) exactly."""

import re
from datetime import date

import pytest
from django.urls import reverse

from newsapp.models import Entity, Meeting

pytestmark = pytest.mark.django_db


def shown_meetings(html: str, section: str = 'id="held-title"') -> set[int]:
    """Ids of the held meetings listed on a timeline page (upcoming ones are above the heading)."""
    _, _, held = html.partition(section)
    return {int(pk) for pk in re.findall(r'<article class="meeting [^"]*" id="m-(\d+)"', held)}


def timeline(client, query: str) -> str:
    response = client.get(reverse("timeline") + query)
    assert response.status_code == 200
    return response.content.decode()


def expected(*slugs, start=None, end=None, kind=None) -> set[int]:
    people = [Entity.objects.get(slug=s) for s in slugs]
    meetings = Meeting.objects.visible().held().involving(*people).between(start, end)
    if kind:
        meetings = meetings.of_kind(kind)
    return set(meetings.values_list("id", flat=True))


def test_two_leaders_show_exactly_their_contacts(client, world):
    html = timeline(client, "?leader=xi-jinping&leader=vladimir-putin")
    assert shown_meetings(html) == expected("xi-jinping", "vladimir-putin")
    assert shown_meetings(html)


def test_one_leader_and_a_year_show_exactly_that_leaders_contacts_of_the_year(client, world):
    html = timeline(client, "?leader=joe-biden&from=2023-01-01&to=2023-12-31")
    assert shown_meetings(html) == expected("joe-biden", start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert shown_meetings(html)


def test_the_kind_filter_keeps_one_kind(client, world):
    html = timeline(client, "?kind=call")
    assert shown_meetings(html) == {m.pk for m in world.meetings if m.kind == "call"}


def test_the_country_filter_keeps_meetings_of_that_countrys_people(client, world):
    china = Entity.objects.get(slug="china")
    html = timeline(client, "?country=china")
    assert shown_meetings(html) == set(
        Meeting.objects.visible().held().in_country(china).values_list("id", flat=True)
    )


def test_the_filter_form_keeps_what_was_chosen(client, world):
    html = timeline(client, "?leader=xi-jinping&leader=vladimir-putin&kind=call&from=2023-01-01")
    assert re.search(r'id="f-leader1".*?<option value="xi-jinping" selected>', html, re.S)
    assert re.search(r'id="f-leader2".*?<option value="vladimir-putin" selected>', html, re.S)
    assert '<option value="call" selected>' in html
    assert 'name="from" value="2023-01-01"' in html


def test_the_pair_ordinal_counts_the_pairs_contacts_of_that_kind_in_that_year(client, world):
    xi, putin = Entity.objects.get(slug="xi-jinping"), Entity.objects.get(slug="vladimir-putin")
    for kind, day in [("call", 3), ("call", 10), ("visit", 12), ("call", 20)]:
        meeting = Meeting.objects.create(kind=kind, start_date=date(2026, 5, day))
        meeting.participants.add(xi, putin)
    html = timeline(client, "?leader=xi-jinping&leader=vladimir-putin&from=2026-05-15")
    assert "الاتصال الهاتفي الثالث بينهما في 2026" in html
    assert "الاتصال الهاتفي الأول بينهما في 2026" not in html  # filtered out, but still counted
    html = timeline(client, "?leader=xi-jinping&leader=vladimir-putin")
    assert "الاتصال الهاتفي الأول بينهما في 2026" in html
    assert "الزيارة الأولى بينهما في 2026" in html


def test_the_heading_counts_every_held_meeting_of_the_filter_the_undated_too(client, world):
    xi, putin = Entity.objects.get(slug="xi-jinping"), Entity.objects.get(slug="vladimir-putin")
    undated = Meeting.objects.create(kind="call", start_date=None)
    undated.participants.add(xi, putin)
    planned = Meeting.objects.create(kind="visit", start_date=date(2030, 1, 1), status="planned")
    planned.participants.add(xi, putin)
    n = len(expected("xi-jinping", "vladimir-putin"))
    assert n > 2
    heading = re.search(
        r'<h2 id="held-title">([^<]*)</h2>', timeline(client, "?leader=xi-jinping&leader=vladimir-putin")
    )
    assert heading.group(1).split()[0] == str(n)


def test_the_articles_list_filters_by_leader_source_and_dates(client, world):
    source = world.articles[0].source
    html = client.get(reverse("article-list") + f"?source={source.pk}").content.decode()
    for article in world.articles:
        assert (article.get_absolute_url() in html) == (article.source_id == source.pk)
    assert f'<option value="{source.pk}" selected>' in html  # the form keeps the reader's choice
    html = client.get(reverse("article-list") + "?leader=mohammed-bin-salman").content.decode()
    for article in world.articles:
        named = article.mentions.filter(entity__slug="mohammed-bin-salman").exists()
        assert (f'href="{article.get_absolute_url()}"' in html) == named
    day = world.articles[3].published_on.isoformat()
    html = client.get(reverse("article-list") + f"?from={day}&to={day}").content.decode()
    assert [a for a in world.articles if f'href="{a.get_absolute_url()}"' in html] == [world.articles[3]]


def test_search_finds_articles_by_their_words(client, world):
    html = client.get(reverse("search") + "?q=قمة عبر الفيديو").content.decode()
    for article in world.articles:
        assert (f'href="{article.get_absolute_url()}"' in html) == (
            article.evidence.get().meeting.kind == "video"
        )


def test_the_article_list_pages_through_results(client, catalog):
    from .builders import build_world

    build_world(45)
    first = client.get(reverse("article-list")).content.decode()
    third = client.get(reverse("article-list") + "?page=3").content.decode()
    assert "صفحة 1 من 3" in first and "صفحة 3 من 3" in third
    assert len(re.findall(r'class="article-item"', third)) == 5


def test_the_leader_pickers_list_the_most_met_and_always_the_chosen(client, world, monkeypatch):
    from newsapp.caching import bump_generation
    from newsapp.views import filtering

    monkeypatch.setattr(filtering, "LEADER_CHOICES", 1)
    bump_generation()
    html = timeline(client, "")
    picker = re.search(r'id="f-leader1"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert picker.count("<option") == 2  # "all leaders" and the one met most
    # A leader outside the capped list, once chosen, is listed and selected.
    others = re.findall(r'<option value="([^"]+)"', picker)
    rare = Entity.objects.persons().exclude(slug__in=others).filter(participations__isnull=False).first()
    html = timeline(client, f"?leader={rare.slug}")
    assert re.search(rf'id="f-leader1".*?<option value="{rare.slug}" selected>', html, re.S)


def test_the_leader_pickers_rank_people_by_their_visible_meetings(client, catalog):
    from newsapp.caching import bump_generation
    from newsapp.models import Participation
    from newsapp.views.filtering import filter_choices

    xi, putin, biden = (Entity.objects.get(slug=s) for s in ("xi-jinping", "vladimir-putin", "joe-biden"))

    def meeting(*people, review="pending", status="held"):
        held = Meeting.objects.create(kind="call", start_date=date(2024, 5, 1), review=review, status=status)
        for person in people:
            Participation.objects.create(meeting=held, person=person)

    meeting(putin, biden)
    meeting(putin, biden)
    meeting(putin, status="planned")  # announced meetings count too
    for _ in range(3):
        meeting(xi, review="rejected")  # an editor's rejection does not
    meeting(xi)
    bump_generation()
    ranked = [row["slug"] for row in filter_choices()["leader_choices"]]
    assert ranked == ["vladimir-putin", "joe-biden", "xi-jinping"]
