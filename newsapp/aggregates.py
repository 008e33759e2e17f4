"""Aggregates over many meetings (charts, counts, a leader's counterparts), kept until a meeting changes.

They read thousands of rows for a busy leader, and they change only when a
meeting does: PostgreSQL keeps a version that grows at every change to a
meeting or to what it shows (migration 0007). Results are cached under that
version and the query's own SQL, so each filter combination has its own entry
and no code has to say what a result depends on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from newsapp.versions import meetings_version

_MISSING = object()


# (query, shape) → shape(list(query)): how views read an aggregate, cached or not.
Read = Callable[[QuerySet, Callable[[list], Any]], Any]


def read_now(queryset: QuerySet, shape: Callable[[list], Any] = list) -> Any:
    """``Read`` without a cache."""
    return shape(list(queryset))


class Aggregates:
    """One request's reader of cached query results; reads the version once, before any data."""

    def __init__(self) -> None:
        self.version = meetings_version()

    def read(self, queryset: QuerySet, shape: Callable[[list], Any] = list) -> Any:
        """``shape(list(queryset))``, from the cache while no meeting changed.

        For ``values()`` and ``values_list()`` querysets, and shapes that return
        plain data: model instances would be pickled and rebuilt at every read.
        Each read returns its own copy, which the caller may change.
        """
        name = f"{shape.__module__}.{shape.__qualname__}"
        return self._cached(queryset, name, lambda: shape(list(queryset)), empty=lambda: shape([]))

    def count(self, queryset: QuerySet) -> int:
        """``queryset.count()``, from the cache while no meeting changed (a paginator's ``counter``)."""
        return self._cached(queryset, "count", queryset.count, empty=lambda: 0)

    def _cached(
        self, queryset: QuerySet, name: str, compute: Callable[[], Any], empty: Callable[[], Any]
    ) -> Any:
        try:
            sql, params = queryset.query.sql_with_params()
        except EmptyResultSet:  # a filter no row can match (e.g. a search with no words left)
            return empty()
        digest = hashlib.blake2b(repr((sql, params)).encode(), digest_size=16).hexdigest()
        key = f"marsad:agg:{self.version}:{name}:{digest}"
        fragments = caches["fragments"]
        value = fragments.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            fragments.set(key, value, timeout=settings.MARSAD_FRAGMENT_CACHE_SECONDS)
        return value
