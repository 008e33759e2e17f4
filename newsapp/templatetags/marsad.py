"""Template filters for reader pages: Arabic dates (see ``newsapp.arabic_dates``), ordinals, kind icons."""

from __future__ import annotations

import functools

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import format_html

from newsapp import arabic_dates
from newsapp.arabic_dates import MONTHS

register = template.Library()


# Icon (in the vendored Bootstrap Icons sprite) for each kind of contact.
KIND_ICONS = {"call": "telephone", "video": "camera-video", "meeting": "people", "visit": "airplane"}

_MASCULINE = (
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
)
_FEMININE = (
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
)


@register.filter
def month_name(month: int) -> str:
    return MONTHS[month - 1]


arabic_date = register.filter("arabic_date", arabic_dates.arabic_date)


@register.filter
def meeting_date(meeting) -> str:
    """The date of a meeting at its precision, a range when it lasted several days.

    "20 - 22 مارس 2023", "30 مارس - 2 أبريل 2023", "نوفمبر 2023".
    """
    start, end = meeting.start_date, meeting.end_date
    if start is None:
        return arabic_date(None)
    if meeting.precision != "day" or end is None or end == start:
        return arabic_date(start, meeting.precision)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} - {end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} - {arabic_date(end)}"
    return f"{arabic_date(start)} - {arabic_date(end)}"


def ordinal(n: int, feminine: bool = False) -> str:
    """3 → "الثالث" (or "الثالثة"); past ten, "رقم 11"."""
    words = _FEMININE if feminine else _MASCULINE
    if 1 <= n <= len(words):
        return words[n - 1]
    return f"رقم {n}"


# How a contact of each kind is named in a sentence, and the gender of its ordinal.
KIND_NOUNS = {
    "call": ("الاتصال الهاتفي", False),
    "video": ("الاتصال المرئي", False),
    "meeting": ("اللقاء", False),
    "visit": ("الزيارة", True),
}


@register.simple_tag
def contact_ordinal(kind: str, n: int | None, year: int | None) -> str:
    """("call", 3, 2024) → "الاتصال الهاتفي الثالث بينهما في 2024"."""
    if not n or not year:
        return ""
    noun, feminine = KIND_NOUNS[kind]
    return f"{noun} {ordinal(n, feminine)} بينهما في {year}"


@register.simple_tag
def icon(name: str, label: str = "") -> str:
    """An icon from the vendored sprite; decorative unless ``label`` names it."""
    return _icon(name, label)


# A few dozen distinct icons, built on every card: static() resolves the
# manifest's hashed name and joins URLs each time (~25 µs).
@functools.lru_cache(maxsize=256)
def _icon(name: str, label: str) -> str:
    href = f"{static('vendor/bootstrap-icons/sprite.svg')}#{name}"
    if label:
        return format_html(
            '<svg class="icon" role="img" aria-label="{}"><use href="{}"></use></svg>', label, href
        )
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false"><use href="{}"></use></svg>', href
    )


@receiver(setting_changed)
def _forget_icons(*, setting: str, **kwargs) -> None:
    if setting in {"STATIC_URL", "STORAGES"}:
        _icon.cache_clear()


@register.simple_tag
def kind_icon(kind: str) -> str:
    return icon(KIND_ICONS.get(kind, "people"))


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (``page=2``), for pagination links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def counted(n: int, one: str, two: str, few: str, many: str) -> str:
    """Arabic counted noun: (1, "مقال", ...) → "مقال"; 2 → "مقالان"; 5 → "5 مقالات"; 12 → "12 مقالاً"."""
    if n == 1:
        return one
    if n == 2:
        return two
    if n == 0 or 3 <= n <= 10:
        return f"{n} {few}"
    return f"{n} {many}"
