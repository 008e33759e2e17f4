"""Counting days from the publication date: the weekday before or after it."""

from __future__ import annotations

from datetime import date, timedelta

from .types import DateValue, Precision

# The last day of the month "a few days ago" may stretch back to: "قبل أيام" read on the
# 20th is this month; read on the 3rd it may be last month, and no date is given.
_FEW_DAYS = 7
COUNT_WORDS = ("ثلاثه", "اربعه", "خمسه", "سته")  # normalized keys: 3 to 6


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


def days_ago(published: date, count: str | None) -> DateValue | None:
    """ "قبل يومين" → the day ``count`` (digits or a word of :data:`COUNT_WORDS`) days before
    ``published``; "قبل أيام" (``count`` None) → the month of ``published`` at month precision,
    or None when a few days back may be last month.

    >>> days_ago(date(2025, 1, 21), "2").start, days_ago(date(2025, 1, 21), None).precision
    (datetime.date(2025, 1, 19), <Precision.MONTH: 'month'>)
    >>> days_ago(date(2025, 1, 3), None) is None
    True
    """
    if count:
        days = int(count) if count.isdigit() else COUNT_WORDS.index(count) + 3
        return DateValue(published - timedelta(days=days))
    if published.day <= _FEW_DAYS:
        return None
    return DateValue(published.replace(day=1), Precision.MONTH)
