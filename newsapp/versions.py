"""Version numbers PostgreSQL keeps for what the caches are keyed on (migrations 0007, 0008, 0011).

Each grows at every committed change to what it covers, whatever wrote it. A
result is cached under the version read before (or in the same statement as)
the data it was computed from: under MVCC the entry can only be newer than its
key, never older. Read from the database the reads go to, as a replica lags.
"""

from __future__ import annotations

from django.db import connections, router

from newsapp.models import Entity, Meeting


def _read(table: str, model) -> int:
    with connections[router.db_for_read(model)].cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table}")  # noqa: S608 (one of the two names below)
        return cursor.fetchone()[0]


def meetings_version() -> int:
    """Moves with any meeting and anything a meeting shows or is filtered by."""
    return _read("newsapp_meeting_version", Meeting)


def catalog_version() -> int:
    """Moves with any entity, alias or position (not with the counts in ``EntityStats``)."""
    return _read("newsapp_catalog_version", Entity)
