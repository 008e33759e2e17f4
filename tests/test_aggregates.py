"""Aggregates kept under the meetings' version: read from the cache until any meeting changes."""

import re
from datetime import date

import pytest
from django.contrib.postgres.search import SearchVector
from django.core.cache import caches
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext

from newsapp.aggregates import Aggregates, ScopeTooNarrow
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


def test_scoped_reads_are_kept_without_compiling_their_sql(catalog, settings, monkeypatch):
    build_world(3)
    first = Aggregates(scope=("timeline", "")).read(rows())
    settings.MARSAD_CHECK_AGGREGATE_SCOPES = False

    def no_compiling(self):
        raise AssertionError("a scoped read compiled its SQL")

    monkeypatch.setattr("django.db.models.sql.query.Query.sql_with_params", no_compiling)
    with CaptureQueriesContext(connection) as captured:
        assert Aggregates(scope=("timeline", "")).read(rows()) == first
    assert len(captured) == 1  # the version only


def test_reads_of_one_shape_in_one_request_keep_their_own_entries(catalog):
    build_world(4)
    aggregates = Aggregates(scope=("timeline", ""))
    assert aggregates.read(rows().filter(kind="call")) == [("call",)]
    assert len(aggregates.read(rows())) == 4
    again = Aggregates(scope=("timeline", ""))
    assert again.read(rows().filter(kind="call")) == [("call",)]
    assert len(again.read(rows())) == 4


def test_a_scope_that_misses_what_a_query_depends_on_fails_under_the_check(catalog):
    build_world(4)
    Aggregates(scope="too narrow").read(rows().filter(kind="call"))
    with pytest.raises(ScopeTooNarrow):
        Aggregates(scope="too narrow").read(rows().filter(kind="visit"))


def test_the_timeline_keys_its_reads_on_its_filters_and_page(client, catalog):
    build_world(45)
    seen = {}
    for query in ["", "?kind=call", "?leader=xi-jinping", "?leader=xi-jinping&kind=call", "?page=2"]:
        for _ in range(2):  # the second from the cache, checked against the first (the check is on)
            caches["default"].clear()
            response = client.get("/timeline/" + query)
            assert response.status_code == 200
            seen.setdefault(query, response.context["paginator"].count)
            assert response.context["paginator"].count == seen[query]
    assert seen[""] == seen["?page=2"] > seen["?kind=call"] > seen["?leader=xi-jinping&kind=call"]


def test_a_scoped_read_builds_its_query_only_when_the_cache_lacks_it(catalog, settings):
    build_world(3)
    settings.MARSAD_CHECK_AGGREGATE_SCOPES = False  # the check builds every query to compile it
    builds = []

    def query():
        builds.append(1)
        return rows()

    first = Aggregates(scope="timeline").read(query)
    assert Aggregates(scope="timeline").read(query) == first
    assert len(builds) == 1
    assert Aggregates().read(query) == first  # unscoped: built to be compiled for its key
    assert len(builds) == 2
