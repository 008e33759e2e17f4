"""A search runs the same number of queries whatever the number of articles."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from newsapp.search import search
from newsapp.services.ingest import ingest_article

pytestmark = pytest.mark.django_db

BODY = "اجرى الرئيس فلاديمير بوتين مكالمة هاتفية مع الرئيس الصيني شي جين بينغ رقم {n} وبحثا العلاقات."


def add(n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        ingest_article(body=BODY.format(n=i), title=f"خبر {i}", published_on=date(2024, 1, 1) + timedelta(i))


def run(query: str) -> None:
    results = search(query)
    results.count()
    results[0:20]
    results.meetings([1])


# aliases (with the date statistics), newest matching ids (the count too), page (none without a
# match), meetings (+ their people when the query names someone)
@pytest.mark.parametrize(
    ("query", "queries"), [("بوتين", 5), ("الرءيس الصيني", 4), ('"مكالمة هاتفية" -ترامب', 4), ("بوتيين", 3)]
)
def test_a_search_runs_a_constant_number_of_queries_at_two_sizes(
    catalog, django_assert_num_queries, query, queries
):
    add(3)
    with django_assert_num_queries(queries):
        run(query)
    add(30, start=3)
    with django_assert_num_queries(queries):
        run(query)


def test_the_search_page_runs_a_constant_number_of_queries_at_two_sizes(client, catalog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("search"), {"q": "بوتين"}).status_code == 200
        return len(captured)

    add(3)
    small = count()
    add(30, start=3)
    assert count() == small
