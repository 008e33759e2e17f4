"""Search benchmark: a large article table written by COPY, its search index timed, queries timed.

The texts come from the shared benchmark corpus (``newsapp.bench.corpus``:
catalog and generated people with Zipf-like popularity, Arabic bodies from
sentence patterns); only the articles are written (no analysis), by COPY into a
staging table and one ``INSERT ... SELECT`` that computes the ``arabic``
column, so 100,000 articles take minutes. Run it on a separate database
(``MARSAD_DB_NAME``), never on the development one.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection

from newsapp.nlp.search_text import fast_normalize, stemmed_tsvector
from newsapp.search.indexing import index_rows

from .corpus import build_corpus
from .load import load_people

GIN_INDEXES = {
    "article_search_norm_gin": "search_normalized",
    "article_search_stem_gin": "search_stemmed",
}
STAGING = """CREATE TEMP TABLE search_bench_staging (
    n bigint, title text, body text, url text, published_on date, title_key text, body_key text,
    stemmed text) ON COMMIT DROP"""
INSERT = """INSERT INTO newsapp_article (title, body, raw_text, url, published_on, content_hash, ingested_at,
    search_normalized, search_stemmed)
SELECT title, body, '', url, published_on, lpad(to_hex(n), 64, '0'), %s,
    setweight(to_tsvector('arabic', title_key), 'A') || setweight(to_tsvector('arabic', body_key), 'B'),
    stemmed::tsvector
FROM search_bench_staging"""


@dataclass
class BuildTimes:
    articles: int = 0
    texts: float = 0.0  # generating the Arabic texts (not part of the index cost)
    keys: float = 0.0  # Python: normalization and clitic-free lexemes
    insert: float = 0.0  # PostgreSQL: COPY, arabic to_tsvector, heap writes
    gin: float = 0.0  # CREATE INDEX of both GIN indexes

    @property
    def index_build(self) -> float:
        return self.keys + self.insert + self.gin


def stored_articles() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM newsapp_article")
        return cursor.fetchone()[0]


def _drop_gin() -> None:
    with connection.cursor() as cursor:
        for name in GIN_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


def _create_gin() -> float:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for name, column in GIN_INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON newsapp_article USING gin ({column})")
    return time.perf_counter() - started


def build(
    articles: int, *, seed: int = 7, batch: int = 5000, progress: Callable[[int], None] | None = None
) -> BuildTimes:
    """Replace the articles with ``articles`` generated ones and rebuild the search indexes, timed."""
    times = BuildTimes(articles=articles)
    started = time.perf_counter()
    corpus = build_corpus(articles=articles, meetings=max(articles // 5, 1000), entities=1500, seed=seed)
    load_people(corpus)
    times.texts += time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE newsapp_article RESTART IDENTITY CASCADE")
    _drop_gin()
    stream = corpus.stream(0, articles)
    now = datetime.now(tz=UTC)
    done = 0
    while done < articles:
        rows = []
        for n, item in zip(range(done, min(done + batch, articles)), stream, strict=False):
            t0 = time.perf_counter()
            title = (item.title or item.body[:80])[:500]
            times.texts += time.perf_counter() - t0
            t1 = time.perf_counter()
            title_key, body_key = fast_normalize(title), fast_normalize(item.body)
            stemmed = stemmed_tsvector(title_key, body_key)
            times.keys += time.perf_counter() - t1
            rows.append((n + 1, title, item.body, item.url, item.published_on, title_key, body_key, stemmed))
        t2 = time.perf_counter()
        _write(rows, now)
        times.insert += time.perf_counter() - t2
        done += len(rows)
        if progress:
            progress(done)
    times.gin = _create_gin()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE newsapp_article")
    return times


# Document frequencies of the planted rare words: the generated corpus has no long tail
# (its rarest word is in 5 articles, and as a query, without its clitic, in 200).
RARE_DF = (1, 2, 3, 5, 8, 12, 16, 20)
# First letters that are never taken for a clitic, so the word is looked up as planted.
_RARE_FIRST = "تثجحخدذرزسشصضطظعغقمنهي"
_RARE_REST = "تثجحخدذرزسشصضطظعغفقكمنهيب"


def _matches(word: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM newsapp_article WHERE search_stemmed @@ %s::tsquery", [f"'{word}'"]
        )
        return cursor.fetchone()[0]


def plant_rare_words(seed: int = 7) -> list[tuple[str, int]]:
    """Words in 1 to 20 articles, as real news has (a village, a minor official): made-up words
    appended to that many random articles, whose search columns are then written again.

    Idempotent: a word already present is left as it is. Returns ``(word, articles)``.
    """
    rng = random.Random(seed)
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM newsapp_article")
        first, last = cursor.fetchone()
    span = range(first, last + 1)
    planted: list[tuple[str, int]] = []
    for df in RARE_DF:
        word = rng.choice(_RARE_FIRST) + "".join(rng.choice(_RARE_REST) for _ in range(5))
        ids = sorted(rng.sample(span, min(df, len(span))))
        found = _matches(word)
        if found == 0:
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE newsapp_article SET body = body || %s WHERE id = ANY(%s) RETURNING id, title, body",
                    [f" وورد في الخبر اسم {word}.", ids],
                )
                index_rows(cursor.fetchall())
            found = _matches(word)
        planted.append((word, found))
    return planted


def _write(rows: list[tuple], now: datetime) -> None:
    connection.ensure_connection()
    raw = connection.connection
    with raw.transaction(), raw.cursor() as cursor:
        cursor.execute(STAGING)
        with cursor.copy(
            "COPY search_bench_staging (n, title, body, url, published_on, title_key, body_key, stemmed) "
            "FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(INSERT, [now])


def sizes() -> dict[str, int]:
    """Bytes on disk: each GIN index, the table with its TOAST, and the search columns themselves."""
    out: dict[str, int] = {}
    with connection.cursor() as cursor:
        for name in GIN_INDEXES:
            cursor.execute("SELECT pg_relation_size(%s::regclass)", [name])
            out[name] = cursor.fetchone()[0]
        cursor.execute("SELECT pg_total_relation_size('newsapp_article')")
        out["table_total"] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT coalesce(sum(pg_column_size(search_normalized)), 0), "
            "coalesce(sum(pg_column_size(search_stemmed)), 0), coalesce(sum(pg_column_size(body)), 0) "
            "FROM newsapp_article"
        )
        out["column_normalized"], out["column_stemmed"], out["column_body"] = cursor.fetchone()
    return out


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(samples: list[float]) -> tuple[float, float, float, float]:
    """p50, p95, p99 and mean, in milliseconds."""
    ms = [s * 1000 for s in samples]
    return percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), statistics.fmean(ms) if ms else 0.0
