"""The diplomacy timeline: meetings by year and month, and, for two leaders, their relationship."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from django.views.generic import ListView

from newsapp.filters import MeetingFilter
from newsapp.models import Evidence, Meeting

from .charts import monthly_chart, timeline_strip
from .filtering import BadRequestMixin, StrictPaginationMixin, apply_filters, filter_choices, selected
from .relationship import contact_ordinals, relationship_summary

# How many upcoming (announced, not yet held) meetings the page lists.
UPCOMING_LIMIT = 12


class Source(NamedTuple):
    """An article a meeting was read in, as its card lists it (plain row, not model instances)."""

    evidence_id: int
    article_id: int
    title: str
    published_on: date | None


def attach_sources(meetings: Iterable[Meeting]) -> list[Meeting]:
    """``meetings`` with ``meeting.sources`` set, oldest article first, in one query for all of them.

    Rows, not ``Evidence`` and ``Article`` instances: a timeline page lists ~200
    sources, and building their model instances was a fifth of its time.
    """
    meetings = list(meetings)
    by_id = {meeting.pk: meeting for meeting in meetings}
    for meeting in meetings:
        meeting.sources = []
    rows = (
        Evidence.objects.filter(meeting__in=list(by_id))
        .order_by("meeting_id", "article__published_on", "article_id", "start")
        .values_list("meeting_id", "id", "article_id", "article__title", "article__published_on")
    )
    for meeting_id, *source in rows:
        by_id[meeting_id].sources.append(Source(*source))
    return meetings


def group_by_month(meetings) -> list[dict]:
    """[{year, months: [{month, meetings}]}] in the order given (newest first)."""
    years: list[dict] = []
    for meeting in meetings:
        day = meeting.start_date
        year = day.year if day else None
        month = day.month if day and meeting.precision != "year" else None
        if not years or years[-1]["year"] != year:
            years.append({"year": year, "months": []})
        months = years[-1]["months"]
        if not months or months[-1]["month"] != month:
            months.append({"month": month, "meetings": []})
        months[-1]["meetings"].append(meeting)
    return years


class TimelineView(BadRequestMixin, StrictPaginationMixin, ListView):
    template_name = "timeline/page.html"
    context_object_name = "meetings"
    paginate_by = 40

    def get_queryset(self):
        self.filterset = apply_filters(MeetingFilter, self.request, Meeting.objects.visible())
        return self.filterset.qs.held().latest_first().with_people()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filtered = self.filterset.qs
        leaders = list(self.filterset.form.cleaned_data.get("leader") or [])
        page = list(context["meetings"])
        upcoming = list(filtered.planned().chronological().with_people()[:UPCOMING_LIMIT])
        attach_sources(page + upcoming)
        pair = leaders if len(leaders) == 2 else None
        if pair:
            ordinals = contact_ordinals(Meeting.objects.visible().held().involving(*pair))
            for meeting in page:
                meeting.ordinal = ordinals.get(meeting.pk)
            context["relationship"] = relationship_summary(filtered.held())
        context.update(
            filter_choices([leader.slug for leader in leaders]),
            **selected(self.request),
            leaders=leaders,
            pair=pair,
            years=group_by_month(page),
            upcoming=upcoming,
            chart=monthly_chart(filtered.held()),
            strip=timeline_strip(filtered.held(), on_page={m.pk for m in page}),
        )
        return context
