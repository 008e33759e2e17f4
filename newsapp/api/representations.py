"""Meetings' API representations, kept in the fragment cache under each meeting's version.

The same scheme as the pages' cards (``newsapp/views/cards.py``): PostgreSQL
moves ``Meeting.updated_at`` whenever anything the representation shows
changes, so a list re-read after an unrelated write serializes only the
meetings that changed, and loads their participants and sources only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models import prefetch_related_objects

from newsapp.models import Meeting

from .querysets import meeting_details
from .serializers import MeetingSerializer


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


def meeting_representations(meetings: Sequence[Meeting], context: dict) -> list[dict]:
    """``MeetingSerializer(meetings, many=True, context=context).data``, from the cache where it can.

    ``meetings`` need only their row and places (``querysets.meeting_rows``).
    Links are absolute, so the key holds the scheme and host they were built for.
    """
    origin = hashlib.blake2b(context["request"].build_absolute_uri("/").encode(), digest_size=8).hexdigest()
    keys = {m.pk: f"marsad:api-meeting:{m.pk}:{m.updated_at.timestamp()}:{origin}" for m in meetings}
    fragments = caches["fragments"]
    found = fragments.get_many(keys.values()) if keys else {}
    missing = [m for m in meetings if keys[m.pk] not in found]
    if missing:
        prefetch_related_objects(missing, *meeting_details())
        data = MeetingSerializer(missing, many=True, context=context).data
        built = {keys[m.pk]: _plain(item) for m, item in zip(missing, data, strict=True)}
        fragments.set_many(built, timeout=settings.MARSAD_FRAGMENT_CACHE_SECONDS)
        found.update(built)
    return [found[keys[m.pk]] for m in meetings]
