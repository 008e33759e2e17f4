"""The gazetteer the pipeline reads, built from the database."""

from datetime import date

import pytest

from newsapp.models import Alias, Entity
from newsapp.nlp.types import EntityKind, Office
from newsapp.services.gazetteer import build_gazetteer

pytestmark = pytest.mark.django_db


def _by_slug(gazetteer):
    return {entity.slug: entity for entity in gazetteer.entities}


def test_every_verified_entity_comes_with_its_aliases_country_and_positions(catalog):
    gazetteer = build_gazetteer()
    entities = _by_slug(gazetteer)
    assert len(entities) == Entity.objects.verified().count()
    xi = entities["xi-jinping"]
    assert (xi.name, xi.kind, xi.country, xi.is_capital) == ("شي جين بينغ", EntityKind.PERSON, "china", False)
    stored = Alias.objects.filter(entity__slug="xi-jinping").order_by("id")
    assert [(a.text, a.kind, a.ambiguous) for a in xi.aliases] == [
        (a.text, a.kind, a.ambiguous) for a in stored
    ]
    assert entities["beijing"].is_capital and entities["beijing"].country == "china"
    assert gazetteer.holders(Office.HEAD_OF_STATE, "china", date(2024, 1, 1)) == ["xi-jinping"]


def test_people_no_editor_verified_stay_out_and_new_aliases_come_last(catalog):
    xi = Entity.objects.get(slug="xi-jinping")
    Alias.objects.create(entity=xi, text="الرئيس شي")
    Entity.objects.create(kind="person", slug="t-unverified", name="شخص مجهول", verified=False)
    entities = _by_slug(build_gazetteer())
    assert "t-unverified" not in entities
    assert entities["xi-jinping"].aliases[-1].text == "الرئيس شي"
