"""Bind the shared filters (newsapp.filters) and the page number; malformed input is a 400.

Views never parse filter values themselves: they hand the query string to the
filter set GUIDE §3 defines, and when it is invalid the reader gets the Arabic
messages on a 400 page instead of a silently ignored filter (or a 500).
"""

from __future__ import annotations

from django.http import QueryDict
from django.shortcuts import render
from django.views.generic.list import MultipleObjectMixin

from newsapp.models import Entity, Meeting, Source

# Readers may not ask for more rows than this on one page.
MAX_PAGE_SIZE = 50


class InvalidInput(Exception):
    """Raised by a view when the query string cannot be honoured; rendered as a 400 page."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def present_params(query: QueryDict) -> QueryDict:
    """The query string without empty values: an empty select ("كل القادة") means no filter."""
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        kept = [v for v in values if v.strip()]
        if kept:
            cleaned.setlist(key, kept)
    return cleaned


def filter_errors(filterset) -> list[str]:
    fields = filterset.form.fields
    return [
        f"{fields[name].label}: {message}" if name in fields else message
        for name, messages in filterset.errors.items()
        for message in messages
    ]


def apply_filters(filterset_class, request, queryset):
    """The bound filter set, valid, or ``InvalidInput`` with its Arabic messages."""
    filterset = filterset_class(present_params(request.GET), queryset=queryset, request=request)
    if not filterset.is_valid():
        raise InvalidInput(filter_errors(filterset))
    return filterset


class BadRequestMixin:
    """Turn ``InvalidInput`` raised anywhere in the view into the Arabic 400 page."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except InvalidInput as error:
            return render(request, "400.html", {"errors": error.messages}, status=400)


class StrictPaginationMixin(MultipleObjectMixin):
    """``page=abc`` is a 400 (not a 404 as in Django); a page past the end stays a 404."""

    paginate_by = 20

    def get_paginate_by(self, queryset) -> int:
        return min(self.paginate_by, MAX_PAGE_SIZE)

    def paginate_queryset(self, queryset, page_size):
        page = self.request.GET.get(self.page_kwarg, "").strip()
        if page and page != "last" and not (page.isascii() and page.isdigit()):
            raise InvalidInput([f"رقم الصفحة غير صالح: {page}"])
        return super().paginate_queryset(queryset, page_size)


def filter_choices() -> dict:
    """The options of the filter forms (three queries, whatever the page)."""
    return {
        # Plain dicts: thousands of options need no model instances.
        "leader_choices": Entity.objects.persons().order_by("name").values("slug", "name"),
        "country_choices": Entity.objects.countries().order_by("name").values("slug", "name"),
        "source_choices": Source.objects.only("id", "name"),
        "kind_choices": Meeting.Kind.choices,
    }


def selected(request) -> dict:
    """What the reader asked for, to keep the filter form filled in."""
    params = present_params(request.GET)
    leaders = params.getlist("leader")
    return {
        "selected": {
            "leader1": leaders[0] if leaders else "",
            "leader2": leaders[1] if len(leaders) > 1 else "",
            "leaders": leaders,
            "country": params.get("country", ""),
            "kind": params.get("kind", ""),
            "source": params.get("source", ""),
            "from": params.get("from", ""),
            "to": params.get("to", ""),
            "q": params.get("q", ""),
        },
        "has_filters": bool(params.keys() - {"page"}),
    }
