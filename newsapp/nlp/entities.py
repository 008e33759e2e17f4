"""Entities with offsets: catalog names, nationalities, capitals, titles, unknown people.

:func:`scan_text` reads a text once (one automaton pass, see
:mod:`newsapp.nlp.matcher`) into :class:`~newsapp.nlp.references.Reference`
objects; :func:`find_entities` groups them into :class:`FoundEntity` values,
one per entity, with every mention.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from .anaphora import (
    MINISTER_WORDS,
    NOT_SITTING,
    bare_office_holder,
    is_definite,
    lead_person,
    named_minister,
    pronoun_holder,
)
from .bystanders import namesake, sent_by, serves
from .grouping import group_entities
from .matcher import AliasTarget, Hit, Matcher, prepare_matcher
from .names import read_unknown_name, repeats, word_spans
from .normalize import normalize_with_offsets
from .references import Reference, RefSource, Scan, resolve_person
from .titles import PRESS, TitleRole
from .types import AliasKind, EntityKind, FoundEntity, Gazetteer, Office

_DUAL_OWNERS = ("البلدين", "الدولتين", "البلاد")


def scan_text(text: str, published: date | None, matcher: Matcher) -> Scan:
    """Read every reference of ``text`` once; titles are resolved on ``published``.

    >>> from newsapp.nlp.types import CatalogAlias, CatalogEntity
    >>> g = Gazetteer((CatalogEntity("vladimir-putin", "فلاديمير بوتين", EntityKind.PERSON,
    ...                              (CatalogAlias("بوتين"),)),))
    >>> [(r.text, r.slug) for r in scan_text("وقال لبوتين", None, prepare_matcher(g)).references]
    [('بوتين', 'vladimir-putin')]
    """
    key, offsets = normalize_with_offsets(text)
    reader = _Reader(text, key, offsets, matcher.scan(key), published, matcher)
    return Scan(text, key, offsets, tuple(reader.read()), published)


class _Reader:
    def __init__(
        self,
        text: str,
        key: str,
        offsets: list[int],
        hits: list[Hit],
        published: date | None,
        matcher: Matcher,
    ) -> None:
        self.text, self.key, self.offsets, self.hits = text, key, offsets, hits
        self.published, self.matcher = published, matcher
        self.refs: list[Reference] = []
        self.done: set[int] = set()
        self.licensed: set[int] = set()
        self.full_named = {
            h.pattern.targets[0].slug
            for h in hits
            if len(h.pattern.targets) == 1
            and not h.pattern.targets[0].ambiguous
            and h.pattern.targets[0].kind == AliasKind.NAME
        }
        self._words: list[tuple[int, int]] | None = None

    # --- small helpers -------------------------------------------------------

    def kind_of(self, slug: str) -> EntityKind:
        return self.matcher.entities[slug].kind

    def adjacent(self, end: int, index: int, comma: bool = False, clitics: tuple[str, ...] = ("",)) -> bool:
        if index >= len(self.hits):
            return False
        hit = self.hits[index]
        if hit.clitic not in clitics:
            return False
        gap = self.key[end : hit.start - len(hit.clitic)].strip()
        return gap == "" or (comma and gap in ("،", ","))

    def pick(self, index: int, office: Office | None = None, of: str | None = None) -> AliasTarget | None:
        """The one entity a hit names, or None when the context does not decide."""
        hit = self.hits[index]
        licensed = index in self.licensed
        usable = [
            t
            for t in hit.pattern.targets
            if t.kind != AliasKind.SHORT or licensed or t.slug in self.full_named
        ]
        if len(usable) == 1 and not usable[0].ambiguous:
            return usable[0]
        if of is not None:
            seated = [
                t
                for t in usable
                if any(
                    p.of == of and (office is None or p.office == office)
                    for p in self.matcher.offices.by_person.get(t.slug, ())
                )
            ]
            if len(seated) == 1:
                return seated[0]
        named = [t for t in usable if t.slug in self.full_named]
        return named[0] if len(named) == 1 else None

    def person_at(
        self, index: int, office: Office | None = None, of: str | None = None
    ) -> AliasTarget | None:
        target = self.pick(index, office, of)
        if target is None or self.kind_of(target.slug) != EntityKind.PERSON:
            return None
        return target

    def country_at(self, index: int) -> str | None:
        """The country a hit names by name or nationality (capitals excluded: "رئيس موسكو")."""
        target = self.pick(index)
        if target is None:
            return None
        return target.slug if self.kind_of(target.slug) == EntityKind.COUNTRY else None

    def organization_at(self, index: int) -> str | None:
        target = self.pick(index)
        if target is None:
            return None
        return target.slug if self.kind_of(target.slug) == EntityKind.ORGANIZATION else None

    def emit(
        self, k_start: int, k_end: int, kind: EntityKind, source: RefSource, **fields: object
    ) -> Reference:
        start, end = self.offsets[k_start], self.offsets[k_end]
        ref = Reference(
            start, end, self.text[start:end], kind, source, key_start=k_start, key_end=k_end, **fields
        )  # type: ignore[arg-type]
        self.refs.append(ref)
        return ref

    def emit_hit(self, index: int, target: AliasTarget, **fields: object) -> Reference:
        hit = self.hits[index]
        entity = self.matcher.entities[target.slug]
        self.done.add(index)
        return self.emit(
            hit.start, hit.end, entity.kind, RefSource.NAME, slug=entity.slug, name=entity.name, **fields
        )

    @property
    def words(self) -> list[tuple[int, int]]:
        if self._words is None:
            self._words = word_spans(self.key)
        return self._words

    def covered(self, start: int, end: int) -> str | None:
        for hit in self.hits:
            if hit.start - len(hit.clitic) < end and start < hit.end:
                if hit.pattern.title is None and all(t.kind == AliasKind.SHORT for t in hit.pattern.targets):
                    continue  # "تميم" alone is a first name until the full name licenses it
                if hit.pattern.title is not None:
                    return "title"
                kinds = {self.kind_of(t.slug) for t in hit.pattern.targets}
                return "person" if EntityKind.PERSON in kinds else "other"
            if hit.start >= end:
                break
        return None

    # --- the reading --------------------------------------------------------

    def read(self) -> list[Reference]:
        for index, hit in enumerate(self.hits):
            if index in self.done:
                continue
            if hit.pattern.title is not None:
                self.read_title(index)
            else:
                self.read_alias(index)
        self.add_unknown_repeats()
        self.refs.sort(key=lambda r: (r.start, r.end))
        return self.refs

    def read_alias(self, index: int) -> None:
        target = self.pick(index)
        if target is not None:
            hit = self.hits[index]
            before = self.key[max(0, hit.start - len(hit.clitic) - 80) : hit.start - len(hit.clitic)]
            self.emit_hit(index, target, possessor=sent_by(before) or namesake(before))

    def read_title(self, index: int) -> None:
        hit = self.hits[index]
        title = hit.pattern.title
        assert title is not None
        self.done.add(index)
        before = self.key[max(0, hit.start - len(hit.clitic) - 80) : hit.start - len(hit.clitic)]
        sent, principal = sent_by(before) or namesake(before), serves(before)
        if title.role == TitleRole.PRONOUN:
            self.read_pronoun(index, sent)
            return
        end, after = hit.end, index + 1
        office = title.office
        country: str | None = None
        if self.adjacent(end, after, clitics=("", "ال", "ل")):
            country = self.country_at(after) or self.organization_at(after)
            if country is not None:
                self.emit_hit(after, self.pick(after), attached=True)  # type: ignore[arg-type]
                end, after = self.hits[after].end, after + 1
        country = country or title.of
        if title.role == TitleRole.DUAL:
            self.read_dual(index, end, after, country)
            return
        is_leader = title.role == TitleRole.LEADER
        if is_leader:
            office = None
        sitting = True
        if title.role != TitleRole.HONORIFIC:
            end, after, sitting = self.skip_honorifics(end, after)
        # A name right after the title (or after "title country,").
        if self.adjacent(end, after, comma=True):
            self.licensed.add(after)
            person = self.person_at(after, office, country)
            if person is not None:
                if title.role == TitleRole.DEPUTY and country is None:
                    self.read_deputy(index, after, person)
                    return
                own = principal and office is not None and country is not None
                own = own and self.matcher.offices.holder(office, country, self.published) == person.slug
                serving = title.role == TitleRole.ROLE and serves(self.key[max(0, hit.end - 40) : hit.end])
                serving = serving or hit.pattern.key in PRESS  # a journalist is no side either
                self.emit_hit(after, person, possessor=sent or own or serving)
                self.license_coordinated(after)
                return
            self.licensed.discard(after)
        if self.is_apposition(index):
            return
        if title.role == TitleRole.COUNTERPART:
            if country is not None:
                self.emit(hit.start, end, EntityKind.PERSON, RefSource.COUNTERPART, of=country)
            return
        bare = country is None and title.role == TitleRole.OFFICE and is_definite(hit.pattern.key)
        # A bare office ("الرئيس") is followed by ordinary words too often to read a name after it.
        introduces = title.role == TitleRole.ROLE or (
            country is not None and title.role in (TitleRole.OFFICE, TitleRole.LEADER, TitleRole.DEPUTY)
        )
        unknown = self.unknown_after(end) if introduces else None
        if title.role == TitleRole.HONORIFIC or bare:
            # "سعادة السيد ني روليه سفير الصين": a name that a title follows.
            unknown = self.unknown_after(end)
            if unknown is not None and self.covered(unknown[1] + 1, unknown[1] + 3) != "title":
                unknown = None
        if country is not None and title.role in (TitleRole.OFFICE, TitleRole.LEADER) and sitting:
            probe = Reference(
                0, 0, "", EntityKind.PERSON, RefSource.TITLE, office=office, of=country, leader=is_leader
            )
            held = resolve_person(probe, self.matcher, self.published)
            if held is not None or unknown is None:
                name = self.matcher.entities[held].name if held else ""
                self.emit(
                    hit.start, end, EntityKind.PERSON, RefSource.TITLE,
                    slug=held, name=name, office=office, of=country, leader=is_leader, possessor=sent or principal,
                )  # fmt: skip
                return
        if bare and unknown is None and sitting and office is not None:
            wanted, at = frozenset({office}), hit.start - len(hit.clitic)
            held = bare_office_holder(
                self.refs, self.key, at, hit.pattern.key, self.matcher.offices, self.published, wanted
            ) or lead_person(self.refs, self.matcher.offices, self.published, wanted, False)
            if held is not None:
                name = self.matcher.entities[held].name
                self.emit(
                    hit.start, end, EntityKind.PERSON, RefSource.NAME, slug=held, name=name, possessor=sent
                )
            return
        if unknown is None and country is not None and hit.pattern.key in MINISTER_WORDS:
            held = named_minister(self.refs, country, self.matcher.offices, self.published)
            if held is not None:
                name = self.matcher.entities[held].name
                self.emit(
                    hit.start, end, EntityKind.PERSON, RefSource.NAME, slug=held, name=name, possessor=sent
                )
            return
        if unknown is not None:
            name = self.text[self.offsets[unknown[0]] : self.offsets[unknown[1]]]
            self.emit(
                unknown[0], unknown[1], EntityKind.PERSON, RefSource.UNKNOWN,
                name=name, office=office, of=country, possessor=sent or hit.pattern.key in PRESS,
            )  # fmt: skip

    def skip_honorifics(self, end: int, after: int) -> tuple[int, int, bool]:
        """Step over "السيد"، "صاحب السمو الملكي"، "المنتخب" between a title and a name."""
        sitting = True
        while True:
            word = self.key[end : end + 14].split(maxsplit=1)
            if word and word[0] in NOT_SITTING:
                sitting = False
                end = self.key.index(word[0], end) + len(word[0])
                continue
            if not self.adjacent(end, after, comma=True):
                return end, after, sitting
            following = self.hits[after].pattern
            if following.targets or following.title is None or following.title.role != TitleRole.HONORIFIC:
                return end, after, sitting
            self.done.add(after)
            end, after = self.hits[after].end, after + 1

    def read_pronoun(self, index: int, sent: bool) -> None:
        hit = self.hits[index]
        held = pronoun_holder(self.refs, self.key, hit.pattern.key, self.matcher.offices, self.published)
        if held is not None:
            name = self.matcher.entities[held].name
            self.emit(
                hit.start, hit.end, EntityKind.PERSON, RefSource.NAME, slug=held, name=name, possessor=sent
            )

    def read_dual(self, index: int, end: int, after: int, first: str | None) -> None:
        hit = self.hits[index]
        if first is not None and self.adjacent(end, after, clitics=("و", "وال")):
            second = self.country_at(after)
            if second is not None:
                self.emit_hit(after, self.pick(after), attached=True)  # type: ignore[arg-type]
                for country in (first, second):
                    held = self.matcher.offices.leader(country, self.published)
                    name = self.matcher.entities[held].name if held else ""
                    self.emit(
                        hit.start, self.hits[after].end, EntityKind.PERSON, RefSource.TITLE,
                        slug=held, name=name, of=country, leader=True,
                    )  # fmt: skip
                return
        if first is not None:
            return
        if self.adjacent(end, after) and any(
            self.kind_of(t.slug) == EntityKind.PERSON for t in self.hits[after].pattern.targets
        ):
            # "الرئيسين بايدن وشي": the names follow; nothing to resolve.
            self.licensed.add(after)
            self.license_coordinated(after)
            return
        if not hit.clitic.endswith("ال") and not hit.pattern.key.startswith("ال"):
            following = self.key[end : end + 12].split()
            if not following or following[0] not in _DUAL_OWNERS:
                return
        count = hit.pattern.title.count if hit.pattern.title else 2
        self.emit(hit.start, hit.end, EntityKind.PERSON, RefSource.DUAL, count=count)

    def read_deputy(self, index: int, after: int, person: AliasTarget) -> None:
        """ "نائبة بايدن": the vice president of the country that person leads."""
        hit = self.hits[index]
        seat = next(
            (p.of for p in self.matcher.offices.positions(person.slug, self.published)
             if p.office == Office.HEAD_OF_STATE),
            None,
        )  # fmt: skip
        self.emit_hit(after, person, possessor=True)
        if seat is None:
            return
        held = self.matcher.offices.holder(Office.VICE_PRESIDENT, seat, self.published)
        name = self.matcher.entities[held].name if held else ""
        self.emit(
            hit.start, self.hits[after].end, EntityKind.PERSON, RefSource.TITLE,
            slug=held, name=name, office=Office.VICE_PRESIDENT, of=seat,
        )  # fmt: skip

    def license_coordinated(self, index: int) -> None:
        # "الرئيسين بايدن وشي": a name joined by و to a titled name is titled too.
        nxt = index + 1
        if self.adjacent(self.hits[index].end, nxt, clitics=("و",)):
            self.licensed.add(nxt)

    def is_apposition(self, index: int) -> bool:
        """ "شي جين بينغ، الرئيس الصيني": the title describes the name before it."""
        hit = self.hits[index]
        if not self.refs:
            return False
        last = self.refs[-1]
        if last.kind != EntityKind.PERSON or last.source != RefSource.NAME:
            return False
        gap = self.key[last.key_end : hit.start - len(hit.clitic)].strip()
        return gap in ("،", ",")

    def unknown_after(self, key_end: int) -> tuple[int, int] | None:
        words = self.words
        first = bisect_left(words, (key_end, -1))
        if first >= len(words):
            return None
        return read_unknown_name(self.key, words, first, self.covered)

    def add_unknown_repeats(self) -> None:
        """Later mentions of an unknown person's full name, without the title."""
        unknown = [(r.key_start, r.key_end, r.name) for r in self.refs if r.source == RefSource.UNKNOWN]
        for start, end, name in repeats(self.key, unknown, {r.key_start for r in self.refs}):
            self.emit(start, end, EntityKind.PERSON, RefSource.UNKNOWN, name=name)


def find_entities(text: str, published: date | None, gazetteer: Gazetteer) -> list[FoundEntity]:
    """Every entity of ``text`` with its mentions; persons by title resolved on ``published``.

    "التقى الرئيس الروسي بنظيره" → Russia (country, "الروسي") and the person who was
    Russia's head of state on ``published`` ("الرئيس الروسي").
    """
    matcher = prepare_matcher(gazetteer)
    return list(group_entities(scan_text(text, published, matcher), matcher))
