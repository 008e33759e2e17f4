"""Filter backends of the API: the shared filter sets (newsapp.filters) and a public ordering.

Both answer a malformed value with a 400 whose JSON names the parameter,
``{"from": ["أدخل تاريخاً بالصيغة YYYY-MM-DD."]}``, never a 500.
"""

from __future__ import annotations

from django.db.models import F, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

from newsapp.filters import ArticleFilter, EntityFilter, MeetingFilter

ORDERING_PARAM = "ordering"
SLUG_SCHEMA = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 120}


class SharedFilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend that also refuses characters PostgreSQL cannot compare (NUL)."""

    def filter_queryset(self, request, queryset, view):
        errors = {
            name: ["القيمة تحتوي على محرف غير مسموح به."]
            for name, values in request.query_params.lists()
            if any("\x00" in value for value in values)
        }
        if errors:
            raise ValidationError(errors)
        return super().filter_queryset(request, queryset, view)


class PublicOrderingFilter(BaseFilterBackend):
    """``?ordering=date`` or ``?ordering=-date``, by public names a view maps to model fields.

    The view declares ``ordering_fields = {"date": "start_date", ...}``; empty
    values sort last either way, and ``id`` breaks ties so pages are stable.
    """

    def choices(self, view) -> list[str]:
        names = list(getattr(view, "ordering_fields", {}))
        return [value for name in names for value in (name, f"-{name}")]

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        value = request.query_params.get(ORDERING_PARAM, "").strip()
        if not value:
            return queryset
        fields = getattr(view, "ordering_fields", {})
        name = value.removeprefix("-")
        if name not in fields:
            allowed = "، ".join(self.choices(view))
            raise ValidationError({ORDERING_PARAM: [f"ترتيب غير معروف: {value[:50]}. المتاح: {allowed}"]})
        descending = value.startswith("-")
        field = F(fields[name])
        primary = field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
        return queryset.order_by(primary, "-pk" if descending else "pk")

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": ORDERING_PARAM,
                "required": False,
                "in": "query",
                "description": "الترتيب؛ أضف '-' قبل الاسم للترتيب التنازلي.",
                "schema": {"type": "string", "enum": self.choices(view)},
            }
        ]


def _document_shared_filters() -> None:
    """Tell drf-spectacular the types of the shared filters that select by slug or id.

    The filters run a method, so their value type cannot be guessed; the
    annotation is documentation only and changes nothing for the pages.
    """
    leader = "معرّف شخص (leader=xi-jinping)؛ كرّره لنتائج تجمعهم كلهم."
    country = "معرّف بلد (country=china)."
    for filterset, name, description, example in [
        (MeetingFilter, "leader", leader, "xi-jinping"),
        (ArticleFilter, "leader", leader, "xi-jinping"),
        (MeetingFilter, "country", country, "china"),
        (ArticleFilter, "country", country, "china"),
        (EntityFilter, "country", country, "china"),
    ]:
        schema = {**SLUG_SCHEMA, "description": description, "example": example}
        extend_schema_field(schema)(filterset.base_filters[name])
    extend_schema_field({"type": "integer", "description": "معرّف المصدر: لقاءات روتها مقالاته."})(
        MeetingFilter.base_filters["source"]
    )


_document_shared_filters()
