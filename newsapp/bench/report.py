"""The benchmark's table (Markdown) and its verdict on the goals of issue 7."""

from __future__ import annotations

from dataclasses import dataclass

from .explain import CRITERION, LARGE_ROWS, PlanCheck, QueryCount
from .ingest import Throughput
from .targets import Target
from .wrk import LoadResult

# Goals, as ratios to B in the same run (issue 7).
CACHED_RATIO = 0.5
UNCACHED_RATIO = 0.1
UNCACHED_GOAL_PAGES = {
    "timeline", "timeline, one leader", "timeline, a pair", "timeline, date range",
    "article list", "API meetings", "API articles", "API entities",
}  # fmt: skip
P95_MS = 100.0
INGEST_PER_SECOND = 100.0


# How each page is served in a run (``manage.py bench``):
# - cold: no cache at all (``MARSAD_CACHE_URL=dummy://``): every query and every card, every time;
# - page miss: the page cache misses (as after every write) but the fragment cache
#   (cards, API representations, aggregates, kept by version) is warm;
# - cached: the page comes from the page cache.
MODES = ("cold", "page miss", "cached")
UNCACHED_MODES = ("cold", "page miss")


@dataclass(frozen=True)
class Row:
    target: Target
    queries: QueryCount
    results: dict[str, LoadResult]  # by mode


def _ratio(result: LoadResult, base: LoadResult) -> float:
    return result.rps / base.rps if base.rps else 0


def _load(result: LoadResult, base: LoadResult) -> str:
    return (
        f"{result.rps:,.0f} | {result.p50_ms:.1f} | {result.p95_ms:.1f} | {result.p99_ms:.1f} | "
        f"{_ratio(result, base):.0%}"
    )


def table(header: str, base: dict[str, LoadResult], rows: list[Row]) -> list[str]:
    columns = " | ".join(f"{mode} req/s | p50 ms | p95 ms | p99 ms | ÷B" for mode in MODES)
    lines = [
        header,
        "",
        f"| page | path | SQL | {columns} |",
        "|---|---|--:|" + "--:|" * 5 * len(MODES),
        "| B (baseline) | /healthz/ | 0 | " + " | ".join(_load(base[m], base[m]) for m in MODES) + " |",
    ]
    for row in rows:
        sql = f"{row.queries.uncached} → {row.queries.cached}"
        loads = " | ".join(_load(row.results[m], base[m]) for m in MODES)
        lines.append(f"| {row.target.name} | `{row.target.path}` | {sql} | {loads} |")
    return lines


def goals(
    base: dict[str, LoadResult],
    rows: list[Row],
    ingest: list[Throughput],
    plans: PlanCheck | None,
) -> tuple[list[str], bool]:
    """(lines, whether every goal is met)."""
    lines = ["", "## Goals", ""]
    met = True

    def check(ok: bool, text: str) -> None:
        nonlocal met
        met &= ok
        lines.append(f"- {'✓' if ok else '✗'} {text}")

    for row in rows:
        ratio = _ratio(row.results["cached"], base["cached"])
        check(
            ratio >= CACHED_RATIO, f"cached {row.target.name}: {ratio:.0%} of B (goal ≥ {CACHED_RATIO:.0%})"
        )
    for mode in UNCACHED_MODES:
        for row in rows:
            if row.target.name in UNCACHED_GOAL_PAGES:
                ratio = _ratio(row.results[mode], base[mode])
                check(
                    ratio >= UNCACHED_RATIO,
                    f"{mode} {row.target.name}: {ratio:.0%} of B (goal ≥ {UNCACHED_RATIO:.0%})",
                )
    for mode in MODES:
        for row in rows:
            p95 = row.results[mode].p95_ms
            check(p95 < P95_MS, f"p95 {mode} {row.target.name}: {p95:.0f} ms (goal < {P95_MS:.0f} ms)")
    for result in ingest:
        check(
            result.per_second >= INGEST_PER_SECOND,
            f"ingest {result.path}: {result.per_second:.0f} articles/s (goal ≥ {INGEST_PER_SECOND:.0f})",
        )
    if plans is None:
        plans = PlanCheck()
        lines.append("- EXPLAIN not run (--no-explain)")
    else:
        check(
            not plans.seq_scans,
            f"EXPLAIN: {plans.statements} distinct statements of {plans.requests} filtered requests, "
            f"{len(plans.seq_scans)} sequential scans keeping a small part of a large table "
            f"(> {LARGE_ROWS:,} rows estimated), {len(plans.small_scans)} allowed",
        )
    errors = [r for r in rows if any(result.errors for result in r.results.values())]
    check(not errors and not plans.errors, "every request answered 200")
    return lines, met


def ingest_lines(results: list[Throughput]) -> list[str]:
    lines = ["", "## Ingest, end to end (parse JSONL, clean, extract, write, commit)", ""]
    lines += ["| path | articles | seconds | articles/s |", "|---|--:|--:|--:|"]
    lines += [f"| {r.path} | {r.articles} | {r.seconds:.1f} | {r.per_second:.0f} |" for r in results]
    return lines


def plan_lines(plans: PlanCheck) -> list[str]:
    lines = ["", "## Plans", ""]
    lines.append(f"{plans.requests} filtered requests, {plans.statements} distinct SELECTs explained.")
    lines.append(f"Criterion: {CRITERION}.")
    sizes = ", ".join(f"{name} {rows:,}" for name, rows in sorted(plans.table_rows.items()))
    lines.append(f"Estimated rows: {sizes}.")
    lines.append("")
    for url, table_name, sql in plans.seq_scans[:20]:
        lines.append(f"- ✗ Seq Scan on {table_name} for `{url}`: `{sql[:300]}`")
    scanned: dict[str, int] = {}
    for _url, table_name, _sql in plans.small_scans:
        scanned[table_name] = scanned.get(table_name, 0) + 1
    for table_name, n in sorted(scanned.items()):
        lines.append(f"- allowed: {n} sequential scans of {table_name} (not large, or most of it kept)")
    for url, status in plans.errors[:20]:
        lines.append(f"- HTTP {status} for `{url}`")
    return lines
