"""The timeline's charts, drawn as SVG by the templates (no chart library, no inline style).

Time runs right to left, as Arabic is read: the earliest month is at the right edge.
Their HTML, not only their geometry, is what ``read`` caches: drawing ~120 bars
and 400 dots was a sixth of a timeline page served from cached data.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date
from typing import NamedTuple

from django.db.models import Count, DateField, F, Func
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from newsapp.aggregates import Read, read_now
from newsapp.models import Meeting
from newsapp.templatetags.marsad import MONTHS
from newsapp.templatetags.rendering import escape

KINDS = ("call", "video", "meeting", "visit")
MAX_MONTHS = 120
# 960 px hold about 120 columns of dots 8 px apart, four stacked: past ~500
# dots they only cover each other (and a dot is ~90 bytes of the page).
MAX_DOTS = 400

CHART_WIDTH, CHART_HEIGHT, CHART_BASE = 960, 170, 140
STRIP_WIDTH, STRIP_HEIGHT = 960, 64
STRIP_MARGIN = 16


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


class MonthStart(Func):
    """The first day of a date's month. ``TruncMonth`` on a date goes through
    ``timestamptz`` and the time zone, row by row: a third of the chart's query."""

    template = "DATE_TRUNC('month', %(expressions)s::timestamp)::date"
    output_field = DateField()


class MonthlyChart(NamedTuple):
    html: SafeString
    total: int  # the meetings counted, undated ones included: the timeline's count


def monthly_chart(held, read: Read = read_now) -> MonthlyChart:
    """The figure of meetings per month, stacked by kind, the last ``MAX_MONTHS`` months with data
    ('' when no meeting has a date), and how many meetings ``held`` has.

    ``read`` runs the query and shapes its rows (``newsapp.aggregates.Aggregates.read``
    keeps the result in the cache). Counting from the same rows spares the
    timeline a COUNT over the same meetings.
    """

    def query():
        return (
            held.annotate(month=MonthStart("start_date"))
            .values("month", "kind")
            .annotate(n=Count("id"))
            .order_by()
        )

    return _chart(*read(query, _chart_and_total))


def _chart(html: str, total: int) -> MonthlyChart:
    return MonthlyChart(mark_safe(html), total)  # noqa: S308 (rendered by a template, escaped there)


def _chart_and_total(rows: list[dict]) -> tuple[str, int]:
    dated = [row for row in rows if row["month"] is not None]
    return _chart_html(dated), sum(row["n"] for row in rows)


def chart_of(meetings: list[tuple]) -> MonthlyChart:
    """``monthly_chart`` of meetings already read as ``(id, kind, start_date, …)`` rows."""
    counts = Counter((day and day.replace(day=1), kind) for _, kind, day, *_ in meetings)
    rows = [{"month": month, "kind": kind, "n": n} for (month, kind), n in counts.items()]
    return _chart(*_chart_and_total(rows))


def _chart_html(rows: list[dict]) -> str:
    chart = _bars(rows)
    if chart is None:
        return ""
    return str(
        render_to_string("timeline/chart.html", {"chart": chart, "kind_choices": Meeting.Kind.choices})
    )


def _bars(rows: list[dict]) -> dict | None:
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[_month_index(row["month"])][row["kind"]] = row["n"]
    if not counts:
        return None
    last = max(counts)
    first = max(min(counts), last - MAX_MONTHS + 1)
    span = last - first + 1
    slot = CHART_WIDTH / span
    tallest = max(sum(kinds.values()) for index, kinds in counts.items() if index >= first)
    unit = (CHART_BASE - 10) / tallest
    bars, labels = [], []
    for index in range(first, last + 1):
        year, month = divmod(index, 12)
        x = CHART_WIDTH - (index - first + 1) * slot  # right to left
        y = CHART_BASE
        total = sum(counts.get(index, {}).values())
        segments = []
        for kind in KINDS:
            n = counts.get(index, {}).get(kind, 0)
            if n:
                height = n * unit
                y -= height
                segments.append({"kind": kind, "y": round(y, 1), "height": round(height, 1)})
        bars.append(
            {
                "x": round(x + slot * 0.15, 1),
                "width": round(max(slot * 0.7, 1), 1),
                "segments": segments,
                "total": total,
                "label": f"{MONTHS[month]} {year}",
            }
        )
        if month == 0 or index == first:
            # Keep the year inside the drawing at both edges.
            labels.append({"x": round(min(max(x + slot / 2, 18), CHART_WIDTH - 18), 1), "text": str(year)})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "base": CHART_BASE,
        "bars": bars,
        "labels": labels,
        "tallest": tallest,
    }


