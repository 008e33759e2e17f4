"""Reads go to the replica alias, writes to the primary (MARSAD_REPLICA_DATABASE_URL, docs/scaling.md).

The test adds a ``replica`` alias that mirrors the test database (as settings
do with ``TEST: {"MIRROR": "default"}``) and turns the router on, then checks
on which connection each query actually ran.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from newsapp.db_router import PrimaryReplicaRouter
from newsapp.models import Source

ROUTER = ["newsapp.db_router.PrimaryReplicaRouter"]


def _add_replica_alias() -> None:
    """A second connection to the same database, as a streaming replica would be."""
    if "replica" in settings.DATABASES:
        return
    replica = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}
    settings.DATABASES["replica"] = replica
    configured = connections.configure_settings({"default": replica, "replica": replica})
    connections.settings["replica"] = configured["replica"]


_add_replica_alias()


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_reads_go_to_the_replica_and_writes_to_the_primary():
    with (
        override_settings(DATABASE_ROUTERS=ROUTER),
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        Source.objects.create(name="مصدر للتجربة")
        names = list(Source.objects.filter(name="مصدر للتجربة").values_list("name", flat=True))
    assert names == ["مصدر للتجربة"]  # the mirror sees the committed row
    assert any(q["sql"].startswith("INSERT") for q in primary.captured_queries)
    assert not any(q["sql"].startswith("SELECT") for q in primary.captured_queries)
    assert [q["sql"] for q in replica.captured_queries if "newsapp_source" in q["sql"]]
    assert not any(q["sql"].startswith("INSERT") for q in replica.captured_queries)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_inside_a_transaction_reads_stay_on_the_primary():
    with (
        override_settings(DATABASE_ROUTERS=ROUTER),
        transaction.atomic(),
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        Source.objects.create(name="مصدر آخر")
        assert Source.objects.filter(name="مصدر آخر").exists()
    assert replica.captured_queries == []


def test_migrations_run_on_the_primary_only():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "newsapp") and not router.allow_migrate("replica", "newsapp")
    assert router.db_for_write(Source) == "default"


def test_the_router_is_off_without_a_replica_url():
    assert "newsapp.db_router.PrimaryReplicaRouter" not in settings.DATABASE_ROUTERS
