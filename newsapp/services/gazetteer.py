"""The catalog as the text pipeline sees it: a plain Gazetteer built from the database."""

from __future__ import annotations

import threading
import time

from django.db.models import Prefetch
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
    """Read the whole catalog in three queries."""
    # Only the catalog: people ingest met but no editor verified are found by
    # their titles and reported with no slug, as the analyze contract says.
    entities = (
        Entity.objects.verified()
        .select_related("country")
        .prefetch_related(Prefetch("aliases", queryset=Alias.objects.order_by("id")))
    )
    catalog = tuple(
        CatalogEntity(
            slug=e.slug,
            name=e.name,
            kind=EntityKind(e.kind),
            aliases=tuple(
                CatalogAlias(text=a.text, kind=AliasKind(a.kind), ambiguous=a.ambiguous)
                for a in e.aliases.all()
            ),
            name_en=e.name_en,
            country=e.country.slug if e.country else None,
            is_capital=e.is_capital,
        )
        for e in entities
    )
    positions = tuple(
        CatalogPosition(
            person=p.person.slug,
            office=Office(p.office),
            of=p.of.slug,
            title=p.title,
            start=p.start,
            end=p.end,
        )
        for p in Position.objects.filter(person__verified=True).select_related("person", "of")
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
