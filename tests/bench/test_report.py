"""The benchmark's table and verdict (newsapp/bench/report.py), from made-up load results."""

from newsapp.bench.explain import PlanCheck, QueryCount
from newsapp.bench.ingest import Throughput
from newsapp.bench.report import MODES, Row, goals, table
from newsapp.bench.targets import Target
from newsapp.bench.wrk import LoadResult


def load(rps: float, p95: float = 10.0) -> LoadResult:
    return LoadResult(rps=rps, p50_ms=p95 / 2, p95_ms=p95, p99_ms=p95 * 2, requests=int(rps * 4), errors=0)


BASE = {mode: load(4000, 2) for mode in MODES}


def row(name: str, cold: LoadResult, page_miss: LoadResult, cached: LoadResult) -> Row:
    return Row(
        Target(name, "/x/"), QueryCount(200, 5, 0), {"cold": cold, "page miss": page_miss, "cached": cached}
    )


def test_the_table_has_each_mode_with_its_ratio_to_its_own_baseline():
    lines = table("# run", BASE, [row("timeline", load(40, 180), load(400, 30), load(2400, 4))])
    assert lines[2].startswith("| page | path | SQL | cold req/s |")
    assert "page miss req/s" in lines[2] and "cached req/s" in lines[2]
    assert lines[-1] == (
        "| timeline | `/x/` | 5 → 0 | 40 | 90.0 | 180.0 | 360.0 | 1% | 400 | 15.0 | 30.0 | 60.0 | 10% "
        "| 2,400 | 2.0 | 4.0 | 8.0 | 60% |"
    )


def test_goals_are_judged_in_every_mode_and_any_miss_fails_the_verdict():
    rows = [row("timeline", load(40, 180), load(400, 30), load(2400, 4))]
    lines, met = goals(BASE, rows, [Throughput("bulk", 800, 4.0)], PlanCheck(statements=3, requests=2))
    assert not met
    assert "- ✗ cold timeline: 1% of B (goal ≥ 10%)" in lines
    assert "- ✓ page miss timeline: 10% of B (goal ≥ 10%)" in lines
    assert "- ✗ p95 cold timeline: 180 ms (goal < 100 ms)" in lines
    assert "- ✓ p95 page miss timeline: 30 ms (goal < 100 ms)" in lines
    assert "- ✓ cached timeline: 60% of B (goal ≥ 50%)" in lines
    assert "- ✓ ingest bulk: 200 articles/s (goal ≥ 100)" in lines


def test_every_goal_met_is_a_pass():
    rows = [row("timeline", load(450, 60), load(800, 20), load(2400, 4))]
    _lines, met = goals(BASE, rows, [Throughput("bulk", 800, 4.0)], PlanCheck(statements=3, requests=2))
    assert met
