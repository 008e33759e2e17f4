"""Reads on a PostgreSQL replica, writes on the primary (docs/scaling.md).

Active only when ``MARSAD_REPLICA_DATABASE_URL`` is set: settings then add the
``replica`` alias and this router. Code that must read its own writes at once
(the ingest service's duplicate checks run inside its transaction) uses
``using("default")`` or runs in ``transaction.atomic()`` on the primary.
"""

from __future__ import annotations

from django.db import transaction

PRIMARY = "default"
REPLICA = "replica"


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        # Inside a transaction on the primary, read what it has just written.
        if transaction.get_connection(PRIMARY).in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name=None, **hints) -> bool:
        return db == PRIMARY
