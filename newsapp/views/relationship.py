"""Two leaders' relationship: contacts by kind, first and last, the silences between them."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import NamedTuple

from django.utils import timezone

from newsapp.aggregates import Query, Read, built, read_now
from newsapp.models import Meeting

from .charts import MonthlyChart, StripParts, chart_of, strip_of


def contact_ordinals(pair_meetings: Query, read: Read = read_now) -> dict[int, int]:
    """For each meeting id, its rank among the pair's contacts of the same kind in the same year.

    Counted over the pair's whole history (not the filtered page), so the third
    call of 2024 stays the third whatever the reader filters.
    """
    return read(
        lambda: (
            built(pair_meetings)
            .exclude(start_date=None)
            .chronological()
            .values_list("id", "kind", "start_date")
        ),
        _ordinals,
    )


def _ordinals(rows: list[tuple]) -> dict[int, int]:
    seen: Counter = Counter()
    ordinals = {}
    for pk, kind, day in rows:
        seen[kind, day.year] += 1
        ordinals[pk] = seen[kind, day.year]
    return ordinals


def days_phrase(days: int) -> str:
    """Arabic counted noun: 1 → "يوم واحد", 2 → "يومان", 5 → "5 أيام", 40 → "40 يوماً"."""
    if days == 1:
        return "يوم واحد"
    if days == 2:
        return "يومان"
    if 3 <= days <= 10:
        return f"{days} أيام"
    return f"{days} يوماً"


class PairOverview(NamedTuple):
    """What a pair's timeline shows of all their meetings the filters keep."""

    chart: MonthlyChart
    strip: StripParts | None
    summary: dict


def pair_overview(held, read: Read = read_now) -> PairOverview:
    """The chart, the strip and the relationship summary of ``held`` (a pair's meetings), from one read.

    The summary reads every one of the pair's meetings anyway (a few hundred,
    a few thousand at most: no more than the less busy leader's); the chart's
    GROUP BY and the strip's newest dots were two more queries over the same
    meetings, a fifth of a pair's timeline built cold.
    """
    overview = read(
        lambda: held.chronological().values_list("id", "kind", "start_date", "precision"), _overview
    )
    summary = overview.summary
    # Counted from today, so not kept with the rest.
    summary["since_last"] = _since(summary["last"]["start_date"]) if summary["last"] else None
    return overview


def _overview(chronological: list[tuple]) -> PairOverview:
    dated = [
        {"id": pk, "kind": kind, "start_date": day, "precision": precision}
        for pk, kind, day, precision in chronological
        if day is not None
    ]
    return PairOverview(chart_of(chronological), strip_of(chronological), _summary(dated))


def _summary(rows: list[dict]) -> dict:
    counts = Counter(row["kind"] for row in rows)
    by_kind = [
        {"kind": kind, "label": label, "count": counts.get(kind, 0)}
        for kind, label in Meeting.Kind.choices
        if counts.get(kind)
    ]
    gaps = [
        {"after": a, "before": b, "days": (b["start_date"] - a["start_date"]).days}
        for a, b in zip(rows, rows[1:], strict=False)
    ]
    longest = max(gaps, key=lambda g: g["days"], default=None)
    average = round(sum(g["days"] for g in gaps) / len(gaps)) if gaps else None
    return {
        "total": len(rows),
        "by_kind": by_kind,
        "first": rows[0] if rows else None,
        "last": rows[-1] if rows else None,
        "longest_gap": longest and {**longest, "phrase": days_phrase(longest["days"])},
        "average_gap": average and days_phrase(average),
    }


def _since(last: date) -> str | None:
    days = (timezone.localdate() - last).days
    return days_phrase(days) if days > 0 else None
