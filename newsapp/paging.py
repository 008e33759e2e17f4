"""Paginators that count cheaply: through a cache, and up to a cap.

``CappedPaginator`` stops counting at a cap: no exact COUNT(*) over a hundred
thousand rows. Page links past the cap are not offered; the page shows
"أكثر من 10000". The article list and the API lists use it (``manage.py
bench``: the exact count was most of the article list's database time at
100,000 articles). Meeting lists count through ``Aggregates.count``, which
keeps the count until a meeting changes; article lists through
``count_until_next_write``, which keeps it until the next write of any kind.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet

from newsapp.aggregates import fingerprint
from newsapp.caching import current_generation

COUNT_CAP = 10_000


def count_until_next_write(queryset: QuerySet) -> int:
    """``queryset.count()``, kept under the page cache's generation (``newsapp.caching``).

    The generation moves at every write, as it does for the pages themselves, so
    the count is never older than a cached page would be. Until then the pages
    of one list (2, 3, …, in the site and in the API) count once, not once each,
    and so does a page the page cache lacks or may not keep (a staff reader's).
    """
    try:
        sql = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter no row can match
        return 0
    generation, _ = current_generation()
    key = f"marsad:count:{generation}:{fingerprint(sql)}"
    fragments = caches["fragments"]
    count = fragments.get(key)
    if count is None:
        count = queryset.count()
        fragments.set(key, count, timeout=settings.MARSAD_FRAGMENT_CACHE_SECONDS)
    return count


class CountingPaginator(Paginator):
    """A paginator that counts with ``counter``, e.g. ``Aggregates.count`` (cached until a meeting changes)."""

    cap: int | None = None

    def __init__(self, *args, counter: Callable[[QuerySet], int] = QuerySet.count, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counter = counter

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return len(self.object_list)
        # values("pk"): the count needs no annotation (a per-row subquery would run 10,000 times).
        rows = self.object_list.order_by().values("pk")
        return self.counter(rows[: self.cap] if self.cap else rows)


class CappedPaginator(CountingPaginator):
    cap = COUNT_CAP

    @property
    def capped(self) -> bool:
        return self.count >= self.cap
