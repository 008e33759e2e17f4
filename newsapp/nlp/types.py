"""Data types shared by the text pipeline and its one caller, ``newsapp.services``.

Everything here is a frozen dataclass or a string enum, so results can be
cached, compared in tests and serialised without surprises. Offsets are always
indices into the *original* text (Python ``str`` indices), never into a
normalized copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class EntityKind(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    PLACE = "place"
    ORGANIZATION = "organization"


class AliasKind(StrEnum):
    # A name that identifies the entity on its own: "بوتين", "فلاديمير بوتين".
    NAME = "name"
    # A short form that is only trusted once the entity was named in full (or
    # right after a title) in the same article: "شي", "وانغ".
    SHORT = "short"
    # A nationality adjective of a country: "الروسي", "الأمريكية".
    DEMONYM = "demonym"


class Office(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    VICE_PRESIDENT = "vice_president"
    CROWN_PRINCE = "crown_prince"
    FOREIGN_MINISTER = "foreign_minister"
    NATIONAL_SECURITY_ADVISOR = "national_security_advisor"
    SECRETARY_GENERAL = "secretary_general"
    OTHER = "other"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class MeetingKind(StrEnum):
    CALL = "call"
    VIDEO = "video"
    MEETING = "meeting"
    VISIT = "visit"


class MeetingStatus(StrEnum):
    HELD = "held"
    PLANNED = "planned"


class Role(StrEnum):
    PARTICIPANT = "participant"
    HOST = "host"
    VISITOR = "visitor"


# --- The catalog the pipeline matches against ---------------------------------


@dataclass(frozen=True, slots=True)
class CatalogAlias:
    text: str
    kind: AliasKind = AliasKind.NAME
    # Set when the same spelling legitimately names several entities; such an
    # alias only resolves when the context (title, country, earlier mention)
    # picks one of them.
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class CatalogEntity:
    slug: str
    name: str  # canonical Arabic name, shown to readers
    kind: EntityKind
    aliases: tuple[CatalogAlias, ...] = ()
    name_en: str = ""
    # For a person: nationality; for a place: the country it is in; for a
    # country or an organization: None.
    country: str | None = None
    # A capital stands for its country in news prose ("بكين وموسكو").
    is_capital: bool = False


@dataclass(frozen=True, slots=True)
class CatalogPosition:
    person: str  # slug of a person
    office: Office
    of: str  # slug of the country or organization
    title: str  # Arabic title as shown: "الرئيس", "وزير الخارجية"
    start: date | None = None
    end: date | None = None  # exclusive: the day the successor took office

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entities: tuple[CatalogEntity, ...] = ()
    positions: tuple[CatalogPosition, ...] = ()

    def holders(self, office: Office, of: str, on: date) -> list[str]:
        """Slugs of the persons holding ``office`` of ``of`` on ``on``."""
        return [p.person for p in self.positions if p.office == office and p.of == of and p.held_on(on)]


# --- What the pipeline finds ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date at a known precision; a month-precision value starts on day 1."""

    start: date
    precision: Precision = Precision.DAY
    end: date | None = None  # last day of a range ("من 26 إلى 29 يناير")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: DateValue
    relative: bool = False  # resolved against the publication date


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FoundEntity:
    slug: str | None  # None: a person introduced by a title but not in the catalog
    name: str
    kind: EntityKind
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityRef:
    slug: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Participant:
    slug: str | None
    name: str
    role: Role = Role.PARTICIPANT


@dataclass(frozen=True, slots=True)
class FoundMeeting:
    kind: MeetingKind
    date: DateValue | None
    status: MeetingStatus
    participants: tuple[Participant, ...]
    evidence: str
    evidence_start: int
    evidence_end: int
    location: EntityRef | None = None
    occasion: EntityRef | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    published: date | None
    entities: tuple[FoundEntity, ...] = ()
    meetings: tuple[FoundMeeting, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        """The ``manage.py analyze --format json`` document (GUIDE §3)."""
        return {
            "published": self.published.isoformat() if self.published else None,
            "entities": [
                {
                    "slug": e.slug,
                    "name": e.name,
                    "kind": str(e.kind),
                    "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
                }
                for e in self.entities
            ],
            "meetings": [_meeting_json(m) for m in self.meetings],
        }


def _ref_json(ref: EntityRef | None) -> dict[str, Any] | None:
    return None if ref is None else {"slug": ref.slug, "name": ref.name}


def _meeting_json(m: FoundMeeting) -> dict[str, Any]:
    return {
        "kind": str(m.kind),
        "date": m.date.start.isoformat() if m.date else None,
        "date_end": m.date.end.isoformat() if m.date and m.date.end else None,
        "precision": str(m.date.precision) if m.date else None,
        "status": str(m.status),
        "participants": [{"slug": p.slug, "name": p.name, "role": str(p.role)} for p in m.participants],
        "location": _ref_json(m.location),
        "occasion": _ref_json(m.occasion),
        "evidence": m.evidence,
    }
