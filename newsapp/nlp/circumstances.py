"""Where a meeting took place and on what occasion, from the references of its clause.

"التقى شي بايدن في بالي على هامش قمة مجموعة العشرين" → location Bali, occasion the G20.
"""

from __future__ import annotations

import re

from .matcher import Matcher
from .references import Reference
from .types import EntityKind, EntityRef

_FORUM = re.compile(r"(?:قمه|منتدي|اجتماع|اجتماعات|مءتمر|هامش|دوره|قمتي)\W*$")
_FORUM_NAME = re.compile(r"قمه|منتدي|مءتمر|اجتماعات")
_CAPITAL = re.compile(r"(?<!\w)[وفب]?(?:ال|بال)عاصمه\s*$")


def location(
    matcher: Matcher, key: str, refs: list[Reference], span: tuple[int, int], host: str | None
) -> EntityRef | None:
    """The first catalog place named in the key ``span``, else the host country of a visit."""
    for ref in refs:
        if span[0] <= ref.key_start < span[1] and ref.kind == EntityKind.PLACE and ref.slug:
            return EntityRef(ref.slug, matcher.entities[ref.slug].name)
    for ref in refs:  # "في العاصمة الصينية": the country stands for its unnamed capital
        inside = span[0] <= ref.key_start < span[1] and ref.kind == EntityKind.COUNTRY and ref.slug
        if inside and _CAPITAL.search(key, max(0, ref.key_start - 10), ref.key_start):
            return EntityRef(ref.slug, matcher.entities[ref.slug].name)
    if host is not None:
        return EntityRef(host, matcher.entities[host].name)
    return None


def occasion(matcher: Matcher, key: str, refs: list[Reference], span: tuple[int, int]) -> EntityRef | None:
    """The organization whose summit or forum the key ``span`` names ("على هامش قمة أبيك")."""
    for ref in refs:
        if not (span[0] <= ref.key_start < span[1]) or ref.kind != EntityKind.ORGANIZATION:
            continue
        if ref.slug is None:
            continue
        before = key[max(0, ref.key_start - 16) : ref.key_start]
        if _FORUM.search(before) or _FORUM_NAME.match(key, ref.key_start):
            return EntityRef(ref.slug, matcher.entities[ref.slug].name)
    return None
