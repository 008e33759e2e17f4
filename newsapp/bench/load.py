"""Write a generated corpus into the database: the catalog with its generated people, then the articles."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

from newsapp.models import Article, Meeting
from newsapp.services.bulk import BulkReport, ingest_many
from newsapp.services.catalog import load_catalog
from newsapp.services.gazetteer import forget_gazetteer

from .corpus import CATALOG, Corpus, build_corpus


@dataclass(frozen=True)
class LoadResult:
    report: BulkReport
    seconds: float
    articles_total: int
    meetings_total: int
    corpus: Corpus


def load_people(corpus: Corpus) -> None:
    """The real catalog plus the generated people, through the catalog loader (idempotent)."""
    with tempfile.TemporaryDirectory() as folder:
        for path in CATALOG.glob("*.json"):
            shutil.copy(path, folder)
        generated = Path(folder) / "zz_generated_people.json"
        generated.write_text(json.dumps({"entities": corpus.new_records}, ensure_ascii=False))
        load_catalog(Path(folder))
    forget_gazetteer()


def generate(
    *, articles: int, meetings: int, entities: int, seed: int, workers: int = 2, batch_size: int = 1000,
    progress=None,
) -> LoadResult:  # fmt: skip
    """Build the corpus for these sizes and load what is not stored yet (re-running adds nothing)."""
    corpus = build_corpus(articles=articles, meetings=meetings, entities=entities, seed=seed)
    load_people(corpus)
    started = time.perf_counter()
    # Articles are numbered: resume after the ones already stored under this seed.
    stored = Article.objects.filter(url__contains=f"/news/{seed}/").count()
    report = BulkReport()
    if stored < articles:
        items = corpus.stream(start=max(stored - batch_size, 0))
        report = ingest_many(items, batch_size=batch_size, workers=workers, progress=progress)
    seconds = time.perf_counter() - started
    if report.created:
        vacuum_analyze()
    return LoadResult(report, seconds, Article.objects.count(), Meeting.objects.count(), corpus)


def vacuum_analyze() -> None:
    """Fresh statistics and visibility map, as autovacuum would leave them after a while."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
