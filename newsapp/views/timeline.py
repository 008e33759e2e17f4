"""The diplomacy timeline: meetings by year and month, and, for two leaders, their relationship."""

from __future__ import annotations

from django.db.models import Prefetch
from django.views.generic import ListView

from newsapp.filters import MeetingFilter
from newsapp.models import Evidence, Meeting

from .charts import monthly_chart, timeline_strip
from .filtering import BadRequestMixin, StrictPaginationMixin, apply_filters, filter_choices, selected
from .relationship import contact_ordinals, relationship_summary

# How many upcoming (announced, not yet held) meetings the page lists.
UPCOMING_LIMIT = 12


def with_sources(meetings):
    """Meetings with their people, place, occasion and the articles they were read in."""
    return meetings.with_people().prefetch_related(
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("article")
            .only("id", "meeting_id", "article__id", "article__title", "article__published_on")
            .order_by("article__published_on", "article_id", "start"),
        )
    )


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
        return with_sources(self.filterset.qs.held().latest_first())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filtered = self.filterset.qs
        leaders = list(self.filterset.form.cleaned_data.get("leader") or [])
        page = list(context["meetings"])
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
            upcoming=with_sources(filtered.planned().chronological())[:UPCOMING_LIMIT],
            chart=monthly_chart(filtered.held()),
            strip=timeline_strip(filtered.held(), on_page={m.pk for m in page}),
        )
        return context
