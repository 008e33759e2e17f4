"""What a database holds, independent of ids and clocks: to compare two runs row for row.

Two ingests of the same files into two databases give different primary keys
(a rolled-back insert still uses up a sequence number) and different
timestamps, but must give the same rows. Each row's fingerprint is its field
values with every foreign key replaced by the fingerprint of the row it points
to, so ``Mention(article=7, entity=12)`` reads as the article's content and the
entity's slug; a table's fingerprint is its row count and a hash of the sorted
row fingerprints.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from typing import Any

from django.apps import apps
from django.db import connections, models
from django.db.utils import ConnectionDoesNotExist, load_backend


class _Fingerprinter:
    def __init__(self, using: str):
        self.using = using
        self.rows: dict[type[models.Model], dict[Any, dict[str, Any]]] = {}
        self.memo: dict[tuple[type[models.Model], Any], str] = {}

    def _table(self, model: type[models.Model]) -> dict[Any, dict[str, Any]]:
        if model not in self.rows:
            pk = model._meta.pk.attname
            self.rows[model] = {row[pk]: row for row in model._default_manager.using(self.using).values()}
        return self.rows[model]

    def row(self, model: type[models.Model], pk: Any) -> str:
        key = (model, pk)
        if key not in self.memo:
            self.memo[key] = "…"  # a cycle reads as a placeholder instead of recursing forever
            values = self._table(model)[pk]
            parts: list[Any] = []
            for field in model._meta.concrete_fields:
                if field.primary_key or isinstance(field, models.DateTimeField):
                    continue
                value = values[field.attname]
                if field.is_relation and value is not None:
                    value = self.row(field.related_model, value)
                parts.append([field.name, value])
            self.memo[key] = json.dumps(parts, ensure_ascii=False, default=str, sort_keys=True)
        return self.memo[key]

    def table(self, model: type[models.Model]) -> tuple[int, str]:
        prints = sorted(self.row(model, pk) for pk in self._table(model))
        digest = hashlib.sha256("\n".join(prints).encode("utf-8", "surrogatepass")).hexdigest()
        return len(prints), digest


def fingerprints(using: str = "default", app_label: str = "newsapp") -> dict[str, tuple[int, str]]:
    """``{table: (rows, sha256)}`` for every table of ``app_label`` (many-to-many tables included)."""
    printer = _Fingerprinter(using)
    config = apps.get_app_config(app_label)
    return {m._meta.db_table: printer.table(m) for m in config.get_models(include_auto_created=True)}


def with_database(alias: str, name: str) -> str:
    """Open ``alias``: a second connection, to database ``name`` on the same server.

    The wrapper is made by hand rather than added to ``settings.DATABASES``, so
    it stays out of ``connections.all()`` (and out of the test runner's way).
    """
    config = {**connections["default"].settings_dict, "NAME": name}
    connections[alias] = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    return alias


def forget_database(alias: str) -> None:
    with contextlib.suppress(AttributeError, ConnectionDoesNotExist):
        connections[alias].close()
        del connections[alias]
