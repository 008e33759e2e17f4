"""Fixtures of the security tests; the headless Chromium comes from the browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.db import connections

from newsapp.ops.databases import child_env, create_database, current_name, drop_database, server
from tests.browser.conftest import chromium  # noqa: F401 (a fixture, used by name)
from tests.conftest import ROOT

# pytest-django's live server reads this once, when it starts.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

PASSWORD = "a-long-and-secret-password"  # noqa: S105 (test users only)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The login tests hash real passwords; the default hasher's 1M rounds would dominate them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def reader_user(django_user_model):
    """Logged in, but not staff."""
    return django_user_model.objects.create_user("reader", password=PASSWORD)


# --- Databases of their own, for subprocesses (faults, backups) --------------------------


@pytest.fixture(scope="module")
def template(django_db_setup, django_db_blocker) -> Iterator[str]:
    """A copy of the test database (migrated, catalog loaded) that the runs start from."""
    with django_db_blocker.unblock():
        source = current_name()
        assert source.startswith("test_"), f"refusing to copy {source}: not a test database"
        connections.close_all()  # a template database must have no other connection
        name = f"{source}_template"
        drop_database(name)
        create_database(name, template=source)
    try:
        with server().connect(name) as conn:
            entities = conn.execute("SELECT count(*) FROM newsapp_entity").fetchone()[0]
        if not entities:  # an earlier transactional test flushed the catalog
            subprocess.run(
                [sys.executable, "manage.py", "load_catalog"], cwd=ROOT, env=child_env(name), check=True
            )
        yield name
    finally:
        drop_database(name)


@pytest.fixture(scope="module")
def databases(template) -> Iterator:
    """new(suffix) → a fresh copy of the template database; all dropped after the module

    (each DROP DATABASE forces a checkpoint: fewer of them keep these tests quick).
    """
    made: list[str] = []

    def new(suffix: str, *, create: bool = True) -> str:
        name = f"{template}_{suffix}"
        drop_database(name)
        if create:
            create_database(name, template=template)
        made.append(name)
        return name

    yield new
    for name in made:
        drop_database(name)
