"""Names in a query: every spelling of a known entity, and close misspellings of people's names.

The alias table is small (a few thousand rows). Each search asks for the
catalog's version (so an editor's new spelling counts at once) and reads the
rows only when it moved; what is built from them (lookup by key, the
fuzzy buckets) is kept in memory. Fuzzy matching runs only against these names, never against bodies, and
only suggests ("هل تقصد"): it never changes which articles match.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db import connection
from django.urls import reverse

from newsapp.nlp.normalize import clitic_variants
from newsapp.nlp.search_text import ParsedQuery, Term, edit_distance, tokenize

from .candidates import DATE_STATS_SQL, DateStats

# Longest name, in words, looked for in a query.
MAX_NAME_WORDS = 6
# A name's first words stand for it only when they name at most this many entities.
MAX_PREFIX_ENTITIES = 2
# Fuzzy matching only for words this long (after clitics): shorter ones are too often real words.
MIN_FUZZY = 5

# Everything a search reads before it looks at articles, in one query: a first row with the
# catalog's version (migration 0011: it moves with any entity or alias row) and the article
# date statistics (``candidates.DATE_STATS_SQL``), then the alias rows, only when the
# version is not the one the cached index was built from.
_ROWS_SQL = f"""WITH f AS MATERIALIZED (SELECT version FROM newsapp_catalog_version)
SELECT 0 AS part, NULL::bigint AS id, (SELECT version FROM f) AS version, ({DATE_STATS_SQL}) AS stats,
    NULL::text, NULL::text, NULL::boolean, NULL::bigint, NULL::text, NULL::text, NULL::text
UNION ALL
SELECT 1, a.id, NULL, NULL, a.key, a.kind, a.ambiguous, e.id, e.name, e.slug, e.kind
FROM newsapp_alias a JOIN newsapp_entity e ON e.id = a.entity_id
WHERE (SELECT version FROM f) IS DISTINCT FROM %s
ORDER BY 1, 2"""


@dataclass(frozen=True)
class NamedEntity:
    id: int
    name: str
    slug: str
    kind: str

    def get_absolute_url(self) -> str:
        return reverse("entity-detail", args=[self.slug])


@dataclass
class AliasIndex:
    """What the alias rows say, arranged for lookups."""

    by_key: dict[str, set[int]] = field(default_factory=dict)
    entities: dict[int, NamedEntity] = field(default_factory=dict)
    spellings: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # Single-word spellings of people, by length, for fuzzy matching.
    fuzzy: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    # Every key, demonyms and ambiguous ones included: real words never go fuzzy.
    known: set[str] = field(default_factory=set)
    # The first words (two or more) of longer spellings: "شي جين" is Xi Jinping.
    prefixes: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: list[tuple]) -> AliasIndex:
        index = cls()
        raw_spellings: dict[int, set[tuple[str, ...]]] = defaultdict(set)
        fuzzy: dict[int, set[tuple[str, int]]] = defaultdict(set)
        for key, kind, ambiguous, entity_id, name, slug, entity_kind in rows:
            words = tuple(tokenize(key))
            if not words:
                continue
            joined = " ".join(words)
            index.known.add(joined)
            index.entities.setdefault(entity_id, NamedEntity(entity_id, name, slug, entity_kind))
            if ambiguous or kind == "demonym":
                continue
            index.by_key.setdefault(joined, set()).add(entity_id)
            for n in range(2, len(words)):
                index.prefixes.setdefault(" ".join(words[:n]), set()).add(entity_id)
            raw_spellings[entity_id].add(words)
            if entity_kind == "person" and len(words) == 1 and len(joined) >= MIN_FUZZY - 1:
                fuzzy[len(joined)].add((joined, entity_id))
        index.spellings = {eid: _minimal(found) for eid, found in raw_spellings.items()}
        index.fuzzy = {length: sorted(found) for length, found in fuzzy.items()}
        return index

    def lookup(self, words: tuple[str, ...]) -> set[int]:
        """Entities one of whose spellings is ``words``, the first word possibly with clitics."""
        for first in clitic_variants(words[0]):
            key = " ".join((first, *words[1:]))
            found = self.by_key.get(key)
            if not found and len(words) >= 2:
                found = self.prefixes.get(key, set())
                found = found if len(found) <= MAX_PREFIX_ENTITIES else set()
            if found:
                return found
        return set()

    def close_people(self, word: str) -> set[int]:
        """People one of whose one-word spellings is within a small edit distance of ``word``."""
        found: set[int] = set()
        variants = clitic_variants(word)
        if any(v.startswith("ال") for v in variants):
            return found  # a word with the article is a noun ("البروتين" is not "بوتين")
        for variant in variants:
            if len(variant) < MIN_FUZZY or variant in self.known:
                continue
            limit = 1 if len(variant) <= 7 else 2
            for length in range(len(variant) - limit, len(variant) + limit + 1):
                for key, entity_id in self.fuzzy.get(length, ()):
                    if edit_distance(variant, key, limit) <= limit:
                        found.add(entity_id)
        return found


def _minimal(spellings: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Drop spellings that contain a shorter one: any text with the long one has the short one."""

    def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
        n = len(shorter)
        return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))

    kept = [s for s in spellings if not any(contains(s, other) for other in spellings if other != s)]
    return tuple(sorted(kept))


