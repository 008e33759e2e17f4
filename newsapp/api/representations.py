"""API representations kept in the fragment cache under what they show.

- A meeting's under its version: the same scheme as the pages' cards
  (``newsapp/views/cards.py``). PostgreSQL moves ``Meeting.updated_at``
  whenever anything the representation shows changes, so a list re-read after
  an unrelated write serializes only the meetings that changed, and loads
  their participants and sources only.
- An entity's under the catalog's version (migration 0011: any entity, alias
  or position) and its two counts, which the ingest changes all day and the
  list reads with its rows: an article moves the counts of the entities it
  names, not the catalog.

Links are absolute, so each key also holds the scheme and host they were built for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models import prefetch_related_objects

from newsapp.models import Meeting
from newsapp.versions import catalog_version

from .querysets import entities, meeting_details
from .serializers import EntitySerializer, MeetingSerializer


def _plain(value: Any) -> Any:
    """``value`` with plain dicts, lists and strings: DRF's ``Hyperlink`` (a ``str``) keeps its
    model instance, which would be pickled into the cache and rebuilt at every read."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def _cached(keys: list[str], build: Callable[[list[int]], list[dict | None]]) -> list[dict]:
    """The representation under each key, ``build(positions)`` making those the cache lacks
    (one dict for each position of ``keys`` given, in order; ``None`` for a row deleted since)."""
    fragments = caches["fragments"]
    found = fragments.get_many(keys) if keys else {}
    missing = [i for i, key in enumerate(keys) if key not in found]
    if missing:
        built = {
            keys[i]: _plain(item) for i, item in zip(missing, build(missing), strict=True) if item is not None
        }
        fragments.set_many(built, timeout=settings.MARSAD_FRAGMENT_CACHE_SECONDS)
        found.update(built)
    return [found[key] for key in keys if key in found]


def _origin(context: dict) -> str:
    return hashlib.blake2b(context["request"].build_absolute_uri("/").encode(), digest_size=8).hexdigest()


def meeting_representations(meetings: Sequence[Meeting], context: dict) -> list[dict]:
    """``MeetingSerializer(meetings, many=True, context=context).data``, from the cache where it can.

    ``meetings`` need only their row and places (``querysets.meeting_rows``).
    """
    origin = _origin(context)
    keys = [f"marsad:api-meeting:{m.pk}:{m.updated_at.timestamp()}:{origin}" for m in meetings]

    def build(positions: list[int]) -> list[dict]:
        missing = [meetings[i] for i in positions]
        prefetch_related_objects(missing, *meeting_details())
        return MeetingSerializer(missing, many=True, context=context).data

    return _cached(keys, build)


def entity_representations(rows: Sequence[tuple[int, int, int]], context: dict) -> list[dict]:
    """``EntitySerializer(..., many=True, context=context).data`` for the entities of ``rows``
    (``querysets.entity_rows``: id and the two counts), from the cache where it can.

    Those the cache lacks are read in full, in two queries (``querysets.entities``), after the
    version: an entry is never older than its key. Their counts are the rows': the key's.
    """
    origin, version = _origin(context), catalog_version()
    keys = [
        f"marsad:api-entity:{pk}:{version}:{articles}:{meetings}:{origin}" for pk, articles, meetings in rows
    ]

    def build(positions: list[int]) -> list[dict | None]:
        wanted = [rows[i] for i in positions]
        found = entities().filter(pk__in=[pk for pk, _, _ in wanted]).in_bulk()
        present = [found[pk] for pk, _, _ in wanted if pk in found]  # all but those deleted since
        data = EntitySerializer(present, many=True, context=context).data
        shown = {entity.pk: item for entity, item in zip(present, data, strict=True)}
        return [
            {**shown[pk], "articles_count": articles, "meetings_count": meetings} if pk in shown else None
            for pk, articles, meetings in wanted
        ]

    return _cached(keys, build)
