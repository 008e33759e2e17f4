"""Shared fixtures: the real catalog in the test database, the seed articles, builders."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI must be reproducible: the same examples on every run, so a red build
# points at a change, not at luck. Developers keep random exploration, and
# the long fuzz runs (MARSAD_FUZZ_EXAMPLES) search further.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# Django imports stay inside the fixtures: the pipeline's tests run without
# Django at all (``pytest tests/nlp -p no:django``).
ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "fixtures" / "catalog"
SEEDS = ROOT / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the catalog once; tests run in transactions rolled back around it."""
    from newsapp.services.catalog import load_catalog

    with django_db_blocker.unblock():
        load_catalog(CATALOG)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_generation(tmp_path_factory):
    """This run's own cache generation: other test runs in the checkout bump theirs."""
    from django.conf import settings

    if settings.configured:
        settings.MARSAD_CACHE_GENERATION_FILE = str(tmp_path_factory.mktemp("cache") / "generation")


@pytest.fixture(autouse=True, scope="session")
def _check_aggregate_scopes():
    """A scoped aggregate key that stands for two queries fails the test (newsapp/aggregates.py)."""
    from django.conf import settings

    if settings.configured:
        settings.MARSAD_CHECK_AGGREGATE_SCOPES = True


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no cached pages or cards (newsapp/caching.py, views/cards.py).

    Data differs between tests, and ids and timestamps can repeat after a rollback.
    """
    from django.conf import settings

    if settings.configured:
        from django.core.cache import caches

        for alias in settings.CACHES:
            caches[alias].clear()


@pytest.fixture
def catalog(db):
    """The real catalog, (re)loaded if a transactional test flushed it."""
    from newsapp.models import Entity
    from newsapp.services.catalog import load_catalog

    if not Entity.objects.filter(slug="xi-jinping").exists():
        load_catalog(CATALOG)
    return Entity.objects


@pytest.fixture
def person(db):
    from newsapp.models import Entity

    def make(slug: str, name: str, **fields) -> Entity:
        return Entity.objects.create(kind=Entity.Kind.PERSON, slug=slug, name=name, **fields)

    return make


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def published() -> date:
    return date(2024, 2, 9)
