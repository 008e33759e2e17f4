"""Downloads with the same filters as the lists: CSV of meetings and articles, iCalendar of meetings.

Each export is a DRF view so it shares the filter backends, the 400 bodies
and the throttle with the JSON endpoints; the file itself is written directly.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import BaseRenderer, JSONRenderer

from newsapp.filters import ArticleFilter, MeetingFilter

from . import csv_export, ics, querysets
from .filtering import PublicOrderingFilter, SharedFilterBackend
from .permissions import sees_rejected


class FileRenderer(BaseRenderer):
    """Declares a file's media type for content negotiation and the schema; views write the bytes."""

    format = None
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class CsvRenderer(FileRenderer):
    media_type = "text/csv"
    format = "csv"


class CalendarRenderer(FileRenderer):
    media_type = "text/calendar"
    format = "ics"


class ExportView(GenericAPIView):
    filter_backends = [SharedFilterBackend, PublicOrderingFilter]
    pagination_class = None
    is_export = True
    file_renderer: type[FileRenderer]

    def get_renderers(self):
        return [self.file_renderer()]

    def perform_content_negotiation(self, request, force=False):
        # A download is what it is: never a 406 because a client's Accept header is odd.
        renderer = self.file_renderer()
        return renderer, renderer.media_type

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # Errors are JSON whatever file was asked for.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response


def _file_schema(operation_id: str, media_type: str, summary: str, description: str):
    return extend_schema(
        operation_id=operation_id,
        summary=summary,
        description=description,
        responses={(200, media_type): OpenApiResponse(OpenApiTypes.STR, description="الملف")},
    )


class MeetingsCsvView(ExportView):
    filterset_class = MeetingFilter
    ordering_fields = {"date": "start_date", "id": "id"}
    file_renderer = CsvRenderer

    def get_queryset(self):
        return querysets.meetings(include_rejected=sees_rejected(self.request))

    @_file_schema(
        "meetings_csv",
        "text/csv",
        "اللقاءات بصيغة CSV",
        "UTF-8 مع BOM، بالمرشحات نفسها التي تقبلها /api/meetings/.",
    )
    def get(self, request, *args, **kwargs):
        return csv_export.meetings_csv(self.filter_queryset(self.get_queryset()), request)


class ArticlesCsvView(ExportView):
    filterset_class = ArticleFilter
    ordering_fields = {"published": "published_on", "id": "id"}
    file_renderer = CsvRenderer

    def get_queryset(self):
        return querysets.articles()

    @_file_schema(
        "articles_csv",
        "text/csv",
        "المقالات بصيغة CSV",
        "UTF-8 مع BOM، بالمرشحات نفسها التي تقبلها /api/articles/.",
    )
    def get(self, request, *args, **kwargs):
        return csv_export.articles_csv(self.filter_queryset(self.get_queryset()), request)


class MeetingsCalendarView(ExportView):
    filterset_class = MeetingFilter
    ordering_fields = {"date": "start_date", "id": "id"}
    file_renderer = CalendarRenderer

    def get_queryset(self):
        return querysets.meetings(include_rejected=sees_rejected(self.request)).filter(
            start_date__isnull=False
        )

    @_file_schema(
        "meetings_ics",
        "text/calendar",
        "اللقاءات بصيغة iCalendar",
        "حدث يوم كامل لكل لقاء مؤرخ؛ اللقاء المعروف بشهره فقط يمتد على الشهر ويوصف بأنه تقريبي.",
    )
    def get(self, request, *args, **kwargs):
        return ics.meetings_ics(self.filter_queryset(self.get_queryset()), request)
