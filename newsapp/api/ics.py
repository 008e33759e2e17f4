"""An iCalendar feed of meetings (RFC 5545), one all-day event per dated meeting.

A date known only to the month (or year) is never pinned to a made-up day:
the event spans the whole month, says so in its description, and carries
``X-MARSAD-PRECISION:month`` for programs that read it.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from icalendar import Calendar, Event

from newsapp.arabic_dates import arabic_date
from newsapp.models import Meeting

CHUNK = 1000


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def span(meeting: Meeting) -> tuple[date, date, str]:
    """First day, the day after the last (iCalendar's exclusive end), and a note when approximate."""
    start = meeting.start_date
    if meeting.end_date:
        return start, meeting.end_date + timedelta(days=1), ""
    if meeting.precision == Meeting.Precision.MONTH:
        first = start.replace(day=1)
        return first, _next_month(first), f"التاريخ تقريبي: {arabic_date(first, 'month')}"
    if meeting.precision == Meeting.Precision.YEAR:
        first = date(start.year, 1, 1)
        return first, date(start.year + 1, 1, 1), f"التاريخ تقريبي: عام {start.year}"
    return start, start + timedelta(days=1), ""


def meeting_event(meeting: Meeting, request) -> Event:
    first, after_last, note = span(meeting)
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@marsad")
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", first)
    event.add("dtend", after_last)
    event.add("summary", str(meeting))
    event.add("categories", [meeting.get_kind_display()])
    event.add("status", "CONFIRMED" if meeting.status == Meeting.Status.HELD else "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    event.add("url", request.build_absolute_uri(reverse("api:meeting-detail", args=[meeting.pk])))
    place = meeting.location or meeting.occasion
    if place is not None:
        event.add("location", place.name)
    lines = [note] if note else []
    if meeting.status == Meeting.Status.PLANNED:
        lines.append("لقاء مرتقب لم يُعقد بعد وقت النشر.")
    lines += [e.sentence for e in meeting.evidence.all()]
    lines += [e.article.url for e in meeting.evidence.all() if e.article.url]
    if lines:
        event.add("description", "\n".join(lines))
    event.add("x-marsad-precision", meeting.precision)
    event.add("x-marsad-kind", meeting.kind)
    return event


def meetings_ics(meetings: QuerySet, request) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Marsad//Marsad API//AR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "مرصد: اللقاءات")
    for meeting in meetings.iterator(chunk_size=CHUNK):
        calendar.add_component(meeting_event(meeting, request))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="marsad-meetings.ics"'
    return response
