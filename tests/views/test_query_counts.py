"""Every page runs the same number of SQL queries whatever the number of rows."""

import itertools
from datetime import date

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsapp.models import Article, Entity, Evidence, Meeting, Mention, Participation
from newsapp.views.filtering import filter_choices

from .builders import build_world

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/articles/",
    "/articles/?leader=xi-jinping&from=2023-01-01",
    "/timeline/",
    "/timeline/?leader=xi-jinping&leader=vladimir-putin",
    "/timeline/?leader=joe-biden&from=2023-01-01&to=2030-12-31&kind=meeting",
    "/timeline/?country=china",
    "/entities/xi-jinping/",
    "/entities/china/",
    "/entities/g20/",
    "/entities/bali/",
    "/search/?q=الجانبين",
]


def queries(client, url: str) -> int:
    # Meeting cards counted cold (every card built: the most queries a page runs);
    # the filter forms' options are memoized per cache generation: counted warm.
    caches["fragments"].clear()
    filter_choices()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_page_runs_a_constant_number_of_queries_at_n_and_10n_rows(client, catalog):
    counter = itertools.count(1)
    build_world(5, counter=counter)
    small = {url: queries(client, url) for url in URLS}
    build_world(45, start=date(2021, 1, 5), counter=counter)
    large = {url: queries(client, url) for url in URLS}
    assert large == small
    # The numbers themselves, so a change is seen in review. Home, timeline and entity pages
    # read the meetings' version first (newsapp/aggregates.py): one query that spares
    # their charts and counts when the fragment cache has them. Timeline, home and entity
    # pages read their meetings' rows, then the places of cards not cached: one more cold.
    # The timeline counts its meetings with its chart's rows (newsapp/views/charts.py); a pair's
    # draws its chart, strip and summary from one read of its meetings (views/relationship.py).
    assert small == {
        "/": 9,
        "/articles/": 2,
        "/articles/?leader=xi-jinping&from=2023-01-01": 3,
        "/timeline/": 8,
        "/timeline/?leader=xi-jinping&leader=vladimir-putin": 9,
        "/timeline/?leader=joe-biden&from=2023-01-01&to=2030-12-31&kind=meeting": 9,
        "/timeline/?country=china": 9,
        "/entities/xi-jinping/": 12,
        "/entities/china/": 13,
        "/entities/g20/": 12,
        "/entities/bali/": 11,
        "/search/?q=الجانبين": 5,  # aliases, count, page, meetings (+ people); filter choices memoized
    }


def _article_with(n: int, counter) -> Article:
    people = list(Entity.objects.persons().order_by("slug")[: n + 1])
    body = " ".join(p.name for p in people) + "."
    article = Article.objects.create(
        title="مقال",
        body=body,
        raw_text=body,
        published_on=date(2024, 1, 1),
        content_hash=f"{next(counter):064x}",
    )
    offset = 0
    for p in people:
        Mention.objects.create(article=article, entity=p, start=offset, end=offset + len(p.name), text=p.name)
        offset += len(p.name) + 1
    for i in range(n):
        meeting = Meeting.objects.create(kind="call", start_date=date(2024, 1, 1))
        Participation.objects.bulk_create(
            [
                Participation(meeting=meeting, person=people[i]),
                Participation(meeting=meeting, person=people[i + 1]),
            ]
        )
        Evidence.objects.create(meeting=meeting, article=article, sentence=people[i].name, start=0, end=3)
    return article


def test_the_article_page_runs_a_constant_number_of_queries_at_n_and_10n_mentions_and_meetings(
    client, catalog
):
    counter = itertools.count(1)
    small = _article_with(3, counter)
    large = _article_with(30, counter)
    assert queries(client, small.get_absolute_url()) == queries(client, large.get_absolute_url()) == 5
