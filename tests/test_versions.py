"""The catalog's version (migration 0011): moved by every change to entities, aliases and positions,
by no other write. The meetings' version has its tests with the aggregates kept under it."""

from datetime import date

import pytest
from django.db import connection

from newsapp.models import Alias, Entity, Position
from newsapp.services.catalog import merge_entities
from newsapp.versions import catalog_version

from .views.builders import build_world

pytestmark = pytest.mark.django_db


def xi() -> Entity:
    return Entity.objects.get(slug="xi-jinping")


@pytest.mark.parametrize(
    "change",
    [
        lambda: Entity.objects.create(kind=Entity.Kind.PERSON, slug="new-person", name="شخص جديد"),
        lambda: Entity.objects.filter(slug="xi-jinping").update(name_en="Xi"),
        lambda: Alias.objects.create(entity=xi(), text="الرئيس شي"),
        lambda: Alias.objects.filter(entity=xi()).update(ambiguous=True),
        lambda: Alias.objects.filter(entity=xi()).delete(),
        lambda: Position.objects.create(
            person=xi(), office=Position.Office.HEAD_OF_STATE, of=xi().country, start=date(2008, 3, 15)
        ),
        lambda: Position.objects.filter(person=xi()).delete(),
        lambda: merge_entities(
            xi(), [Entity.objects.create(kind=Entity.Kind.PERSON, slug="xi-copy", name="شي (نسخة)")]
        ),
    ],
    ids=[
        "new entity",
        "entity edited",
        "new alias",
        "alias edited",
        "aliases deleted",
        "new position",
        "positions deleted",
        "entities merged",
    ],
)
def test_every_change_to_the_catalog_moves_its_version(catalog, change):
    before = catalog_version()
    change()
    assert catalog_version() > before


def test_a_truncate_moves_it(catalog):
    before = catalog_version()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE newsapp_position")
    assert catalog_version() > before


def test_articles_meetings_and_their_counts_keep_it(catalog):
    before = catalog_version()
    build_world(3)  # articles, mentions, meetings: every entity's counts change
    assert catalog_version() == before


def test_a_statement_that_changes_no_row_keeps_it(catalog):
    before = catalog_version()
    Entity.objects.filter(slug="no-such-entity").update(name="لا أحد")
    Alias.objects.filter(text="لا كتابة").delete()
    assert catalog_version() == before
