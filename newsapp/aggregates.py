"""Aggregates over many meetings (charts, counts, a leader's counterparts), kept until a meeting changes.

They read thousands of rows for a busy leader, and they change only when a
meeting does: PostgreSQL keeps a version that grows at every change to a
meeting or to what it shows (migration 0007). Results are cached under that
version and the query's own SQL, so each filter combination has its own entry
and no code has to say what a result depends on.

Compiling that SQL for the key was a sixth of a leader's timeline served from
cached results, though. A view whose querysets are built from its validated
filters alone may give them as the ``scope``: its reads are then keyed on the
scope and on which read it is (the shape, and how many reads of that shape
came before in the request), with no SQL compiled. With
``MARSAD_CHECK_AGGREGATE_SCOPES`` on (the test suite), every scoped read is
compiled anyway and a key that ever stands for two different queries raises,
so a scope that misses what a query depends on fails the tests that vary it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from newsapp.versions import meetings_version

_MISSING = object()


# A queryset, or a function that builds it: a scoped read builds it only when the cache lacks it.
Query = QuerySet | Callable[[], QuerySet]
# (query, shape) → shape(list(query)): how views read an aggregate, cached or not.
Read = Callable[[Query, Callable[[list], Any]], Any]


def built(query: Query) -> QuerySet:
    return query if isinstance(query, QuerySet) else query()


def read_now(query: Query, shape: Callable[[list], Any] = list) -> Any:
    """``Read`` without a cache."""
    return shape(list(built(query)))


class ScopeTooNarrow(AssertionError):
    """Two different queries were read under one scoped key (``MARSAD_CHECK_AGGREGATE_SCOPES``)."""


# Scoped key → the digest of the SQL it was first read for, when checking.
_scoped_queries: dict[str, str] = {}


def fingerprint(value: object) -> str:
    """A short digest of ``value``'s repr, for cache keys (a query's SQL and parameters, a scope)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


class Aggregates:
    """One request's reader of cached query results; reads the version once, before any data."""

    def __init__(self, scope: Hashable | None = None) -> None:
        """``scope``: all the request's querysets depend on besides the code that builds them
        (validated filter values as primary keys, the page number), or None to key on their SQL."""
        self.version = meetings_version()
        self._scope = None if scope is None else fingerprint(scope)
        self._reads: Counter[str] = Counter()

    def read(self, query: Query, shape: Callable[[list], Any] = list) -> Any:
        """``shape(list(query))``, from the cache while no meeting changed.

        For ``values()`` and ``values_list()`` querysets, and shapes that return
        plain data: model instances would be pickled and rebuilt at every read.
        Each read returns its own copy, which the caller may change.
        """
        name = f"{shape.__module__}.{shape.__qualname__}"
        return self._cached(query, name, lambda queryset: shape(list(queryset)), empty=lambda: shape([]))

    def count(self, query: Query) -> int:
        """``query.count()``, from the cache while no meeting changed (a paginator's ``counter``)."""
        return self._cached(query, "count", QuerySet.count, empty=lambda: 0)

    def _cached(
        self, query: Query, name: str, compute: Callable[[QuerySet], Any], empty: Callable[[], Any]
    ) -> Any:
        queryset = None
        if self._scope is None:
            queryset = built(query)
            try:
                digest = fingerprint(queryset.query.sql_with_params())
            except EmptyResultSet:  # a filter no row can match (e.g. a search with no words left)
                return empty()
        else:
            digest = f"{self._scope}:{self._reads[name]}"
            self._reads[name] += 1
        key = f"marsad:agg:{self.version}:{name}:{digest}"
        if self._scope is not None and settings.MARSAD_CHECK_AGGREGATE_SCOPES:
            queryset = built(query)
            _check_scoped(key, queryset)
        fragments = caches["fragments"]
        value = fragments.get(key, _MISSING)
        if value is _MISSING:
            value = compute(queryset if queryset is not None else built(query))
            fragments.set(key, value, timeout=settings.MARSAD_FRAGMENT_CACHE_SECONDS)
        return value


def _check_scoped(key: str, queryset: QuerySet) -> None:
    try:
        sql = fingerprint(queryset.query.sql_with_params())
    except EmptyResultSet:
        sql = "empty"
    first = _scoped_queries.setdefault(key, sql)
    if first != sql:
        raise ScopeTooNarrow(f"{key} stands for two queries: its scope misses what one depends on")
