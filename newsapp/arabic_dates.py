"""Dates as Arabic readers see them, at the precision they are known.

Digits: Western digits ("8 فبراير 2024"), as the large Arabic news sites
(Al Jazeera, Asharq Al-Awsat, Al Arabiya) print them; month names are the
Egyptian and Gulf set (GUIDE §4), which readers everywhere understand. Pure
Python, shared by the templates, the exports and the benchmarks.
"""

from __future__ import annotations

from datetime import date

MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")  # fmt: skip


def arabic_date(value: date | None, precision: str = "day") -> str:
    """``date(2024, 2, 8)`` → "8 فبراير 2024"; precision "month" → "فبراير 2024"; "year" → "2024".

    >>> arabic_date(date(2023, 11, 1), "month")
    'نوفمبر 2023'
    """
    if value is None:
        return "تاريخ غير معروف"
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
