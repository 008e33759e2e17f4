"""Aggregates kept under the meetings' version: read from the cache until any meeting changes."""

import re
from datetime import date

import pytest
from django.contrib.postgres.search import SearchVector
from django.core.cache import caches
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext

from newsapp.aggregates import Aggregates
from newsapp.models import Article, Entity, Evidence, Meeting, Participation
from newsapp.versions import meetings_version

from .views.builders import build_world

pytestmark = pytest.mark.django_db


def rows():
    return Meeting.objects.visible().held().values_list("kind").order_by("kind")


def test_rows_are_read_once_per_version(catalog):
    build_world(3)
    first = Aggregates().read(rows())
    with CaptureQueriesContext(connection) as captured:
        again = Aggregates().read(rows())
    assert again == first
    assert len(captured) == 1  # the version only


def test_a_query_that_can_match_nothing_reads_as_no_rows(catalog):
    build_world(2)
    assert Aggregates().read(rows().filter(pk__in=[])) == []
    assert Aggregates().read(rows().filter(pk__in=[]), len) == 0


def test_each_query_has_its_own_entry(catalog):
    build_world(4)
    aggregates = Aggregates()
    calls = aggregates.read(rows().filter(kind="call"))
    everything = aggregates.read(rows())
    assert calls == [("call",)]
    assert len(everything) == 4


@pytest.mark.parametrize(
    "change",
    [
        lambda m: Meeting.objects.filter(pk=m.pk).update(review="rejected"),  # the admin action
        lambda m: Meeting.objects.filter(pk=m.pk).delete(),
        lambda m: Participation.objects.filter(meeting=m).delete(),
        lambda m: Evidence.objects.filter(meeting=m).delete(),
        lambda m: Entity.objects.filter(participations__meeting=m).update(name="اسم جديد"),
        lambda m: Meeting.objects.create(kind="call", start_date=date(2024, 1, 1)),
        # What only a filter reads: a participant's country (country=), a source's words (q=).
        lambda m: Entity.objects.filter(participations__meeting=m).update(country=None),
        lambda m: Article.objects.filter(evidence__meeting=m).update(
            search_normalized=SearchVector(Value("جديد"))
        ),
    ],
    ids=[
        "rejected",
        "deleted",
        "participants removed",
        "sources removed",
        "renamed",
        "new meeting",
        "participant moved",
        "source re-indexed",
    ],
)
def test_every_change_to_a_meeting_or_what_it_shows_moves_the_version(catalog, change):
    world = build_world(2)
    before = meetings_version()
    change(world.meetings[0])
    assert meetings_version() > before


def test_an_article_with_no_meeting_keeps_the_version(catalog):
    world = build_world(2)
    before = meetings_version()
    article = world.articles[0]
    article.analyzed_at = None
    article.save(update_fields=["analyzed_at"])
    assert meetings_version() == before


def test_reindexing_an_article_no_meeting_was_read_in_keeps_the_version(catalog):
    build_world(2)
    lone = Article.objects.create(title="مقال", body="نص لا لقاء فيه", content_hash="lone")
    before = meetings_version()
    Article.objects.filter(pk=lone.pk).update(search_normalized=SearchVector(Value("جديد")))
    assert meetings_version() == before


def test_counts_are_read_once_per_version_and_follow_a_change(catalog):
    world = build_world(4)
    visible = Meeting.objects.visible().count()
    assert Aggregates().count(Meeting.objects.visible()) == visible
    with CaptureQueriesContext(connection) as captured:
        assert Aggregates().count(Meeting.objects.visible()) == visible
    assert len(captured) == 1  # the version only
    Meeting.objects.filter(pk=world.meetings[0].pk).update(review="rejected")
    assert Aggregates().count(Meeting.objects.visible()) == visible - 1
    assert Aggregates().count(Meeting.objects.filter(pk__in=[])) == 0


def test_a_rejected_meeting_leaves_the_timeline_chart_at_once(client, catalog):
    world = build_world(6)
    client.get("/timeline/")
    caches["default"].clear()  # the page cache (its own invalidation is tested apart)
    meeting = world.meetings[0]
    Meeting.objects.filter(pk=meeting.pk).update(review="rejected")
    response = client.get("/timeline/")
    assert f'id="m-{meeting.pk}"' not in response.content.decode()
    chart_total = sum(bar["total"] for bar in response.context["chart"]["bars"])
    assert chart_total == Meeting.objects.visible().held().exclude(start_date=None).count() == 5
    assert response.context["paginator"].count == 5


def test_a_new_meeting_and_a_moved_date_show_on_the_timeline_at_once(client, catalog):
    world = build_world(6)
    client.get("/timeline/")
    caches["default"].clear()
    new = Meeting.objects.create(kind="call", start_date=date(2031, 1, 1))
    moved = world.meetings[0]
    Meeting.objects.filter(pk=moved.pk).update(start_date=date(2031, 2, 1))
    html = client.get("/timeline/").content.decode()
    cards = [int(pk) for pk in re.findall(r'<article class="meeting [^"]*" id="m-(\d+)"', html)]
    held = [pk for pk in cards if pk != world.planned.pk]  # the upcoming list comes first
    assert held[:2] == [moved.pk, new.pk]  # newest first: February 2031, then January


def test_a_warm_timeline_reads_neither_charts_nor_cards(client, catalog):
    build_world(6)
    client.get("/timeline/")
    caches["default"].clear()
    with CaptureQueriesContext(connection) as captured:
        client.get("/timeline/")
    # The version only: the count, the rows of the page and of the upcoming list, their cards
    # and the charts all come from the cache (the memoized filter choices: no query either).
    assert len(captured) == 1
