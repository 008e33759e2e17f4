"""Who took part in a meeting: named people, titles on the meeting's date, anaphora.

"نظيره الروسي" is the holder, in Russia, of the subject's office; "الزعيمان"
are the two leaders named last; a sentence naming one side only ("وأجرى
اتصالاً مع نظيره") takes its subject from the text before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .matcher import Matcher
from .normalize import normalize_key
from .references import Reference, RefSource, Scan, resolve_person
from .triggers import Trigger
from .types import EntityKind, MeetingKind, Participant, Role

_LEADER_WORDS = re.compile(r"زعيم|رءيس|قاءد")
_INVITED = re.compile(r"(?:بدعوه|دعوه) (?:من|رسميه من)\s*$")


@dataclass(slots=True)
class Person:
    participant: Participant
    position: int  # key offset; -1 when carried from earlier text
    country: str | None = None


@dataclass(slots=True)
class People:
    persons: list[Person] = field(default_factory=list)
    carried: bool = False

    def add(self, person: Person) -> None:
        if not any(_same(person, p) for p in self.persons):
            self.persons.append(person)


def _same(a: Person, b: Person) -> bool:
    pa, pb = a.participant, b.participant
    return pa.slug == pb.slug if pa.slug or pb.slug else normalize_key(pa.name) == normalize_key(pb.name)


class Resolver:
    def __init__(self, scan: Scan, matcher: Matcher) -> None:
        self.scan, self.key, self.matcher = scan, scan.key, matcher
        self.earlier: list[list[Reference]] = []  # person references of each earlier sentence

    def remember(self, refs: list[Reference], _start: int) -> None:
        persons = [r for r in refs if r.is_person and not r.possessor and r.source != RefSource.DUAL]
        if persons:
            self.earlier.append(persons)

    # --- resolution ----------------------------------------------------------

    def person(self, ref: Reference, day: date | None) -> Person | None:
        if ref.source == RefSource.UNKNOWN:
            return Person(Participant(None, ref.name), ref.key_start, ref.of)
        slug = resolve_person(ref, self.matcher, day)
        if slug is None:
            return None
        return Person(
            Participant(slug, self.matcher.entities[slug].name), ref.key_start, self.country(slug, day)
        )

    def country(self, slug: str, day: date | None) -> str | None:
        return self.matcher.offices.country(slug, day) or self.matcher.entities[slug].country

    def participants(
        self,
        refs: list[Reference],
        window: tuple[int, int],
        span: tuple[int, int],
        triggers: list[Trigger],
        day: date | None,
        previous: list[Participant],
        carry: bool,
    ) -> People:
        people, duals, counterparts = self._collect(refs, window, day)
        if len(people.persons) + 2 * len(duals) + len(counterparts) < 2:
            people, duals, counterparts = self._collect(refs, span, day)
        if duals or len(people.persons) < 2 and any(t.dual for t in triggers):
            people.carried = True
        if duals:
            group = duals[0]
            leaders = bool(_LEADER_WORDS.search(normalize_key(group.text)))
            later = [p for p in people.persons if p.position > group.key_start]
            people = People(carried=True)
            if group.count > 2 and len(previous) == group.count:
                # "القادة الثلاثة": the three of the event just told.
                named = [Person(p, -1) for p in previous]
            else:
                named = self._pair_before(refs, group.key_start, day, leaders, group.count)
            for person in named + later:
                people.add(person)
        if len(people.persons) < 2 and any(t.dual for t in triggers):
            pool = [Person(p, -1) for p in previous] or self._pair_before(refs, triggers[0].start, day, True)
            for person in pool:
                people.add(person)
        for ref in counterparts:
            anchor = next((p for p in people.persons if p.participant.slug), None)
            if anchor is None and carry:
                anchor = self._subject(refs, triggers[0].start, day, None)
                if anchor is not None:
                    people.add(anchor)
                    people.carried = True
            if anchor is None or ref.of is None:
                continue
            assert anchor.participant.slug is not None
            other = self.matcher.offices.counterpart(anchor.participant.slug, ref.of, day)
            if other is not None:
                people.add(
                    Person(Participant(other, self.matcher.entities[other].name), ref.key_start, ref.of)
                )
        joined = next((t for t in triggers if t.object_pronoun), None)
        if joined is not None:
            subject = self._subject(refs, joined.start, day, None)
            if subject is not None and not any(_same(subject, p) for p in people.persons):
                people.persons.insert(0, subject)
        if len(people.persons) == 1 and previous and triggers[0].another:
            people.persons.insert(0, Person(previous[0], -1))
            people.carried = True
        # "وصل ماكرون إلى القاهرة": a visitor needs no other named side (the host is the country's).
        solo = all(t.kind == MeetingKind.VISIT for t in triggers if not t.modifier) and any(
            r.slug and r.kind in (EntityKind.COUNTRY, EntityKind.PLACE) and not r.attached
            for r in refs
            if triggers[0].start < r.key_start < span[1]
        )
        if len(people.persons) == 1 and carry and not solo:
            subject = self._subject(refs, triggers[0].start, day, people.persons[0])
            if subject is not None:
                people.add(subject)
                people.carried = True
        return people

    def _collect(
        self, refs: list[Reference], bounds: tuple[int, int], day: date | None
    ) -> tuple[People, list[Reference], list[Reference]]:
        people, duals, counterparts = People(), [], []
        for ref in refs:
            if not (bounds[0] <= ref.key_start < bounds[1]) or not ref.is_person or ref.possessor:
                continue
            if ref.source == RefSource.DUAL:
                duals.append(ref)
            elif ref.source == RefSource.COUNTERPART:
                counterparts.append(ref)
            else:
                person = self.person(ref, day)
                if person is not None:
                    people.add(person)
        return people, duals, counterparts

    def _history(self, refs: list[Reference], before: int) -> list[Reference]:
        """Person references before ``before``, most recent first."""
        here = [r for r in refs if r.key_start < before and r.is_person and not r.possessor]
        here = [r for r in here if r.source not in (RefSource.DUAL, RefSource.COUNTERPART)]
        out = list(reversed(here))
        for persons in reversed(self.earlier[-3:]):
            out.extend(reversed(persons))
        return out

    def _pair_before(
        self, refs: list[Reference], before: int, day: date | None, leaders: bool, count: int = 2
    ) -> list[Person]:
        found: list[Person] = []
        others: list[Person] = []
        for ref in self._history(refs, before):
            person = self.person(ref, day)
            if person is None or person.participant.slug is None:
                continue
            if any(_same(person, p) for p in found + others):
                continue
            slug = person.participant.slug
            if not leaders or self.matcher.offices.is_leader(slug, day):
                found.append(person)
            else:
                others.append(person)
            if len(found) == count:
                break
        pair = (found + others)[:count]
        return [Person(p.participant, -1, p.country) for p in pair]

    def subject_before(self, refs: list[Reference], before: int, day: date | None) -> Participant | None:
        """Who the text was about before key offset ``before`` (a verb without a named subject)."""
        person = self._subject(refs, before, day, None)
        return person.participant if person is not None else None

    def _subject(
        self, refs: list[Reference], before: int, day: date | None, known: Person | None
    ) -> Person | None:
        """The other side, when the clause names one: a peer of ``known``, else the subject before it.

        Peers (same office, another country: "جمع بينه ونظيره") are looked for in the
        sentence first, then in the sentence's own subject, then in earlier sentences.
        """
        offices = set()
        if known is not None and known.participant.slug:
            offices = {p.office for p in self.matcher.offices.positions(known.participant.slug, day)}

        def usable(ref: Reference) -> Person | None:
            person = self.person(ref, day)
            if person is None or (known is not None and _same(person, known)):
                return None
            return Person(person.participant, -1, person.country)

        def peer(person: Person) -> bool:
            slug = person.participant.slug
            if not slug or not offices or (known is not None and person.country == known.country):
                return False
            return bool(offices & {p.office for p in self.matcher.offices.positions(slug, day)})

        here = [r for r in refs if r.key_start < before and r.is_person and not r.possessor]
        here = [r for r in here if r.source not in (RefSource.DUAL, RefSource.COUNTERPART)]
        in_sentence = [p for p in map(usable, here) if p is not None]
        for person in reversed(in_sentence):
            if peer(person):
                return person
        if in_sentence:
            return in_sentence[0]
        earlier = [
            p for persons in reversed(self.earlier[-3:]) for p in map(usable, persons) if p is not None
        ]
        for person in earlier:
            if peer(person):
                return person
        last = [p for p in map(usable, self.earlier[-1]) if p is not None] if self.earlier else []
        return last[0] if last else None

    # --- roles ---------------------------------------------------------------

    def host_country(self, refs: list[Reference], start: int, end: int) -> str | None:
        for ref in refs:
            if not (start <= ref.key_start < end) or ref.slug is None or ref.attached:
                continue
            entity = self.matcher.entities[ref.slug]
            if entity.kind == EntityKind.COUNTRY:
                return entity.slug
            if entity.kind == EntityKind.PLACE and entity.country in self.matcher.entities:
                return entity.country
        return None

    def visit_roles(
        self, persons: list[Person], host: str | None, day: date | None, refs: list[Reference]
    ) -> list[Participant]:
        if host is None:
            return [p.participant for p in persons] if len(persons) >= 2 else []
        invited = {
            r.key_start for r in refs if _INVITED.search(self.key[max(0, r.key_start - 20) : r.key_start])
        }
        hosts = [p for p in persons if p.country == host or p.position in invited]
        visitors = [p for p in persons if p not in hosts]
        if not visitors:
            return []
        if not hosts and visitors[0].participant.slug:
            other = self.matcher.offices.counterpart(visitors[0].participant.slug, host, day)
            if other is not None:
                hosts = [Person(Participant(other, self.matcher.entities[other].name), -1, host)]
        return [_role(p, Role.VISITOR) for p in visitors] + [_role(p, Role.HOST) for p in hosts]

    def reception_roles(
        self, persons: list[Person], triggers: list[Trigger], refs: list[Reference]
    ) -> list[Participant]:
        reception = next((t for t in triggers if t.reception), None)
        if reception is None or len(persons) < 2:
            return [p.participant for p in persons]
        before = [p for p in persons if p.position < reception.start]
        host = before[-1] if before else persons[0]
        return [_role(host, Role.HOST)] + [_role(p, Role.VISITOR) for p in persons if p is not host]


def _role(person: Person, role: Role) -> Participant:
    return Participant(person.participant.slug, person.participant.name, role)
