"""The newest matching articles, found in one statement whatever the word's frequency.

Ranking looks at the ``limit`` newest matches only. Finding them with a plain
``WHERE match ORDER BY published_on DESC LIMIT n`` lets PostgreSQL walk the
date index and test each article's ``tsvector``: every test reads a TOASTed
value (~10 µs), so a word in 3% of the articles costs ~6,000 tests and a rare
word a test of every article. Collecting the GIN matches first and sorting them
is the opposite trade: cheap per match, but a word in every article has
100,000 matches.

So the statement looks in windows of the newest articles, growing five times
each (1,000, 5,000, 25,000 ... up to a quarter of the articles, then
everything), and answers with the first
window that holds more than ``limit`` matches. Inside a window PostgreSQL
knows both sizes (the window bound is a literal date) and picks the date walk
for a common word and the intersection of the GIN and date bitmaps otherwise,
so it reads about as many rows as it keeps. Past the first window the order is
written so that no index gives it: a word that gets there is in fewer than one
article in five, and the planner, which does not price the TOAST reads, would
still walk the date index for it. Each window is a ``MATERIALIZED`` CTE behind
a one-time filter: a window is only read when the smaller ones fell short.

The bounds are the date histogram's (``pg_stats``, read with the alias rows,
so they cost no query of their own); they only steer the plan, never the
result: any bound gives the same rows.

A word common in old articles only (an event of past years) reaches the last
window with the planner expecting many matches; it would scan the table and
test every row (1 s at 100,000 articles, as the plain query did). The last
window therefore states the match twice: the planner multiplies the two
selectivities, expects fewer rows and takes the GIN bitmap (0.18 s for a word
in 20% of the articles). Past ~40% it still scans; the lasting fix is a date
lexeme in the stored tsvector, so that every window is a GIN intersection.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Expression, F, QuerySet
from django.db.models.expressions import RawSQL

FIRST_WINDOW = 1_000  # newest articles in the first window
GROWTH = 5  # each window this many times the previous one
NEWEST_FIRST = (F("published_on").desc(nulls_last=True), F("id").desc())
# The same order, which no index gives: in the larger windows a date-index walk would test
# ~10 µs per row while intersecting the GIN and date bitmaps visits only the matches.
_NEWEST_FIRST_UNINDEXED = (
    RawSQL('"newsapp_article"."published_on" + 0', ()).desc(nulls_last=True),
    F("id").desc(),
)

# One row: the article count, the share without a date and the date quantiles, as JSON.
DATE_STATS_SQL = """SELECT json_build_array(c.reltuples, s.null_frac, s.histogram_bounds::text::date[])
FROM pg_class c LEFT JOIN pg_stats s
    ON s.schemaname = current_schema() AND s.tablename = c.relname AND s.attname = 'published_on'
WHERE c.oid = 'newsapp_article'::regclass"""


@dataclass(frozen=True)
class DateStats:
    rows: float = 0.0  # dated articles, as the planner counts them
    bounds: tuple[date, ...] = ()  # ascending: the quantiles of the dated articles

    @classmethod
    def parse(cls, stats: list | str | None) -> DateStats:
        """The ``DATE_STATS_SQL`` row (read with the aliases, ``names.reference``)."""
        if isinstance(stats, str):
            stats = json.loads(stats)
        if not stats:
            return cls()
        rows, null_frac, bounds = stats
        dated = float(rows or 0) * (1.0 - float(null_frac or 0.0))
        return cls(rows=dated, bounds=tuple(date.fromisoformat(b) for b in bounds or ()))

    def windows(self) -> list[date]:
        """Lower date bounds of the windows, newest (smallest) first; the last window is everything."""
        if self.rows <= 0 or len(self.bounds) < 2:
            return []
        steps = len(self.bounds) - 1
        out: list[date] = []
        size = FIRST_WINDOW
        # No window past a quarter of the articles: intersecting with its date bitmap (~0.07 µs
        # a row) would cost more than sorting the few GIN matches of a word that gets there.
        while size * 4 <= self.rows:
            # At least ``size`` articles: round the quantile up, from the newest end.
            back = min(steps, max(1, math.ceil(size / self.rows * steps)))
            bound = self.bounds[steps - back]
            if not out or bound < out[-1]:
                out.append(bound)
            size *= GROWTH
        return out


def newest_ids(
    matching: QuerySet, limit: int, windows: list[date], condition: Expression | None = None
) -> list[int]:
    """Ids of the ``limit + 1`` newest articles of ``matching`` (undated last), newest first.

    ``condition``, the match ``matching`` was filtered by, is stated again in the last window.
    """
    base = matching.values_list("id", "published_on")
    if not windows:
        return [row[0] for row in base.order_by(*NEWEST_FIRST)[: limit + 1]]
    ctes: list[str] = []
    params: list[object] = []
    for n, bound in enumerate([*windows, None]):
        # The first window may be walked by date (a common word fills it in a few hundred rows);
        # a word that reaches a larger one is in fewer than one article in five.
        window = base.order_by(*(NEWEST_FIRST if n == 0 else _NEWEST_FIRST_UNINDEXED))
        if bound is not None:
            window = window.filter(published_on__gte=bound)
        elif condition is not None:
            window = window.filter(condition)
        sql, window_params = window[: limit + 1].query.sql_with_params()
        ctes.append(f"w{n} AS MATERIALIZED ({sql})")
        params.extend(window_params)
    branches: list[str] = []
    last = len(windows)
    for n in range(last + 1):
        gates = [f"(SELECT count(*) FROM w{k}) <= {limit}" for k in range(n)]
        if n < last:
            gates.append(f"(SELECT count(*) FROM w{n}) > {limit}")
        # Column names from values_list(): "id" and "published_on".
        branches.append(f"SELECT id, published_on FROM w{n} WHERE " + " AND ".join(gates))
    sql = (
        "WITH "
        + ", ".join(ctes)
        + " SELECT found.id FROM ("
        + " UNION ALL ".join(branches)
        + ") AS found ORDER BY found.published_on DESC NULLS LAST, found.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