def timeline_strip(held, on_page: set[int], read: Read = read_now) -> SafeString:
    """One dot per meeting (the newest ``MAX_DOTS``) on a line, placed by date, right to left, with year
    ticks ('' when no meeting has a date). The dots of ``on_page`` link to their cards."""

    def query():  # the newest MAX_DOTS (by the index of latest_first)
        return (
            held.exclude(start_date=None)
            .order_by(F("start_date").desc(nulls_last=True), F("id").desc())
            .values_list("id", "kind", "start_date")[:MAX_DOTS]
        )

    return strip_html(read(query, _strip_parts), on_page)


def strip_of(chronological: list[tuple]) -> StripParts | None:
    """The strip's parts (for ``strip_html``) of meetings already read as ``(id, kind, start_date, …)``
    rows, oldest first: the newest ``MAX_DOTS`` of the dated ones."""
    dated = [row[:3] for row in chronological if row[2] is not None]
    return _strip_parts(dated[: -MAX_DOTS - 1 : -1])


def strip_html(parts: StripParts | None, on_page: set[int]) -> SafeString:
    if parts is None:
        return mark_safe("")
    head, dots, tail = parts
    circles = (f'<a href="#m-{pk}">{circle}</a>' if pk in on_page else circle for pk, circle in dots)
    return mark_safe(head + "\n    ".join(circles) + tail)  # noqa: S308 (escaped by _strip_parts)


# Where the dots go in the strip's template: rendered once, around this mark.
_DOTS_SLOT = "<!--dots-->"


# The strip's HTML before its dots, each dot's (meeting id, <circle>), and the HTML after.
StripParts = tuple[str, list[tuple[int, str]], str]


def _strip_parts(newest_first: list[tuple]) -> StripParts | None:
    """The strip's HTML before its dots, each dot's ``(meeting id, <circle>)``, and the HTML after."""
    strip = _dots(newest_first)
    if strip is None:
        return None
    html = str(render_to_string("timeline/strip.html", {"strip": strip, "dots": _DOTS_SLOT}))
    head, tail = html.split(_DOTS_SLOT)
    dots = [
        (
            d["id"],
            f'<circle class="fill-{escape(d["kind"])}" cx="{d["x"]}" cy="{d["y"]}" r="4">'
            f"<title>{d['day'].isoformat()}</title></circle>",
        )
        for d in strip["dots"]
    ]
    return head, dots, tail


def _dots(newest_first: list[tuple]) -> dict | None:
    rows = newest_first[::-1]  # drawn oldest to newest
    if not rows:
        return None
    start, end = rows[0][2], rows[-1][2]
    days = max((end - start).days, 1)
    usable = STRIP_WIDTH - 2 * STRIP_MARGIN

    def x_of(day: date) -> float:
        return round(STRIP_WIDTH - STRIP_MARGIN - (day - start).days / days * usable, 1)

    dots = []
    lanes: dict[int, int] = defaultdict(int)
    for pk, kind, day in rows:
        x = x_of(day) if end != start else STRIP_WIDTH / 2
        # Dots of the same few days stack upwards instead of hiding each other.
        lane = lanes[int(x // 8)]
        lanes[int(x // 8)] += 1
        dots.append(
            {
                "id": pk,
                "kind": kind,
                "x": x,
                "y": 40 - 9 * min(lane, 3),
                "day": day,
            }
        )
    ticks = [
        {"x": x_of(date(year, 1, 1)), "text": str(year)}
        for year in range(start.year + 1, end.year + 1)
        if end != start
    ]
    if not ticks or math.fabs(ticks[0]["x"] - x_of(start)) > 40:
        ticks.insert(0, {"x": x_of(start) if end != start else STRIP_WIDTH / 2, "text": str(start.year)})
    return {"width": STRIP_WIDTH, "height": STRIP_HEIGHT, "dots": dots, "ticks": ticks}
