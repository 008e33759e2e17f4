"""Query counts and plans, measured in-process: what each request sends to PostgreSQL.

Every SELECT a filtered request runs is captured (``CaptureQueriesContext``) and
``EXPLAIN``-ed; a sequential scan of a large table fails the benchmark.

The criterion, stated once (and printed with the results):

- *filtered request*: a page or API list with at least one filter in its query
  string (every combination of leader, pair, country, kind, from/to, source);
  an unfiltered page's whole-table aggregate (the monthly chart of all meetings)
  is not a filter combination;
- *large table*: one PostgreSQL estimates at more than ``LARGE_ROWS`` rows
  (``pg_class.reltuples`` after ``ANALYZE``). At 100,000 articles that is the
  articles, mentions and evidence; meetings (20,000) and participations
  (41,000) are read whole faster than through an index when a filter keeps
  most of them, so scanning them is reported, not failed;
- *a small part*: the planner estimates that fewer than ``SMALL_PART`` of the
  table's rows come out of the scan (its own estimate after its filter, or the
  join right above it when the scan feeds a join). A filter that keeps most of
  a large table (``country=china``: 81% of the articles name China or one of its
  people) is read whole, rightly; that scan is listed, not failed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsapp.caching import bump_generation

# Tables whose sequential scans are looked at; the large ones among them fail the run.
CHECKED_TABLES = {
    "newsapp_article",
    "newsapp_meeting",
    "newsapp_participation",
    "newsapp_mention",
    "newsapp_evidence",
}
LARGE_ROWS = 50_000
SMALL_PART = 0.10
CRITERION = (
    f"a sequential scan of a table estimated at more than {LARGE_ROWS:,} rows (pg_class.reltuples), "
    f"in any SELECT of a filtered request, from which the planner expects under {SMALL_PART:.0%} of the "
    "rows to be kept (by the scan's filter or the join above it), fails the run; scans of smaller "
    "tables, or keeping most of a large one, are listed"
)


@dataclass(frozen=True)
class QueryCount:
    status: int
    uncached: int
    cached: int


@dataclass
class PlanCheck:
    requests: int = 0
    statements: int = 0
    seq_scans: list[tuple[str, str, str]] = field(default_factory=list)  # (url, table, sql): large
    small_scans: list[tuple[str, str, str]] = field(default_factory=list)  # allowed, reported
    table_rows: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, int]] = field(default_factory=list)


def _client() -> Client:
    return Client(HTTP_HOST="testserver", HTTP_ACCEPT="application/json, text/html")


def _forget_everything() -> None:
    """The next request renders from the database: no cached page, card or aggregate."""
    bump_generation()
    caches["fragments"].clear()


def count_queries(path: str) -> QueryCount:
    """Queries of a page rendered from the database (cold), then served again (from the page cache)."""
    client = _client()
    _forget_everything()
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    with CaptureQueriesContext(connection) as second:
        client.get(path)
    return QueryCount(response.status_code, len(first.captured_queries), len(second.captured_queries))


def _walk(plan: dict, parent: dict | None = None):
    yield plan, parent
    for child in plan.get("Plans", ()):
        yield from _walk(child, plan)


def _kept_rows(node: dict, parent: dict | None) -> float:
    """Rows the planner expects to survive the scan: its own estimate, or the join's it feeds."""
    rows = float(node.get("Plan Rows", 0))
    above = parent
    while above is not None and above.get("Node Type") in ("Hash", "Materialize", "Sort", "Gather"):
        above = above.get("_parent")
    if above is not None and ("Join" in above.get("Node Type", "") or above.get("Join Type")):
        rows = min(rows, float(above.get("Plan Rows", rows)))
    return rows


def seq_scans(sql: str) -> list[tuple[str, float]]:
    """(table, rows the planner expects to keep) for each sequential scan of a checked table."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        raw = cursor.fetchone()[0]
    plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
    for node, parent in _walk(plan):
        node["_parent"] = parent
    return [
        (node["Relation Name"], _kept_rows(node, parent))
        for node, parent in _walk(plan)
        if node.get("Node Type") in ("Seq Scan", "Parallel Seq Scan")
        and node.get("Relation Name") in CHECKED_TABLES
    ]


def table_rows() -> dict[str, int]:
    """PostgreSQL's estimate of each checked table's rows."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' AND relname = ANY(%s)",
            [sorted(CHECKED_TABLES)],
        )
        return dict(cursor.fetchall())


def check_plans(urls: list[str]) -> PlanCheck:
    """EXPLAIN every distinct SELECT the filtered requests run (rendered, not served from the cache)."""
    result = PlanCheck(table_rows=table_rows())
    large = {name for name, rows in result.table_rows.items() if rows > LARGE_ROWS}
    seen: set[str] = set()
    client = _client()
    for url in (u for u in urls if "?" in u):
        _forget_everything()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        result.requests += 1
        if response.status_code != 200:
            result.errors.append((url, response.status_code))
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or sql in seen:
                continue
            seen.add(sql)
            result.statements += 1
            for table, kept in seq_scans(sql):
                small_part = kept < SMALL_PART * result.table_rows.get(table, 0)
                failed = table in large and small_part
                (result.seq_scans if failed else result.small_scans).append((url, table, sql))
    return result
