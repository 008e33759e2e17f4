"""Read endpoints for everyone and the staff-only ingest: thin viewsets that choose a queryset."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from newsapp.aggregates import Aggregates
from newsapp.filters import ArticleFilter, EntityFilter, MeetingFilter
from newsapp.paging import count_until_next_write
from newsapp.services.ingest import Outcome, ingest_article

from . import querysets
from .filtering import PublicOrderingFilter, SharedFilterBackend
from .permissions import sees_rejected
from .representations import entity_representations, meeting_representations
from .serializers import (
    ArticleDetailSerializer,
    ArticleIngestSerializer,
    ArticleSerializer,
    EntitySerializer,
    MeetingSerializer,
)

FILTER_BACKENDS = [SharedFilterBackend, PublicOrderingFilter]


@extend_schema_view(
    list=extend_schema(summary="اللقاءات", description="اللقاءات والاتصالات، الأحدث أولاً."),
    retrieve=extend_schema(summary="لقاء"),
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    filter_backends = FILTER_BACKENDS
    ordering_fields = {"date": "start_date", "id": "id"}

    def get_queryset(self):
        if self.action == "list":
            # Participants and sources are read for the representations not in the cache.
            return querysets.meeting_rows(include_rejected=sees_rejected(self.request))
        return querysets.meetings(include_rejected=sees_rejected(self.request))

    def list(self, request, *args, **kwargs):
        self.count_rows = Aggregates().count  # the version first, then the rows it counts
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(meeting_representations(page, self.get_serializer_context()))


@extend_schema_view(
    list=extend_schema(summary="المقالات", description="المقالات دون نصوصها، الأحدث أولاً."),
    retrieve=extend_schema(
        summary="مقال", description="المقال بنصه، وإشاراته إلى الكيانات، واللقاءات التي يرويها."
    ),
)
class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = ArticleFilter
    filter_backends = FILTER_BACKENDS
    ordering_fields = {"published": "published_on", "id": "id"}
    count_rows = staticmethod(count_until_next_write)  # newsapp.api.pagination

    def get_queryset(self):
        if self.action == "list":
            return querysets.articles()
        return querysets.article_details(include_rejected=sees_rejected(self.request))

    def get_serializer_class(self):
        if self.action == "list":
            return ArticleSerializer
        if self.action == "create":
            return ArticleIngestSerializer
        return ArticleDetailSerializer

    @extend_schema(
        summary="إدخال مقال (لفريق التحرير)",
        description=(
            "يمر المقال بخدمة الإدخال نفسها التي يستعملها `manage.py ingest`: تنظيف، ومنع التكرار، "
            "واستخراج اللقاءات. 201 لمقال جديد مع لقاءاته، و200 مع المقال المخزن إن كان مكرراً، "
            "و400 مع السبب إن رُفض."
        ),
        request=ArticleIngestSerializer,
        responses={
            201: ArticleDetailSerializer,
            200: OpenApiResponse(ArticleDetailSerializer, description="مقال مكرر: المقال المخزن من قبل."),
        },
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = serializer.validated_data
        result = ingest_article(
            body=fields["body"],
            title=fields.get("title") or None,
            published_on=fields["published"],
            source=fields.get("source") or None,
            url=fields.get("url", ""),
            origin=f"api:{request.user.get_username()}",
        )
        if result.outcome == Outcome.REJECTED:
            raise ValidationError({"body": [result.reason]})
        article = self.get_queryset().get(pk=result.article.pk)
        body = ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        created = result.outcome == Outcome.CREATED
        return Response(
            body,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            headers={
                "Location": request.build_absolute_uri(reverse("api:article-detail", args=[article.pk]))
            },
        )


@extend_schema_view(
    list=extend_schema(summary="الكيانات", description="الأشخاص والبلدان والأماكن والمنظمات."),
    retrieve=extend_schema(summary="كيان"),
)
class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EntitySerializer
    filterset_class = EntityFilter
    filter_backends = FILTER_BACKENDS
    ordering_fields = {"name": "name", "slug": "slug", "meetings_count": "meetings_count"}
    lookup_field = "slug"

    def get_queryset(self):
        if self.action == "list":
            # Aliases and positions are read for the representations not in the cache.
            return querysets.entity_rows()
        return querysets.entities()

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(entity_representations(page, self.get_serializer_context()))
