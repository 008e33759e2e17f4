"""The newest matches in date windows (any window bounds give the rows of the plain query), and
the one query read before them: alias rows when changed, with the date statistics."""

from datetime import date, timedelta

import pytest

from newsapp.models import Article
from newsapp.search import _restricted, resolve_text
from newsapp.search.candidates import NEWEST_FIRST, DateStats, newest_ids
from newsapp.services.ingest import ingest_article

pytestmark = pytest.mark.django_db
START = date(2024, 1, 1)


def test_windows_grow_from_the_newest_articles():
    bounds = tuple(START + timedelta(days=i) for i in range(101))  # 100 quantile steps
    windows = DateStats(rows=100_000, bounds=bounds).windows()
    # 1,000, 5,000 and 25,000 of 100,000 articles: the newest 1, 5 and 25 steps.
    assert windows == [bounds[99], bounds[95], bounds[75]]
    assert DateStats(rows=1_500, bounds=bounds).windows() == []
    assert DateStats().windows() == []


@pytest.mark.parametrize("limit", [1, 3, 7, 40])
def test_windows_never_change_the_ids(catalog, limit):
    for i in range(30):
        words = "لقاء بوتين" if i % 3 else "زيارة"
        day = None if i == 4 else START + timedelta(days=i // 2)
        ingest_article(body=f"{words} رقم {i} في موسكو.", title=f"خبر {i}", published_on=day)
    matching = _restricted(Article.objects.all(), resolve_text("بوتين").query)
    plain = list(matching.order_by(*NEWEST_FIRST).values_list("id", flat=True)[: limit + 1])
    days = [START + timedelta(days=d) for d in (14, 12, 9, 5, 1)]
    for windows in ([], days[:1], days[:3], days):
        assert newest_ids(matching, limit, windows) == plain
    if limit == 40:  # everything: the undated article comes last
        assert Article.objects.get(pk=plain[-1]).published_on is None


def test_the_date_statistics_come_with_the_aliases(catalog):
    from django.db import connection

    from newsapp.search.names import reference

    for i in range(30):
        ingest_article(body=f"خبر رقم {i}.", title=f"خبر {i}", published_on=START + timedelta(days=i))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsapp_article")
    index, dates = reference()
    assert index.by_key  # the catalog's aliases
    assert dates.rows == 30 and dates.bounds[0] == START and dates.bounds[-1] == START + timedelta(days=29)
    parsed = DateStats.parse('[1000, 0.1, ["2024-01-01", "2024-02-01"]]')
    assert parsed == DateStats(rows=900.0, bounds=(date(2024, 1, 1), date(2024, 2, 1)))
    assert DateStats.parse(None) == DateStats.parse("[0, null, null]") == DateStats()


def test_a_changed_alias_counts_at_once_even_in_the_same_transaction(catalog):
    from newsapp.models import Alias, Entity
    from newsapp.search.names import reference

    putin = Entity.objects.get(slug="vladimir-putin")
    assert not reference()[0].lookup(("بوتينوف",))
    alias = Alias.objects.create(entity=putin, text="بوتينوف", key="بوتينوف")
    assert reference()[0].lookup(("بوتينوف",)) == {putin.pk}
    Alias.objects.filter(pk=alias.pk).update(key="بوتينوفا")  # same row count, same transaction
    index = reference()[0]
    assert not index.lookup(("بوتينوف",)) and index.lookup(("بوتينوفا",)) == {putin.pk}
    Entity.objects.filter(pk=putin.pk).update(name="فلاديمير فلاديميروفيتش بوتين")
    assert reference()[0].entities[putin.pk].name == "فلاديمير فلاديميروفيتش بوتين"
