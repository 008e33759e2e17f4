"""Every list endpoint runs the same number of queries whatever the number of rows."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsapp.models import Mention, Position

from .builders import make_article, make_meeting, make_source

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/meetings/?page_size=100",
    "/api/meetings/?leader=t-xi&leader=t-putin&from=2020-01-01&q=شي&page_size=100",
    "/api/articles/?page_size=100",
    "/api/articles/?leader=t-xi&page_size=100",
    "/api/entities/?page_size=100",
    "/api/entities/?q=t&kind=person&page_size=100",
    "/api/meetings.csv",
    "/api/articles.csv",
    "/api/meetings.ics",
    "/api/feeds/articles.rss",
    "/api/feeds/leaders/t-xi/t-putin.atom",
]


def grow(people, n: int) -> None:
    """n more meetings, articles with sources and mentions, and people with aliases and positions."""
    from newsapp.models import Entity

    source = make_source(f"مصدر {Entity.objects.count()}")
    for i in range(n):
        article = make_article(source=source)
        Mention.objects.create(article=article, entity=people["xi"], start=0, end=2, text="شي")
        Mention.objects.create(article=article, entity=people["putin"], start=3, end=5, text="بوتين")
        make_meeting(people["xi"], people["putin"], article=article, location=people["china"])
        extra = Entity.objects.create(
            kind="person", slug=f"t-extra-{Entity.objects.count()}-{i}", name=f"شخص {i}"
        )
        extra.aliases.create(text=f"شخص {i}")
        Position.objects.create(person=extra, office="other", of=people["china"], title="وزير")


def count_queries(api, url: str) -> int:
    caches["fragments"].clear()  # counted cold: every meeting serialized
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
        assert response.status_code == 200, (url, response.content[:300])
    return len(context)


@pytest.mark.parametrize("url", LISTS)
def test_a_list_runs_a_constant_number_of_queries_at_n_and_10n_rows(api, people, url):
    grow(people, 3)
    small = count_queries(api, url)
    grow(people, 27)
    assert count_queries(api, url) == small


# Article columns no list shows: bodies, and search vectors read back from TOAST
# (a select_related("article") loaded both for every source of every meeting).
HEAVY_ARTICLE_COLUMNS = ('"body"', '"raw_text"', '"search_normalized"', '"search_stemmed"')


@pytest.mark.parametrize(
    "url", [url for url in LISTS if url.startswith(("/api/meetings/", "/api/articles/"))]
)
def test_a_list_never_selects_an_articles_body_or_search_vectors(api, people, url):
    grow(people, 2)
    caches["fragments"].clear()
    with CaptureQueriesContext(connection) as context:
        assert api.get(url).status_code == 200
    selected = [query["sql"].split(" FROM ")[0] for query in context.captured_queries]
    assert [s for s in selected if any(column in s for column in HEAVY_ARTICLE_COLUMNS)] == []
