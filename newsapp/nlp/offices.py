"""Who held which office on a given day: the date-aware lookups behind titles.

"الرئيس الأمريكي" is Joe Biden on 2024-04-02 and Donald Trump on 2025-03-01;
"نظيره الروسي" is whoever holds, in Russia, the office the subject holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .titles import PARLIAMENTARY_LEADERS
from .types import CatalogPosition, Gazetteer, Office

# When a person holds several offices at once, the one news prose means first.
_OFFICE_RANK = {
    Office.HEAD_OF_STATE: 0,
    Office.HEAD_OF_GOVERNMENT: 1,
    Office.CROWN_PRINCE: 2,
    Office.VICE_PRESIDENT: 3,
    Office.FOREIGN_MINISTER: 4,
    Office.NATIONAL_SECURITY_ADVISOR: 5,
    Office.SECRETARY_GENERAL: 6,
    Office.OTHER: 7,
}


@dataclass(frozen=True)
class Offices:
    """Positions of a gazetteer indexed by (office, of) and by person."""

    by_seat: dict[tuple[Office, str], tuple[CatalogPosition, ...]] = field(default_factory=dict)
    by_person: dict[str, tuple[CatalogPosition, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, gazetteer: Gazetteer) -> Offices:
        seats: dict[tuple[Office, str], list[CatalogPosition]] = {}
        people: dict[str, list[CatalogPosition]] = {}
        for position in gazetteer.positions:
            seats.setdefault((position.office, position.of), []).append(position)
            people.setdefault(position.person, []).append(position)
        return cls(
            by_seat={k: tuple(v) for k, v in seats.items()},
            by_person={k: tuple(sorted(v, key=lambda p: _OFFICE_RANK[p.office])) for k, v in people.items()},
        )

    def holder(self, office: Office, of: str, day: date | None) -> str | None:
        """The one person holding ``office`` of ``of`` on ``day`` (today's holder when no day).

        Returns None when nobody, or more than one person, matches.
        """
        found = {p.person for p in self.by_seat.get((office, of), ()) if _held(p, day)}
        return found.pop() if len(found) == 1 else None

    def leader(self, of: str, day: date | None) -> str | None:
        """ "الزعيم الصيني": the head of state, or the head of government where that is the leader."""
        order = (Office.HEAD_OF_STATE, Office.HEAD_OF_GOVERNMENT)
        if of in PARLIAMENTARY_LEADERS:
            order = order[::-1]
        for office in order:
            person = self.holder(office, of, day)
            if person is not None:
                return person
        return None

    def positions(self, person: str, day: date | None) -> tuple[CatalogPosition, ...]:
        """The positions ``person`` held on ``day``, the most prominent first."""
        return tuple(p for p in self.by_person.get(person, ()) if _held(p, day))

    def country(self, person: str, day: date | None) -> str | None:
        """The country (or organization) of the person's main office on ``day``."""
        held = self.positions(person, day)
        return held[0].of if held else None

    def counterpart(self, person: str, of: str, day: date | None) -> str | None:
        """Who holds, in ``of``, the office ``person`` held on ``day`` ("نظيره الروسي")."""
        for position in self.positions(person, day):
            if position.of == of:
                continue
            found = self.holder(position.office, of, day)
            if found is None and position.office in (Office.HEAD_OF_STATE, Office.HEAD_OF_GOVERNMENT):
                found = self.leader(of, day)
            if found is not None and found != person:
                return found
        return None

    def is_leader(self, person: str, day: date | None) -> bool:
        return any(
            p.office in (Office.HEAD_OF_STATE, Office.HEAD_OF_GOVERNMENT, Office.CROWN_PRINCE)
            for p in self.positions(person, day)
        )


def _held(position: CatalogPosition, day: date | None) -> bool:
    if day is None:
        return position.end is None
    return position.held_on(day)
