"""The catalog as the text pipeline sees it: a plain Gazetteer built from the database."""

from __future__ import annotations

import threading
import time
from collections import defaultdict

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsapp.models import Alias, Entity, Position
from newsapp.nlp.types import (
    AliasKind,
    CatalogAlias,
    CatalogEntity,
    CatalogPosition,
    EntityKind,
    Gazetteer,
    Office,
)

# Another process (an editor in the admin, a second worker) may change the
# catalog: rebuild at least this often even without a local change.
MAX_AGE_SECONDS = 60.0

_lock = threading.Lock()
_cached: tuple[float, Gazetteer] | None = None


def build_gazetteer() -> Gazetteer:
    """Read the whole catalog in three queries, as rows.

    Every ingest run, worker and reprocess starts here: at 2,000 entities, building
    model instances (and their prefetched aliases) was 0.2 s of a 400-article run.
    """
    # Only the catalog: people ingest met but no editor verified are found by
    # their titles and reported with no slug, as the analyze contract says.
    aliases: dict[int, list[CatalogAlias]] = defaultdict(list)
    alias_rows = (
        Alias.objects.filter(entity__verified=True)
        .order_by("id")
        .values_list("entity_id", "text", "kind", "ambiguous")
    )
    for entity_id, text, kind, ambiguous in alias_rows:
        aliases[entity_id].append(CatalogAlias(text=text, kind=AliasKind(kind), ambiguous=ambiguous))
    entity_rows = Entity.objects.verified().values_list(
        "id", "slug", "name", "kind", "name_en", "country__slug", "is_capital"
    )
    catalog = tuple(
        CatalogEntity(
            slug=slug,
            name=name,
            kind=EntityKind(kind),
            aliases=tuple(aliases[pk]),
            name_en=name_en,
            country=country,
            is_capital=is_capital,
        )
        for pk, slug, name, kind, name_en, country, is_capital in entity_rows
    )
    position_rows = Position.objects.filter(person__verified=True).values_list(
        "person__slug", "office", "of__slug", "title", "start", "end"
    )
    positions = tuple(
        CatalogPosition(person=person, office=Office(office), of=of, title=title, start=start, end=end)
        for person, office, of, title, start, end in position_rows
    )
    return Gazetteer(entities=catalog, positions=positions)


def current_gazetteer() -> Gazetteer:
    """The cached catalog, rebuilt after a local edit or when older than ``MAX_AGE_SECONDS``."""
    global _cached
    with _lock:
        if _cached is None or time.monotonic() - _cached[0] > MAX_AGE_SECONDS:
            _cached = (time.monotonic(), build_gazetteer())
        return _cached[1]


def forget_gazetteer() -> None:
    global _cached
    with _lock:
        _cached = None


@receiver([post_save, post_delete], sender=Entity)
@receiver([post_save, post_delete], sender=Alias)
@receiver([post_save, post_delete], sender=Position)
def _catalog_changed(instance, **kwargs) -> None:
    # Ingest creates unverified people as it goes; the pipeline already finds
    # them by their titles, so they need not cost a rebuild per article.
    entity = instance if isinstance(instance, Entity) else getattr(instance, "entity", None)
    if isinstance(instance, Position) or entity is None or entity.verified:
        forget_gazetteer()
