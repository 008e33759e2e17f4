"""A paginator that stops counting at a cap: no exact COUNT(*) over a hundred thousand rows.

Page links past the cap are not offered; the page shows "أكثر من 10000".
The article list and the API lists use it (``manage.py bench``: the exact
count was most of the article list's database time at 100,000 articles).
"""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Paginator

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return len(self.object_list)
        # values("pk"): the count needs no annotation (a per-row subquery would run 10,000 times).
        return self.object_list.order_by().values("pk")[: self.cap].count()

    @property
    def capped(self) -> bool:
        return self.count >= self.cap
