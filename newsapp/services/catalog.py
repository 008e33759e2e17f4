"""Load the entity catalog from fixtures/catalog/, and merge duplicate entities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import OuterRef, Subquery

from newsapp.models import Alias, Entity, Meeting, Mention, Participation, Position, Source
from newsapp.nlp.catalog_files import CatalogRecord, catalog_paths, read_records
from newsapp.nlp.normalize import normalize_key

from .gazetteer import forget_gazetteer


@dataclass(frozen=True)
class CatalogLoad:
    entities: int
    aliases_added: int
    positions: int


def _alias_rows(entity: Entity, record: CatalogRecord) -> list[Alias]:
    rows = {normalize_key(record.entity.name): Alias(entity=entity, text=record.entity.name)}
    for alias in record.entity.aliases:
        key = normalize_key(alias.text)
        if key and key not in rows:
            rows[key] = Alias(entity=entity, text=alias.text, kind=alias.kind, ambiguous=alias.ambiguous)
    for key, row in rows.items():
        row.key = key  # bulk_create skips Alias.save(), which sets the key
    return list(rows.values())


@transaction.atomic
def load_catalog(folder: Path) -> CatalogLoad:
    """Upsert every entity of the catalog files by slug; idempotent.

    Aliases and positions are added or updated, never removed: editors own the
    catalog once it is loaded, and their additions survive a reload. A spelling
    the files list takes the files' kind and ambiguity.
    """
    records = list(read_records(catalog_paths(folder)))
    entities = Entity.objects.bulk_create(
        [
            Entity(
                slug=r.entity.slug,
                kind=r.entity.kind,
                name=r.entity.name,
                name_en=r.entity.name_en,
                wikidata=r.wikidata,
                is_capital=r.entity.is_capital,
                verified=True,
            )
            for r in records
        ],
        update_conflicts=True,
        unique_fields=["slug"],
        update_fields=["kind", "name", "name_en", "wikidata", "is_capital", "verified"],
    )
    by_slug = {e.slug: e for e in entities}
    for entity, record in zip(entities, records, strict=True):
        entity.country = by_slug.get(record.entity.country) if record.entity.country else None
    Entity.objects.bulk_update(entities, ["country"], batch_size=500)

    before = Alias.objects.count()
    Alias.objects.bulk_create(
        [row for e, r in zip(entities, records, strict=True) for row in _alias_rows(e, r)],
        # The files decide how a spelling they list may be used (full name,
        # short form, ambiguous); spellings only editors added are left alone.
        update_conflicts=True,
        unique_fields=["entity", "key"],
        update_fields=["kind", "ambiguous"],
        batch_size=1000,
    )
    positions = [
        Position(
            person=by_slug[p.person],
            office=p.office,
            of=by_slug[p.of],
            title=p.title,
            start=p.start,
            end=p.end,
        )
        for r in records
        for p in r.positions
    ]
    Position.objects.bulk_create(
        positions,
        update_conflicts=True,
        unique_fields=["person", "office", "of", "start"],
        update_fields=["title", "end"],
        batch_size=1000,
    )
    forget_gazetteer()
    return CatalogLoad(
        entities=len(entities), aliases_added=Alias.objects.count() - before, positions=len(positions)
    )


@transaction.atomic
def merge_entities(target: Entity, others: Iterable[Entity]) -> Entity:
    """Fold ``others`` into ``target``: their names become aliases, and every reference moves.

    Mentions, participations, positions, aliases and the places where an
    entity is a country, location or occasion all end up on ``target``.
    """
    others = [o for o in others if o.pk != target.pk]
    if not others:
        return target
    ids = [o.pk for o in others]
    known = set(target.aliases.values_list("key", flat=True))
    for other in others:
        for alias in [Alias(entity=target, text=other.name), *other.aliases.all()]:
            key = normalize_key(alias.text)
            if key and key not in known:
                known.add(key)
                Alias.objects.create(
                    entity=target, text=alias.text, kind=alias.kind, ambiguous=alias.ambiguous
                )
    # A meeting keeps one participation of the merged people: the target's, else the
    # first of the others' (two duplicates of one leader can both be in a meeting).
    moving = Participation.objects.filter(person_id__in=ids)
    moving.filter(meeting__participations__person=target).delete()
    first = moving.filter(meeting=OuterRef("meeting")).order_by("pk").values("pk")[:1]
    moving.exclude(pk=Subquery(first)).delete()
    moving.update(person=target)
    Mention.objects.filter(entity_id__in=ids).update(entity=target)
    Position.objects.filter(person_id__in=ids).update(person=target)
    Position.objects.filter(of_id__in=ids).update(of=target)
    Entity.objects.filter(country_id__in=ids).update(country=target)
    Source.objects.filter(country_id__in=ids).update(country=target)
    Meeting.objects.filter(location_id__in=ids).update(location=target)
    Meeting.objects.filter(occasion_id__in=ids).update(occasion=target)
    if not target.verified and any(o.verified for o in others):
        target.verified = True
        target.save(update_fields=["verified"])
    Entity.objects.filter(pk__in=ids).delete()
    forget_gazetteer()
    return target
