"""Write the search columns of articles: at ingest (one row) and in bulk (``reindex_search``).

The keys are computed in Python (``newsapp.nlp.search_text``) and handed to
PostgreSQL as parameters, so the database needs no extension: the ``arabic``
configuration stems the normalized text, the clitic-free lexemes arrive ready.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import connection
from django.db.models.expressions import RawSQL

from newsapp.nlp.search_text import fast_normalize, stemmed_tsvector

TABLE = "newsapp_article"
_TO_TSVECTOR_CHARS = 250_000
_NORMALIZED = "setweight(to_tsvector('arabic', {t}), 'A') || setweight(to_tsvector('arabic', {b}), 'B')"
_STEMMED = "{s}::tsvector"
_SET = "search_normalized = " + _NORMALIZED + ", search_stemmed = " + _STEMMED
_UPDATE_ONE = f"UPDATE {TABLE} SET " + _SET.format(t="%s", b="%s", s="%s") + " WHERE id = %s"
_UPDATE_MANY = (
    f"UPDATE {TABLE} AS a SET "
    + _SET.format(t="v.t", b="v.b", s="v.s")
    + " FROM (VALUES {rows}) AS v(id, t, b, s) WHERE a.id = v.id"
)


def search_keys(title: str, body: str) -> tuple[str, str, str]:
    """Normalized title, normalized body and the ``tsvector`` literal of their clitic-free tokens."""
    title_key, body_key = fast_normalize(title), fast_normalize(body)
    # to_tsvector refuses to build a tsvector of 1 MiB or more; at most ~3.5 bytes per input
    # character, this many characters always fit (only a hostile article is longer).
    return title_key, body_key[:_TO_TSVECTOR_CHARS], stemmed_tsvector(title_key, body_key)


def index_article(article_id: int, title: str, body: str) -> None:
    """Fill the search columns of one stored article (inside the caller's transaction)."""
    title_key, body_key, stemmed = search_keys(title, body)
    with connection.cursor() as cursor:
        cursor.execute(_UPDATE_ONE, [title_key, body_key, stemmed, article_id])


def search_columns(keys: tuple[str, str, str]) -> dict[str, RawSQL]:
    """The search columns of ``search_keys`` as expressions, for an article's own INSERT."""
    title_key, body_key, stemmed = keys
    return {
        "search_normalized": RawSQL(_NORMALIZED.format(t="%s", b="%s"), [title_key, body_key]),
        "search_stemmed": RawSQL(_STEMMED.format(s="%s"), [stemmed]),
    }


def index_rows(rows: Iterable[tuple[int, str, str]], *, using=None, batch: int = 200) -> int:
    """Fill the search columns of ``(id, title, body)`` rows, ``batch`` rows per statement."""
    keyed = ((article_id, *search_keys(title, body)) for article_id, title, body in rows)
    return write_keys(keyed, using=using, batch=batch)


def write_keys(rows: Iterable[tuple[int, str, str, str]], *, using=None, batch: int = 200) -> int:
    """Fill the search columns of ``(id, *search_keys(...))`` rows computed beforehand."""
    conn = using or connection
    done = 0
    for chunk in _chunks(rows, batch):
        values = ", ".join(["(%s::bigint, %s::text, %s::text, %s::text)"] * len(chunk))
        with conn.cursor() as cursor:
            cursor.execute(_UPDATE_MANY.format(rows=values), [v for row in chunk for v in row])
        done += len(chunk)
    return done


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def reindex(*, only_missing: bool = False, batch: int = 200, progress=None) -> int:
    """Recompute the search columns of every stored article (or of those without them)."""
    missing = "AND search_stemmed IS NULL " if only_missing else ""
    select = f"SELECT id, title, body FROM {TABLE} WHERE id > %s {missing}ORDER BY id LIMIT %s"
    total = last_id = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(select, [last_id, batch * 10])
            rows = cursor.fetchall()
        if not rows:
            return total
        total += index_rows(rows, batch=batch)
        last_id = rows[-1][0]
        if progress:
            progress(total)