_lock = threading.Lock()
_cached: tuple[int, AliasIndex] | None = None


def alias_index() -> AliasIndex:
    """The alias index, rebuilt only when the rows changed (one query either way)."""
    return reference()[0]


def reference() -> tuple[AliasIndex, DateStats]:
    """The alias index and the article date statistics, in one query (the rows only when changed)."""
    global _cached
    cached = _cached
    with connection.cursor() as cursor:
        cursor.execute(_ROWS_SQL, [cached[0] if cached else None])
        header, *rows = cursor.fetchall()
    version, stats = header[2], DateStats.parse(header[3])
    if cached is not None and cached[0] == version:
        return cached[1], stats
    index = AliasIndex.build([row[4:] for row in rows])
    with _lock:
        _cached = (version, index)
    return index, stats


@dataclass(frozen=True)
class Resolved:
    """A parsed query with names expanded, and the entities it names or nearly names."""

    query: ParsedQuery
    entities: tuple[NamedEntity, ...] = ()
    suggestions: tuple[NamedEntity, ...] = ()
    dates: DateStats = DateStats()

    @property
    def people_ids(self) -> tuple[int, ...]:
        return tuple(e.id for e in self.entities if e.kind == "person")


def _name_term(index: AliasIndex, ids: set[int], raw: str, words: tuple[str, ...] = ()) -> Term:
    alternatives = sorted({s for eid in ids for s in index.spellings.get(eid, ())})
    return Term(words=words, raw=raw, alternatives=tuple(alternatives), entity_ids=tuple(sorted(ids)))


def resolve(parsed: ParsedQuery, index: AliasIndex) -> Resolved:
    """Replace known names by all their spellings; add people a misspelled word nearly names.

    Quoted phrases and excluded terms are kept as written (a phrase is literal).
    """
    terms = list(parsed.terms)
    out: list[Term] = []
    named: dict[int, None] = {}
    suggested: dict[int, None] = {}
    i = 0
    while i < len(terms):
        term = terms[i]
        if term.phrase:
            out.append(term)
            i += 1
            continue
        span = 0
        for n in range(min(MAX_NAME_WORDS, len(terms) - i), 0, -1):
            window = terms[i : i + n]
            if any(t.phrase for t in window):
                continue
            ids = index.lookup(tuple(t.words[0] for t in window))
            if ids:
                raw = " ".join(t.raw for t in window)
                out.append(_name_term(index, ids, raw))
                named.update(dict.fromkeys(sorted(ids)))
                span = n
                break
        if span:
            i += span
            continue
        # A near miss is only suggested ("هل تقصد"): it may be a real word that looks like a name.
        suggested.update(dict.fromkeys(sorted(index.close_people(term.words[0]))))
        out.append(term)
        i += 1
    return Resolved(
        query=replace(parsed, terms=tuple(out)),
        entities=tuple(index.entities[e] for e in named),
        suggestions=tuple(index.entities[e] for e in suggested if e not in named),
    )
