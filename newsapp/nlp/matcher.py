"""Find every catalog alias and title in a text with one Aho-Corasick pass.

The automaton is built over normalized keys (:func:`normalize_key`) once per
gazetteer; :func:`prepare_matcher` caches it, so analyzing thousands of
articles against the same catalog builds it once. A key found in the text
counts only on word boundaries, with the proclitics Arabic glues to the first
word allowed before it ("وبوتين", "لبوتين", "بالرئيس", "للرئيس").
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import ahocorasick

from .normalize import normalize_key
from .offices import Offices
from .titles import INTERIM_WORDS, Title, TitleRole, title_lexicon
from .types import AliasKind, CatalogEntity, CatalogPosition, EntityKind, Gazetteer, Office

# What may be glued before a name: conjunction, preposition, article.
_PREFIXES = frozenset(
    {""}
    | {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")}
    | {c + "لل" for c in ("", "و", "ف")}
)
# "للصين" is ل + الصين with the alef dropped: the automaton also holds "لصين"
# and accepts it only after one more ل.
_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
_KIND_RANK = {AliasKind.NAME: 0, AliasKind.DEMONYM: 1, AliasKind.SHORT: 2}


@dataclass(frozen=True, slots=True)
class AliasTarget:
    slug: str
    kind: AliasKind
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class Pattern:
    """Everything one normalized key may stand for."""

    key: str
    targets: tuple[AliasTarget, ...] = ()
    title: Title | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern found in the key of a text; ``start``/``end`` exclude the clitics."""

    start: int
    end: int
    clitic: str
    pattern: Pattern


@dataclass(frozen=True)
class Matcher:
    """The automaton of one gazetteer plus the lookups the entity reader needs."""

    gazetteer: Gazetteer
    entities: dict[str, CatalogEntity] = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None
    offices: Offices = field(default_factory=Offices)

    def scan(self, key: str) -> list[Hit]:
        """Non-overlapping hits in ``key``, longest first, then in text order.

        >>> from newsapp.nlp.types import CatalogAlias, CatalogEntity, EntityKind, Gazetteer
        >>> putin = CatalogEntity("vladimir-putin", "فلاديمير بوتين", EntityKind.PERSON,
        ...                       (CatalogAlias("بوتين"),))
        >>> [(h.clitic, h.pattern.key) for h in build_matcher(Gazetteer((putin,))).scan("ولبوتين قال")]
        [('ول', 'بوتين')]
        """
        if self.automaton is None or not key:
            return []
        candidates: list[Hit] = []
        for last, entries in self.automaton.iter(key):
            end = last + 1
            if end < len(key) and _is_word(key[end]):
                continue
            for pattern, lam, length in entries:
                start = end - length
                word_start = start
                while word_start > 0 and _is_word(key[word_start - 1]):
                    word_start -= 1
                clitic = key[word_start:start]
                if clitic in (_LAM_PREFIXES if lam else _PREFIXES) and not (
                    pattern.title is None and _after_particle(key, word_start)
                ):
                    candidates.append(Hit(start, end, clitic, pattern))
        candidates.sort(key=lambda h: (h.start - h.end, h.start))
        taken = bytearray(len(key) + 1)
        chosen: list[Hit] = []
        for hit in candidates:
            if any(taken[hit.start : hit.end]):
                continue
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            chosen.append(hit)
        chosen.sort(key=lambda h: h.start)
        return chosen


def _is_word(char: str) -> bool:
    return char.isalnum()


# "محمد بن سلمان بن عبدالعزيز": a name after بن/ابن/بنت is the father's, part of a longer name.
_PATRONYMIC = ("بن", "ابن", "بنت")


def _after_particle(key: str, word_start: int) -> bool:
    before = key[max(0, word_start - 5) : word_start]
    if not before.endswith(" "):
        return False
    return before.rstrip().rsplit(" ", 1)[-1] in _PATRONYMIC


