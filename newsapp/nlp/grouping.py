"""One :class:`FoundEntity` per entity, from the references of a scan."""

from __future__ import annotations

from .matcher import Matcher
from .normalize import normalize_key
from .references import Reference, RefSource, Scan
from .types import EntityKind, FoundEntity, Mention


def group_entities(scan: Scan, matcher: Matcher) -> tuple[FoundEntity, ...]:
    """One :class:`FoundEntity` per entity, mentions in text order, first-mentioned first."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    heads: dict[tuple[str, str], tuple[str | None, str, EntityKind]] = {}
    for ref in scan.references:
        head = _head(ref, matcher)
        if head is None:
            continue
        group_key = (head[0] or "", normalize_key(head[1]) if head[0] is None else "")
        heads.setdefault(group_key, head)
        mentions = groups.setdefault(group_key, [])
        mention = Mention(ref.start, ref.end, ref.text)
        if mention not in mentions:
            mentions.append(mention)
    return tuple(
        FoundEntity(slug=heads[k][0], name=heads[k][1], kind=heads[k][2], mentions=tuple(v))
        for k, v in groups.items()
    )


def _head(ref: Reference, matcher: Matcher) -> tuple[str | None, str, EntityKind] | None:
    if ref.source == RefSource.UNKNOWN:
        return None, ref.name, EntityKind.PERSON
    if ref.slug is None:
        return None
    entity = matcher.entities[ref.slug]
    if entity.kind == EntityKind.PLACE and entity.is_capital and entity.country in matcher.entities:
        # "بكين وموسكو": a capital acts for its country.
        country = matcher.entities[entity.country]
        return country.slug, country.name, country.kind
    return entity.slug, entity.name, entity.kind
