"""Query counts and plans, measured in-process: what each request sends to PostgreSQL.

Every SELECT a request runs is captured (``CaptureQueriesContext``) and
``EXPLAIN``-ed; a sequential scan of a large table fails the benchmark.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsapp.caching import bump_generation

LARGE_TABLES = {
    "newsapp_article",
    "newsapp_meeting",
    "newsapp_participation",
    "newsapp_mention",
    "newsapp_evidence",
}


@dataclass(frozen=True)
class QueryCount:
    status: int
    uncached: int
    cached: int


@dataclass
class PlanCheck:
    requests: int = 0
    statements: int = 0
    seq_scans: list[tuple[str, str, str]] = field(default_factory=list)  # (url, table, sql)
    errors: list[tuple[str, int]] = field(default_factory=list)


def _client() -> Client:
    return Client(HTTP_HOST="testserver", HTTP_ACCEPT="application/json, text/html")


def count_queries(path: str) -> QueryCount:
    """Queries of a page rendered from the database, then served again (from the page cache)."""
    client = _client()
    bump_generation()
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    with CaptureQueriesContext(connection) as second:
        client.get(path)
    return QueryCount(response.status_code, len(first.captured_queries), len(second.captured_queries))


def _walk(plan: dict):
    yield plan
    for child in plan.get("Plans", ()):
        yield from _walk(child)


def seq_scans(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        raw = cursor.fetchone()[0]
    plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
    return [
        node["Relation Name"]
        for node in _walk(plan)
        if node.get("Node Type") in ("Seq Scan", "Parallel Seq Scan")
        and node.get("Relation Name") in LARGE_TABLES
    ]


def check_plans(urls: list[str]) -> PlanCheck:
    """EXPLAIN every distinct SELECT the requests run (rendered, not served from the cache)."""
    result = PlanCheck()
    seen: set[str] = set()
    client = _client()
    for url in urls:
        bump_generation()
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
            result.seq_scans += [(url, table, sql) for table in seq_scans(sql)]
    return result
