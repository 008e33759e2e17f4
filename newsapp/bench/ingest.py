"""Ingest throughput end to end: read files (parse), clean, extract, write into PostgreSQL.

Fresh articles (numbers past the corpus, so new text and URLs) are written as
JSONL files and ingested for real, committed, into the benchmark database, by
the per-article path (``ingest_paths``, what ``manage.py ingest`` runs; alone
and with ``--workers``) and by the bulk path (``ingest_many``). Every figure is
end to end: from the files (read, parsed, cleaned, analyzed) to committed rows,
worker start-up and the catalog's automaton included. Afterwards they are deleted again (not timed),
with the meetings only they reported, so the corpus stays the same between runs.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from newsapp.models import Article, Meeting
from newsapp.services.bulk import ingest_many
from newsapp.services.gazetteer import forget_gazetteer
from newsapp.services.ingest import ingest_paths
from newsapp.services.readers import ArticleInput, Defaults, read_paths

from .corpus import Corpus

MARKER = "/bench-ingest/"


@dataclass(frozen=True)
class Throughput:
    path: str
    articles: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def write_jsonl_folder(items: list[ArticleInput], folder: Path, per_file: int = 100) -> Path:
    """A folder of JSONL files (each well under the ingest's size limit per file)."""
    for start in range(0, len(items), per_file):
        write_jsonl_file(items[start : start + per_file], folder / f"articles-{start:06d}.jsonl")
    return folder


def write_jsonl_file(items: list[ArticleInput], path: Path) -> None:
    """``items`` as a JSONL file ``manage.py ingest`` reads."""
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            record = {
                "title": item.title,
                "body": item.body,
                "published": item.published_on.isoformat() if item.published_on else None,
                "source": item.source,
                "url": item.url,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _fresh(corpus: Corpus, start: int, count: int, run: str) -> list[ArticleInput]:
    items = []
    for item in corpus.stream(start=start, stop=start + count):
        url = item.url.replace("/news/", f"{MARKER}{run}/")
        items.append(dataclasses.replace(item, url=url))
    return items


def cleanup() -> None:
    """Remove what a throughput run stored (its articles and the meetings only they reported)."""
    Article.objects.filter(url__contains=MARKER).delete()
    Meeting.objects.filter(review=Meeting.Review.SUGGESTED, evidence__isnull=True).delete()


def measure(corpus: Corpus, *, count: int = 500, workers: int = 2) -> list[Throughput]:
    run = str(int(time.time()))
    base = corpus.articles + 1_000_000
    results = []
    cleanup()
    try:
        for label, n_workers in (("per article (ingest_paths)", 0), ("per article, 1 reading worker", 1)):
            with tempfile.TemporaryDirectory() as folder:
                offset = base + 100_000 * len(results)  # fresh numbers for every measurement
                one = write_jsonl_folder(_fresh(corpus, offset, count, run), Path(folder))
                forget_gazetteer()
                started = time.perf_counter()
                report = ingest_paths([one], workers=n_workers)
                results.append(Throughput(label, report.created, time.perf_counter() - started))

        for label, n_workers in (("bulk, 1 process (ingest_many)", 1), (f"bulk, {workers} workers", workers)):
            with tempfile.TemporaryDirectory() as folder:
                offset = base + 100_000 * len(results)  # fresh numbers for every measurement
                path = write_jsonl_folder(_fresh(corpus, offset, count * 2, run), Path(folder))
                forget_gazetteer()
                started = time.perf_counter()
                items = read_paths([path], Defaults(), max_bytes=settings.MARSAD_MAX_ARTICLE_BYTES)
                bulk = ingest_many(
                    (i for i in items if isinstance(i, ArticleInput)), batch_size=250, workers=n_workers
                )
                results.append(Throughput(label, bulk.created, time.perf_counter() - started))
    finally:
        cleanup()
    return results
