"""The diplomacy timeline: meetings by year and month, and, for two leaders, their relationship."""

from __future__ import annotations

from django.views.generic import ListView

from newsapp.aggregates import Aggregates
from newsapp.filters import MeetingFilter
from newsapp.models import Meeting
from newsapp.paging import CountingPaginator

from .cards import meetings_for_cards, prepare_cards
from .charts import monthly_chart, strip_html, timeline_strip
from .filtering import (
    BadRequestMixin,
    StrictPaginationMixin,
    apply_filters,
    filter_choices,
    filter_scope,
    selected,
)
from .relationship import contact_ordinals, pair_overview

# How many upcoming (announced, not yet held) meetings the page lists.
UPCOMING_LIMIT = 12


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
        # Read for the cards by meetings_for_cards; prepare_cards reads the rest for the cards not cached.
        return self.filterset.qs.held().latest_first()

    def get_paginator(self, queryset, per_page, **kwargs):
        # The page lists the chart's meetings (get_queryset), which the chart counted.
        return CountingPaginator(queryset, per_page, counter=lambda rows: self.chart.total, **kwargs)

    def get_context_data(self, **kwargs):
        # The version first, then the data it guards (the page's count among them).
        # Keyed on the filters, not on each read's SQL: compiling it was a sixth of the page.
        page_asked = self.request.GET.get(self.page_kwarg, "").strip()
        aggregates = Aggregates(scope=filter_scope(self.filterset, page_asked))
        filtered = self.filterset.qs
        held = filtered.held()
        leaders = list(self.filterset.form.cleaned_data.get("leader") or [])
        pair = leaders if len(leaders) == 2 else None
        # Queries are handed over as functions where they can be: cached, they are never built.
        overview = pair_overview(held, aggregates.read) if pair else None
        self.chart = overview.chart if overview else monthly_chart(held, aggregates.read)
        context = super().get_context_data(**kwargs)
        page = context["meetings"] = meetings_for_cards(context["meetings"], aggregates.read)
        upcoming = meetings_for_cards(
            lambda: filtered.planned().chronological()[:UPCOMING_LIMIT], aggregates.read
        )
        if pair:
            ordinals = contact_ordinals(
                lambda: Meeting.objects.visible().held().involving(*pair), aggregates.read
            )
            for meeting in page:
                meeting.ordinal = ordinals.get(meeting.pk)
            context["relationship"] = overview.summary
        prepare_cards(page + upcoming, show_sources=True)
        on_page = {meeting.pk for meeting in page}
        context.update(
            filter_choices([leader.slug for leader in leaders]),
            **selected(self.request),
            leaders=leaders,
            pair=pair,
            years=group_by_month(page),
            upcoming=upcoming,
            chart=self.chart.html,
            strip=(
                strip_html(overview.strip, on_page)
                if overview
                else timeline_strip(held, on_page, aggregates.read)
            ),
        )
        return context