def build_matcher(gazetteer: Gazetteer) -> Matcher:
    """Build the automaton of every alias and title of ``gazetteer`` (no cache)."""
    targets: dict[str, dict[str, AliasTarget]] = {}
    for entity in gazetteer.entities:
        spellings = [(entity.name, AliasKind.NAME, False)]
        spellings += [(a.text, a.kind, a.ambiguous) for a in entity.aliases]
        for text, kind, ambiguous in spellings:
            key = normalize_key(text)
            if len(key) < 2:
                continue
            per_slug = targets.setdefault(key, {})
            old = per_slug.get(entity.slug)
            if old is None or _KIND_RANK[kind] < _KIND_RANK[old.kind]:
                per_slug[entity.slug] = AliasTarget(entity.slug, kind, ambiguous)
    titles = title_lexicon()
    automaton = _automaton(_patterns(targets, titles))
    base = Matcher(gazetteer=gazetteer, automaton=automaton)
    titles |= seat_titles(base, gazetteer.positions, titles)
    automaton = _automaton(_patterns(targets, titles))
    return Matcher(
        gazetteer=gazetteer,
        entities={e.slug: e for e in gazetteer.entities},
        automaton=automaton,
        offices=Offices.of(gazetteer),
    )


def seat_titles(
    base: Matcher, positions: Sequence[CatalogPosition], lexicon: dict[str, Title]
) -> dict[str, Title]:
    """Catalog titles that name one country's seat by themselves: "رئيس مجلس القيادة الرئاسي"
    (Yemen), "رئيس مجلس السيادة" (Sudan), "رئيس المجلس الرئاسي" (Libya).

    Kept: a title of three words or more, held in one seat only (one office of one country), that
    is more than common titles ("نائب رئيس الوزراء وزير الخارجية" is any country's), than a
    common title made acting ("وزير الخارجية بالإنابة") and than a title plus a catalog name
    ("الأمين العام للأمم المتحدة", read as title and organization already). "other" offices are
    not one seat each.
    """
    seats: dict[str, set[tuple[Office, str]]] = {}
    for position in positions:
        key = normalize_key(position.title)
        if key in lexicon or len(key.split()) < 3 or position.office == Office.OTHER:
            continue
        seats.setdefault(key, set()).add((position.office, position.of))
    found: dict[str, Title] = {}
    for key, held in seats.items():
        if len(held) != 1:
            continue
        hits = base.scan(key)
        if any(h.pattern.targets for h in hits):
            continue
        rest = key
        for hit in reversed(hits):
            rest = rest[: hit.start - len(hit.clitic)] + " " + rest[hit.end :]
        if not set(rest.split()) - INTERIM_WORDS:
            continue
        ((office, of),) = held
        found[key] = Title(TitleRole.OFFICE, office, of=of)
    return found


def _patterns(targets: dict[str, dict[str, AliasTarget]], titles: dict[str, Title]) -> dict[str, Pattern]:
    patterns: dict[str, Pattern] = {}
    for key in set(targets) | set(titles):
        found = tuple(targets.get(key, {}).values())
        if len(found) > 1:
            # One spelling shared by several entities is ambiguous whatever the data says.
            found = tuple(AliasTarget(t.slug, t.kind, True) for t in found)
        patterns[key] = Pattern(key, found, titles.get(key))
    return patterns


def _automaton(patterns: dict[str, Pattern]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    entries: dict[str, list[tuple[Pattern, int, int]]] = {}
    for key, pattern in patterns.items():
        entries.setdefault(key, []).append((pattern, 0, len(key)))
        if key.startswith("ال") and len(key) > 3:
            entries.setdefault(key[1:], []).append((pattern, 1, len(key) - 1))
    for key, value in entries.items():
        automaton.add_word(key, tuple(value))
    if not entries:
        return None
    automaton.make_automaton()
    return automaton


_BY_ID: dict[int, tuple[Gazetteer, Matcher]] = {}
_LOCK = threading.Lock()


def prepare_matcher(gazetteer: Gazetteer) -> Matcher:
    """The cached :class:`Matcher` of ``gazetteer``: built once per gazetteer object.

    >>> g = Gazetteer()
    >>> prepare_matcher(g) is prepare_matcher(g)
    True
    """
    with _LOCK:
        cached = _BY_ID.get(id(gazetteer))
        if cached is not None and cached[0] is gazetteer:
            return cached[1]
    matcher = build_matcher(gazetteer)
    with _LOCK:
        if len(_BY_ID) > 8:
            _BY_ID.clear()
        _BY_ID[id(gazetteer)] = (gazetteer, matcher)
    return matcher


def country_of(matcher: Matcher, slug: str) -> str | None:
    """The country an entity stands for: itself for a country, its country for a capital."""
    entity = matcher.entities.get(slug)
    if entity is None:
        return None
    if entity.kind == EntityKind.COUNTRY:
        return entity.slug
    if entity.kind == EntityKind.PLACE and entity.is_capital:
        return entity.country
    return None
