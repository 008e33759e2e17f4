"""A pair's timeline reads its meetings once: the chart, the strip and the summary drawn from them
are those the per-query functions draw for any other timeline."""

from datetime import date

import pytest

from newsapp.models import Entity, Meeting, Participation
from newsapp.views import charts
from newsapp.views.relationship import pair_overview

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair_meetings(world):
    xi, putin = (Entity.objects.get(slug=slug) for slug in ("xi-jinping", "vladimir-putin"))
    # An undated call and a year-precision visit: counted by the chart's total, drawn in no month
    # for the first, in January for the second, as the GROUP BY does.
    for kind, day, precision in (("call", None, "day"), ("visit", date(2022, 1, 1), "year")):
        meeting = Meeting.objects.create(kind=kind, start_date=day, precision=precision)
        Participation.objects.bulk_create(
            [Participation(meeting=meeting, person=xi), Participation(meeting=meeting, person=putin)]
        )
    return Meeting.objects.visible().held().involving(xi, putin)


def test_the_pairs_chart_is_the_chart_its_group_by_draws(pair_meetings):
    overview = pair_overview(pair_meetings)
    assert overview.chart == charts.monthly_chart(pair_meetings)
    assert overview.chart.total == pair_meetings.count() > 3
    assert "<rect" in overview.chart.html


@pytest.mark.parametrize("max_dots", [charts.MAX_DOTS, 2])
def test_the_pairs_strip_is_the_strip_of_its_newest_dated_meetings(pair_meetings, monkeypatch, max_dots):
    monkeypatch.setattr(charts, "MAX_DOTS", max_dots)
    on_page = set(pair_meetings.values_list("id", flat=True)[:2])
    strip = charts.strip_html(pair_overview(pair_meetings).strip, on_page)
    assert strip == charts.timeline_strip(pair_meetings, on_page)
    assert strip.count("<circle") == min(max_dots, pair_meetings.exclude(start_date=None).count())


def test_the_pairs_summary_counts_its_dated_meetings_from_first_to_last(pair_meetings):
    summary = pair_overview(pair_meetings).summary
    dated = pair_meetings.exclude(start_date=None).chronological()
    assert summary["total"] == dated.count()
    assert summary["first"]["id"] == dated.first().pk and summary["last"]["id"] == dated.last().pk
    assert sum(kind["count"] for kind in summary["by_kind"]) == summary["total"]
    assert summary["since_last"]  # the last contact was before today
