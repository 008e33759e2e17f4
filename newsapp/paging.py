"""Paginators that count cheaply: through a cache, and up to a cap.

``CappedPaginator`` stops counting at a cap: no exact COUNT(*) over a hundred
thousand rows. Page links past the cap are not offered; the page shows
"أكثر من 10000". The article list and the API lists use it (``manage.py
bench``: the exact count was most of the article list's database time at
100,000 articles). Meeting lists count through ``Aggregates.count``, which
keeps the count until a meeting changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet

COUNT_CAP = 10_000


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
