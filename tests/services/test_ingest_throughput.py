"""What makes ingest fast changes nothing it stores: reading workers, looked-up ids, few queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsapp.bench.corpus import build_corpus
from newsapp.bench.ingest import write_jsonl_file
from newsapp.models import Article, Entity, Evidence, Meeting, Mention, Participation, Source
from newsapp.nlp.pipeline import prepare
from newsapp.search import index_article
from newsapp.services import ingest as ingest_module
from newsapp.services.gazetteer import current_gazetteer
from newsapp.services.ingest import (
    Lookups,
    Outcome,
    ingest_article,
    ingest_paths,
    prepare_article,
    write_article,
)
from newsapp.services.readers import ArticleInput

pytestmark = pytest.mark.django_db

SENTENCE = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين في موسكو يوم الثلاثاء."
MORE = " وقال بوتين إن شي جين بينغ صديق، وأكد شي أن بوتين شريك، ورحب بوتين بشي في موسكو."


def stored() -> dict:
    return {
        "articles": sorted(
            map(
                repr,
                Article.objects.values_list("content_hash", "title", "published_on", "url", "source__name"),
            )
        ),
        "mentions": sorted(
            Mention.objects.values_list("article__content_hash", "entity__slug", "start", "end", "text")
        ),
        "meetings": sorted(
            repr(
                (
                    m.kind,
                    m.start_date,
                    m.end_date,
                    m.precision,
                    m.status,
                    tuple(sorted((p.person.slug, p.role) for p in m.participations.all())),
                    tuple(sorted(e.article.content_hash for e in m.evidence.all())),
                )
            )
            for m in Meeting.objects.prefetch_related("participations__person", "evidence__article")
        ),
        "evidence": sorted(Evidence.objects.values_list("article__content_hash", "start", "end", "sentence")),
        "search": sorted(Article.objects.values_list("content_hash", "search_normalized", "search_stemmed")),
    }


@pytest.fixture
def corpus_folder(tmp_path):
    corpus = build_corpus(articles=30, meetings=10, entities=0, seed=5)
    write_jsonl_file(list(corpus.stream()), tmp_path / "articles.jsonl")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")  # a rejection among the articles
    return tmp_path


def test_a_reading_worker_stores_the_same_rows_as_reading_in_this_process(catalog, seeds_dir, corpus_folder):
    here = ingest_paths([seeds_dir, corpus_folder], workers=0)
    rows_here = stored()
    Meeting.objects.all().delete()
    Article.objects.all().delete()
    pooled = ingest_paths([seeds_dir, corpus_folder], workers=1)
    assert [(r.outcome, r.origin, r.reason) for r in pooled.results] == [
        (r.outcome, r.origin, r.reason) for r in here.results
    ]
    assert here.created == 35 and len(here.rejected) == 1
    assert stored() == rows_here


def test_a_bug_while_reading_in_a_worker_rejects_that_article_alone(catalog, tmp_path, monkeypatch):
    real = ingest_module.prepare_article

    def fail_on_marker(item, matcher, **options):
        if "مفخخ" in item.body:
            raise RuntimeError("pipeline bug")
        return real(item, matcher, **options)

    monkeypatch.setattr(ingest_module, "prepare_article", fail_on_marker)  # inherited by the forked worker
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SENTENCE.replace("موسكو", "بكين") + " نص مفخخ.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(SENTENCE.replace("موسكو", "أستانا"), encoding="utf-8")
    report = ingest_paths([tmp_path], published_on=date(2024, 2, 9), workers=1)
    assert [r.outcome for r in report.results] == [Outcome.CREATED, Outcome.REJECTED, Outcome.CREATED]
    assert "RuntimeError" in report.results[1].reason
    assert not Article.objects.filter(body__contains="مفخخ").exists()


def test_the_search_columns_written_with_the_article_are_those_index_article_writes(catalog):
    article = ingest_article(
        body=SENTENCE + MORE, title="لقاء في موسكو", published_on=date(2024, 2, 9)
    ).article
    columns = ("search_normalized", "search_stemmed")
    written = Article.objects.filter(pk=article.pk).values_list(*columns).get()
    assert all(written)
    index_article(article.pk, article.title, article.body)
    assert Article.objects.filter(pk=article.pk).values_list(*columns).get() == written


def queries_to_ingest(body: str, lookups: Lookups | None = None, **fields) -> tuple[list[str], int]:
    item = ArticleInput(origin="x", body=body, published_on=date(2024, 2, 9), source="مصدر", **fields)
    prepared = prepare_article(item, prepare(current_gazetteer()))
    with CaptureQueriesContext(connection) as queries:
        result = write_article(prepared, lookups)
    assert result.outcome == Outcome.CREATED
    return [q["sql"] for q in queries.captured_queries], result.article.mentions.count()


def test_queries_per_article_are_few_and_do_not_grow_with_its_mentions(catalog):
    queries_to_ingest(SENTENCE)  # the source and the meeting exist from now on
    few = queries_to_ingest(SENTENCE + " وبحث الجانبان العلاقات.")
    many = queries_to_ingest(SENTENCE + MORE * 5)
    assert many[1] >= few[1] + 10
    assert len(many[0]) == len(few[0]) <= 9


def test_a_run_looks_up_sources_and_entities_once(catalog):
    lookups = Lookups()
    first, _ = queries_to_ingest(SENTENCE, lookups)
    assert any("newsapp_source" in q for q in first) and any('FROM "newsapp_entity"' in q for q in first)
    again, _ = queries_to_ingest(SENTENCE + " وبحث الجانبان العلاقات.", lookups)
    assert not any("newsapp_source" in q or 'FROM "newsapp_entity"' in q for q in again)
    # A URL for the source, which had none, is still recorded.
    queries_to_ingest(SENTENCE + " تحديث.", lookups, source_url="https://example.com")
    assert Source.objects.get(name="مصدر").url == "https://example.com"


@pytest.mark.django_db(transaction=True)
def test_an_id_that_is_gone_is_looked_up_again_and_the_article_stored(catalog):
    lookups = Lookups()
    queries_to_ingest(SENTENCE, lookups)
    assert "vladimir-putin" in lookups.entities
    lookups.entities["vladimir-putin"] = max(Entity.objects.values_list("id", flat=True)) + 1000
    _, mentions = queries_to_ingest(SENTENCE.replace("موسكو", "بكين"), lookups)
    assert mentions >= 2
    putin = Entity.objects.get(slug="vladimir-putin")
    assert "vladimir-putin" not in lookups.entities  # forgotten, read again by the next article
    assert Participation.objects.filter(person=putin).count() == 1  # one meeting, both reports


def test_a_duplicate_is_not_analyzed_when_reading_in_this_process(catalog, seeds_dir, monkeypatch):
    ingest_paths([seeds_dir])
    calls = []
    real = ingest_module.analyze
    monkeypatch.setattr(ingest_module, "analyze", lambda *args: calls.append(args) or real(*args))
    again = ingest_paths([seeds_dir])
    assert again.duplicates == 5 and calls == []


MET = "التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين يوم 5 مارس 2024 وبحثا العلاقات الثنائية."
VISIT = (
    "وصل الرئيس الصيني شي جين بينغ إلى موسكو في زيارة رسمية يوم 5 مارس 2024، "
    "واستقبله الرئيس الروسي فلاديمير بوتين في الكرملين."
)


def test_roles_are_updated_only_while_someone_is_left_without_one(catalog):
    queries_to_ingest(MET)
    given, _ = queries_to_ingest(VISIT)
    assert any(q.startswith('UPDATE "newsapp_participation"') for q in given)
    assert dict(Participation.objects.values_list("person__slug", "role")) == {
        "xi-jinping": "visitor",
        "vladimir-putin": "host",
    }
    again, _ = queries_to_ingest(VISIT + " وبحث الجانبان العلاقات.")
    assert not any("newsapp_participation" in q and q.startswith("UPDATE") for q in again)
