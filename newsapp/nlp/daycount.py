"""Counting days from the publication date: the weekday before or after it."""

from __future__ import annotations

from datetime import date, timedelta


def weekday_before(published: date, weekday: int) -> date:
    """The latest ``weekday`` (Monday is 0) on or before ``published``: "الثلاثاء" read on
    Thursday 2024-04-04 → Tuesday 2024-04-02.

    >>> weekday_before(date(2024, 4, 4), 1)
    datetime.date(2024, 4, 2)
    """
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def weekday_after(published: date, weekday: int) -> date:
    """The first ``weekday`` (Monday is 0) strictly after ``published``: "الثلاثاء المقبل"
    read on Tuesday 2024-04-02 → 2024-04-09.

    >>> weekday_after(date(2024, 4, 2), 1)
    datetime.date(2024, 4, 9)
    """
    return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
