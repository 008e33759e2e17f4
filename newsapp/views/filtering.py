"""Bind the shared filters (newsapp.filters) and the page number; malformed input is a 400.

Views never parse filter values themselves: they hand the query string to the
filter set GUIDE §3 defines, and when it is invalid the reader gets the Arabic
messages on a 400 page instead of a silently ignored filter (or a 500).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Model, QuerySet
from django.http import QueryDict
from django.shortcuts import render
from django.views.generic.list import MultipleObjectMixin

from newsapp.caching import current_generation
from newsapp.models import Entity, Meeting, Source

# Readers may not ask for more rows than this on one page.
MAX_PAGE_SIZE = 50
# The leader pickers list the people met most (a reader's choice is always added):
# at 2,000 people, two full pickers were 3,400 options, most of a 590 KB timeline.
LEADER_CHOICES = 150
_choices_memo: dict = {}


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


def filter_scope(filterset, *extra: str) -> tuple | None:
    """The filter set's validated values as plain data (entities as primary keys), and ``extra``:
    the ``scope`` of ``Aggregates`` for the querysets built from them.

    None with a text query: its words are read through the catalog's names,
    which the meetings' version does not follow.
    """
    values = []
    for name, value in sorted(filterset.form.cleaned_data.items()):
        if name == "q" and value:
            return None
        values.append((name, _plain(value)))
    return (type(filterset).__name__, *values, *extra)


def _plain(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, QuerySet | list | tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


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


def _catalog_choices() -> dict:
    """The leaders (the most met first, capped) and all countries, for the current cache generation.

    They change with the catalog and the meetings, which bump the generation
    (newsapp/caching.py); until then every request of this process reuses them,
    whether or not the page cache is on (no query, no 3,400 options rendered).
    """
    global _choices_memo  # noqa: PLW0603 (replaced whole: threads read it without a lock)
    generation = current_generation()[0]
    if _choices_memo.get("generation") != generation:
        # EntityStats keeps each person's visible meetings: counted from the
        # participations, this was 58 ms at 20,000 meetings, paid by every
        # process after every write.
        met = (
            Entity.objects.persons()
            .filter(stats__meetings__gt=0)
            .order_by("-stats__meetings", "name")
            .values("slug", "name")[:LEADER_CHOICES]
        )
        _choices_memo = {
            "generation": generation,
            "leaders": list(met),
            "countries": list(Entity.objects.countries().order_by("name").values("slug", "name")),
            "sources": list(Source.objects.values("id", "name")),
        }
    return _choices_memo


def filter_choices(leaders: list[str] | tuple[str, ...] = ()) -> dict:
    """The options of the filter forms; ``leaders`` (slugs the reader chose) are always among them.

    No query when the choices are memoized and the chosen leaders are among the
    most met; one when a chosen leader is not.
    """
    memo = _catalog_choices()
    leader_choices = memo["leaders"]
    known = {row["slug"] for row in leader_choices}
    missing = [slug for slug in leaders if slug not in known]
    if missing:
        extra = Entity.objects.persons().filter(slug__in=missing).order_by("name").values("slug", "name")
        leader_choices = [*leader_choices, *extra]
    return {
        "leader_choices": leader_choices,
        "country_choices": memo["countries"],
        "source_choices": memo["sources"],
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
