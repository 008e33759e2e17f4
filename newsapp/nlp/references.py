"""What one stretch of text refers to: the unit the entity and meeting readers share."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .matcher import Matcher
from .types import EntityKind, Office


class RefSource(StrEnum):
    NAME = "name"  # a catalog alias ("بوتين")
    TITLE = "title"  # an office of a country ("الرئيس الأمريكي"), resolved by date
    UNKNOWN = "unknown"  # a person outside the catalog, introduced by a title
    COUNTERPART = "counterpart"  # "نظيره الروسي"
    DUAL = "dual"  # "الزعيمان": two persons named before


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference with offsets into the original text.

    ``slug`` is the entity as resolved on the publication date; title and
    counterpart references keep ``office``/``of`` so a meeting can resolve
    them again on its own date.
    """

    start: int
    end: int
    text: str
    kind: EntityKind
    source: RefSource
    slug: str | None = None
    name: str = ""
    office: Office | None = None
    of: str | None = None
    # "نائبة بايدن": Biden is named but is not the one acting.
    possessor: bool = False
    # "الزعيم الصيني": the head of state, or of government where that is the leader.
    leader: bool = False
    # A nationality read as part of a title ("الرئيس الروسي"): not a place anyone went.
    attached: bool = False
    # How many persons a dual or group reference stands for ("القادة الثلاثة": 3).
    count: int = 2
    # The key span, for readers that work on the normalized text.
    key_start: int = 0
    key_end: int = 0

    @property
    def is_person(self) -> bool:
        return self.kind == EntityKind.PERSON


@dataclass(frozen=True, slots=True)
class Scan:
    """One text read once: its key, the key→text offsets and every reference."""

    text: str
    key: str
    offsets: list[int]
    references: tuple[Reference, ...]
    published: date | None

    def original(self, key_start: int, key_end: int) -> tuple[int, int]:
        """Original-text span of a key span."""
        return self.offsets[key_start], self.offsets[key_end]

    def key_index(self, original: int) -> int:
        """The first key index at or after an original-text index."""
        return bisect_left(self.offsets, original, 0, len(self.offsets) - 1)


def resolve_person(ref: Reference, matcher: Matcher, day: date | None) -> str | None:
    """The slug a person reference stands for on ``day`` (titles change hands)."""
    if ref.source == RefSource.TITLE and ref.of is not None:
        if ref.leader:
            return matcher.offices.leader(ref.of, day)
        if ref.office is not None:
            return matcher.offices.holder(ref.office, ref.of, day)
    return ref.slug
