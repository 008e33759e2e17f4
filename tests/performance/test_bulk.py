"""The bulk ingest stores what the per-article path stores, and the corpus generator is reproducible."""

from __future__ import annotations

from datetime import date

import pytest

from newsapp.bench.corpus import build_corpus
from newsapp.models import Article, Evidence, Meeting, Mention, Participation
from newsapp.search.indexing import index_rows
from newsapp.services.bulk import ingest_many
from newsapp.services.ingest import ingest_input
from newsapp.services.readers import ArticleInput, Defaults, read_paths

pytestmark = pytest.mark.django_db


def stored() -> dict:
    # repr sorts rows with empty dates too.
    return {
        "articles": sorted(map(repr, Article.objects.values_list("content_hash", "title", "published_on"))),
        "mentions": sorted(
            Mention.objects.values_list("article__content_hash", "entity__slug", "start", "end")
        ),
        "meetings": sorted(
            repr(
                (
                    m.kind,
                    m.start_date,
                    m.precision,
                    m.status,
                    tuple(sorted((p.person.slug, p.role) for p in m.participations.all())),
                )
            )
            for m in Meeting.objects.prefetch_related("participations__person")
        ),
        "evidence": sorted(Evidence.objects.values_list("article__content_hash", "start", "end")),
    }


def seed_items(seeds_dir) -> list[ArticleInput]:
    return [i for i in read_paths([seeds_dir], Defaults(), max_bytes=2**21) if isinstance(i, ArticleInput)]


def corpus_items(count: int) -> list[ArticleInput]:
    corpus = build_corpus(articles=count, meetings=count // 3, entities=0, seed=5)
    return list(corpus.stream())


@pytest.fixture
def items(seeds_dir):
    return seed_items(seeds_dir) + corpus_items(24)


@pytest.mark.parametrize("workers", [1, 2])
def test_bulk_and_per_article_paths_store_the_same_rows(catalog, items, workers):
    for item in items:
        ingest_input(item)
    one_by_one = stored()
    Meeting.objects.all().delete()
    Article.objects.all().delete()
    report = ingest_many(items, batch_size=7, workers=workers)
    assert report.created == len(items) and report.duplicates == 0
    assert stored() == one_by_one


def test_bulk_ingest_twice_creates_nothing_the_second_time(catalog, items):
    ingest_many(items, batch_size=10)
    before = (Article.objects.count(), Meeting.objects.count(), Participation.objects.count())
    again = ingest_many(items, batch_size=10)
    assert (again.created, again.duplicates) == (0, len(items))
    assert (Article.objects.count(), Meeting.objects.count(), Participation.objects.count()) == before


MET = "التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين يوم 5 مارس 2024 وبحثا العلاقات الثنائية."
VISIT = (
    "وصل الرئيس الصيني شي جين بينغ إلى موسكو في زيارة رسمية يوم 5 مارس 2024، "
    "واستقبله الرئيس الروسي فلاديمير بوتين في الكرملين."
)


@pytest.mark.parametrize("batch_size", [1, 2])
def test_a_visit_report_gives_the_roles_a_meeting_report_lacked_in_bulk_too(catalog, batch_size):
    reports = [
        ArticleInput(origin=str(i), body=body, published_on=date(2024, 3, 6))
        for i, body in enumerate((MET, VISIT))
    ]
    for item in reports:
        ingest_input(item)
    one_by_one = stored()
    Meeting.objects.all().delete()
    Article.objects.all().delete()
    ingest_many(reports, batch_size=batch_size)
    assert stored() == one_by_one
    roles = dict(Participation.objects.values_list("person__slug", "role"))
    assert roles == {"xi-jinping": "visitor", "vladimir-putin": "host"}


def test_bulk_finds_the_meetings_stored_before_it_started(catalog):
    met, visit = (
        ArticleInput(origin=str(i), body=body, published_on=date(2024, 3, 6))
        for i, body in enumerate((MET, VISIT))
    )
    ingest_input(met)
    ingest_input(visit)
    one_by_one = stored()
    Article.objects.exclude(content_hash=Article.objects.get(body__contains="التقى").content_hash).delete()
    Meeting.objects.update(kind="meeting", start_date=date(2024, 3, 1), precision="month")
    Participation.objects.update(role="participant")
    report = ingest_many([visit])
    assert (report.created, report.meetings_created) == (1, 0)
    assert stored() == one_by_one


def test_bulk_writes_the_search_columns_index_rows_writes(catalog, items):
    ingest_many(items[:8], batch_size=5)
    columns = ("id", "title", "body", "search_normalized", "search_stemmed")
    written = sorted(Article.objects.values_list(*columns))
    assert len(written) == 8 and all(row[3] and row[4] for row in written)
    index_rows([row[:3] for row in written])
    assert sorted(Article.objects.values_list(*columns)) == written


def test_an_empty_article_is_rejected_with_a_reason(catalog):
    report = ingest_many([ArticleInput(origin="x", body="Loading...\n\n")])
    assert report.created == 0 and report.rejected and report.rejected[0][0] == "x"


def test_the_corpus_is_the_same_for_the_same_seed_and_sized_as_asked():
    first = build_corpus(articles=50, meetings=20, entities=700, seed=3)
    second = build_corpus(articles=50, meetings=20, entities=700, seed=3)
    assert [a.body for a in first.stream()] == [a.body for a in second.stream()]
    assert len(first.events) == 20 and len(list(first.stream())) == 50
    assert len(first.people) + 317 >= 700  # catalog people plus generated ones
    sizes = [len(a.body.encode()) for a in first.stream()]
    assert min(sizes) >= 2000 and max(sizes) <= 4500
    assert build_corpus(articles=5, meetings=5, entities=0, seed=4).stream().__next__().body != (
        first.stream().__next__().body
    )
