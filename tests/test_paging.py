"""Counting a list: capped, and kept until the next write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsapp.caching import bump_generation
from newsapp.models import Article
from newsapp.paging import count_until_next_write

from .api.builders import make_article

pytestmark = pytest.mark.django_db


def counted(queryset) -> tuple[int, int]:
    """(the count, how many queries it took)."""
    with CaptureQueriesContext(connection) as captured:
        count = count_until_next_write(queryset)
    return count, len(captured)


def test_a_list_is_counted_once_until_the_next_write():
    make_article()
    make_article()
    assert counted(Article.objects.all()) == (2, 1)
    assert counted(Article.objects.all()) == (2, 0)


def test_a_new_article_is_counted_at_once():
    make_article()
    assert counted(Article.objects.all()) == (1, 1)
    make_article()  # its save moves the generation, as it does for cached pages
    assert counted(Article.objects.all()) == (2, 1)


def test_a_write_that_sends_no_signal_is_counted_after_its_generation_moves():
    """Bulk deletes and the admin's actions move the generation themselves (newsapp.caching)."""
    first, second = make_article(), make_article()
    assert counted(Article.objects.all())[0] == 2
    Article.objects.filter(pk=first.pk)._raw_delete(connection.alias)
    bump_generation()
    assert counted(Article.objects.all()) == (1, 1)
    assert second.pk in Article.objects.values_list("pk", flat=True)


def test_each_filter_has_its_own_count():
    make_article(title="أ")
    make_article(title="ب")
    assert counted(Article.objects.filter(title="أ")) == (1, 1)
    assert counted(Article.objects.all()) == (2, 1)


def test_a_filter_no_row_can_match_counts_nothing():
    make_article()
    assert counted(Article.objects.filter(pk__in=[])) == (0, 0)


def _count_line(response) -> str:
    page = response.content.decode()
    start = page.index('aria-live="polite">')
    return page[start : page.index("</p>", start)]


def test_the_pages_of_the_article_list_count_once(client):
    for _ in range(25):
        make_article()
    first = client.get("/articles/")
    with CaptureQueriesContext(connection) as captured:
        second = client.get("/articles/?page=2")
    assert second.status_code == 200
    assert not any("COUNT(*)" in query["sql"] for query in captured)
    assert _count_line(second) == _count_line(first)
    assert "25" in _count_line(first) or "٢٥" in _count_line(first)


def test_the_api_pages_of_articles_count_once_and_see_a_new_article(client):
    for _ in range(3):
        make_article()
    assert client.get("/api/articles/?page_size=2").json()["count"] == 3
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/articles/?page_size=2&page=2").json()["count"] == 3
    assert not any("COUNT(*)" in query["sql"] for query in captured)
    make_article()
    assert client.get("/api/articles/?page_size=2&page=2").json()["count"] == 4
