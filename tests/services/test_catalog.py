from datetime import date

import pytest

from newsapp.models import Alias, Article, Entity, Meeting, Mention, Participation, Position
from newsapp.services.catalog import load_catalog, merge_entities
from tests.conftest import CATALOG

pytestmark = pytest.mark.django_db


def test_loading_the_catalog_again_changes_nothing(catalog):
    before = (Entity.objects.count(), Alias.objects.count(), Position.objects.count())
    loaded = load_catalog(CATALOG)
    assert loaded.aliases_added == 0
    assert (Entity.objects.count(), Alias.objects.count(), Position.objects.count()) == before


def test_an_editors_alias_survives_a_reload(catalog):
    putin = Entity.objects.get(slug="vladimir-putin")
    Alias.objects.create(entity=putin, text="فلاديمير فلاديميروفيتش")
    load_catalog(CATALOG)
    assert putin.aliases.filter(text="فلاديمير فلاديميروفيتش").exists()


def test_the_catalog_knows_who_was_president_when(catalog):
    biden = Position.objects.get(person__slug="joe-biden", office="head_of_state", of__slug="united-states")
    assert biden.held_on(date(2024, 4, 2)) and not biden.held_on(date(2025, 3, 1))


def test_merging_keeps_one_entity_with_both_names_and_everything_that_pointed_at_either(person):
    xi = person("xi-test", "شي جين بينغ")
    Alias.objects.create(entity=xi, text="شي جين بينغ")
    copy = person("xi-copy", "شي جينبينغ", verified=False)
    putin = person("putin-test", "بوتين")
    article = Article.objects.create(title="ع", body="شي جينبينغ وبوتين", raw_text="-", content_hash="e" * 64)
    Mention.objects.create(article=article, entity=copy, start=0, end=10, text="شي جينبينغ")
    both = Meeting.objects.create(kind="call", start_date=date(2024, 2, 8))
    Participation.objects.bulk_create(
        [
            Participation(meeting=both, person=xi),
            Participation(meeting=both, person=copy),
            Participation(meeting=both, person=putin),
        ]
    )
    only_copy = Meeting.objects.create(kind="video", start_date=date(2025, 1, 21))
    Participation.objects.bulk_create(
        [Participation(meeting=only_copy, person=copy), Participation(meeting=only_copy, person=putin)]
    )

    merge_entities(xi, [copy])

    assert not Entity.objects.filter(pk=copy.pk).exists()
    assert set(xi.aliases.values_list("text", flat=True)) >= {"شي جين بينغ", "شي جينبينغ"}
    assert Mention.objects.get().entity == xi
    assert set(Meeting.objects.involving(xi)) == {both, only_copy}
    assert both.participations.count() == 2


def test_merging_two_copies_that_met_in_one_meeting_leaves_one_participation(person):
    xi = person("xi-test", "شي جين بينغ")
    first, second = person("xi-copy-1", "شي جينبينغ"), person("xi-copy-2", "شي جين بينج")
    putin = person("putin-test", "بوتين")
    meeting = Meeting.objects.create(kind="call", start_date=date(2024, 2, 8))
    Participation.objects.bulk_create(
        [Participation(meeting=meeting, person=p, role="participant") for p in (first, second, putin)]
    )

    merge_entities(xi, [first, second])

    assert sorted(meeting.participations.values_list("person__slug", flat=True)) == ["putin-test", "xi-test"]


def test_a_reload_applies_the_files_view_of_how_a_spelling_may_be_used(catalog):
    xi_short = Alias.objects.get(entity__slug="xi-jinping", key="شي")
    xi_short.kind = Alias.Kind.NAME
    xi_short.save(update_fields=["kind"])
    load_catalog(CATALOG)
    xi_short.refresh_from_db()
    assert xi_short.kind == Alias.Kind.SHORT
