"""The reader-facing filters (GUIDE §3), shared by the pages and the API.

One definition serves both, so ``/timeline/?leader=xi-jinping&leader=vladimir-putin``
and ``/api/meetings/?leader=xi-jinping&leader=vladimir-putin`` always agree. A
malformed value makes the filter set invalid: pages answer 400 with the Arabic
message, the API a JSON body naming the parameter.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from newsapp import search
from newsapp.models import Article, Entity, Meeting, Mention, Source

MAX_QUERY_LENGTH = 500


class StrictDateFilter(django_filters.DateFilter):
    """An ISO date, YYYY-MM-DD, and nothing else ("yesterday" is an error, not ignored)."""

    field_class = forms.DateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        kwargs.setdefault("error_messages", {"invalid": "أدخل تاريخاً بالصيغة YYYY-MM-DD."})
        super().__init__(*args, **kwargs)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("error_messages", {"invalid_choice": "لا يوجد كيان بهذا المعرّف: %(value)s"})
        super().__init__(*args, **kwargs)


class SearchText(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value and len(value) > MAX_QUERY_LENGTH:
            raise ValidationError(f"نص البحث أطول من {MAX_QUERY_LENGTH} حرف.")
        return value


class TextFilter(django_filters.CharFilter):
    field_class = SearchText


class LeadersFilter(django_filters.ModelMultipleChoiceFilter):
    """``leader=<slug>``, repeatable: the rows concerning every one of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "القائد")
        kwargs.setdefault("queryset", Entity.objects.persons())
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("method", "filter_leaders")
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": "لا يوجد شخص بهذا المعرّف: %(value)s",
                "invalid_pk_value": "معرّف غير صالح: %(pk)s",
            },
        )
        super().__init__(*args, **kwargs)


class FilterSet(django_filters.FilterSet):
    """A filter set whose form class is built once per class, not at every request.

    django-filter builds a field per filter and a form class from them for each
    filter set it binds (``get_form_class``), a fifth of validating a query
    string. Ours depend on nothing in the request, and each form still
    deep-copies the fields it is built with (their querysets included).
    """

    def get_form_class(self):
        own = type(self)
        if "_form_class" not in own.__dict__:  # not a parent's: a subclass may add filters
            own._form_class = super().get_form_class()
        return own._form_class


class MeetingFilter(FilterSet):
    leader = LeadersFilter()
    country = SlugChoiceFilter(label="البلد", queryset=Entity.objects.countries(), method="filter_country")
    kind = django_filters.ChoiceFilter(
        label="النوع",
        choices=Meeting.Kind.choices,
        error_messages={"invalid_choice": "نوع غير معروف: %(value)s"},
    )
    status = django_filters.ChoiceFilter(
        label="الحالة",
        choices=Meeting.Status.choices,
        error_messages={"invalid_choice": "حالة غير معروفة: %(value)s"},
    )
    date_from = StrictDateFilter(label="من", method="filter_from")
    date_to = StrictDateFilter(label="إلى", method="filter_to")
    q = TextFilter(label="بحث", method="filter_text")

    class Meta:
        model = Meeting
        fields = ["leader", "country", "kind", "status", "date_from", "date_to", "q"]

    def filter_leaders(self, queryset: QuerySet, name: str, people) -> QuerySet:
        return queryset.involving(*people) if people else queryset

    def filter_country(self, queryset: QuerySet, name: str, country) -> QuerySet:
        return queryset.in_country(country)

    def filter_from(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.between(value, None)

    def filter_to(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.between(None, value)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Meetings of the people named (any spelling), read in articles with the other words."""
        return search.filter_meetings(queryset, value) if value.strip() else queryset


class ArticleFilter(FilterSet):
    leader = LeadersFilter()
    country = SlugChoiceFilter(label="البلد", queryset=Entity.objects.countries(), method="filter_country")
    source = django_filters.ModelChoiceFilter(
        label="المصدر",
        queryset=Source.objects.all(),
        error_messages={"invalid_choice": "مصدر غير معروف: %(value)s"},
    )
    date_from = StrictDateFilter(label="من", field_name="published_on", lookup_expr="gte")
    date_to = StrictDateFilter(label="إلى", field_name="published_on", lookup_expr="lte")
    q = TextFilter(label="بحث", method="filter_text")

    class Meta:
        model = Article
        fields = ["leader", "country", "source", "date_from", "date_to", "q"]

    def filter_leaders(self, queryset: QuerySet, name: str, people) -> QuerySet:
        return queryset.mentioning(*people) if people else queryset

    def filter_country(self, queryset: QuerySet, name: str, country) -> QuerySet:
        # A semi-join (IN), not a join + DISTINCT over whole article rows.
        places = Entity.objects.filter(Q(pk=country.pk) | Q(country=country)).values("pk")
        named = Mention.objects.filter(entity__in=places).values("article")  # mention_entity_idx
        return queryset.filter(Q(pk__in=named) | Q(source__country=country))

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Articles found by the Arabic search (newsapp.search): spellings, clitics, names."""
        return search.filter_articles(queryset, value) if value.strip() else queryset


# "from" and "to" are the public parameter names (GUIDE §3) but Python keywords.
for _filterset in (MeetingFilter, ArticleFilter):
    _filterset.base_filters["from"] = _filterset.base_filters.pop("date_from")
    _filterset.base_filters["to"] = _filterset.base_filters.pop("date_to")


# --- Added for the API (issue 5) ------------------------------------------------


def _meetings_from_source(queryset: QuerySet, name: str, source: Source) -> QuerySet:
    """Meetings read in at least one article of ``source``."""
    return queryset.filter(pk__in=Meeting.objects.filter(evidence__article__source=source).values("pk"))


# GUIDE §3 lists `source` among the shared filters; for meetings it means "reported by".
MeetingFilter.base_filters["source"] = django_filters.ModelChoiceFilter(
    label="المصدر",
    queryset=Source.objects.all(),
    method=_meetings_from_source,
    error_messages={"invalid_choice": "مصدر غير معروف: %(value)s"},
)


class EntityFilter(FilterSet):
    kind = django_filters.ChoiceFilter(
        label="النوع",
        choices=Entity.Kind.choices,
        error_messages={"invalid_choice": "نوع غير معروف: %(value)s"},
    )
    country = SlugChoiceFilter(label="البلد", queryset=Entity.objects.countries())
    q = TextFilter(label="بحث", method="filter_text")

    class Meta:
        model = Entity
        fields = ["kind", "country", "q"]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Entities whose name or any alias matches, by matching key ("بوتن" finds بوتين)."""
        return (
            queryset.filter(pk__in=Entity.objects.spelled(value).values("pk")) if value.strip() else queryset
        )
