"""Meeting cards kept under the meeting's version: reused while nothing they show changed, rebuilt after any change.

The changes are made the way the ingest and the admin make them, many with
``QuerySet.update`` or bulk writes that send no signal: PostgreSQL's triggers
(migration 0007) must move the version for each.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsapp.models import Article, Entity, Evidence, Meeting, Participation, Source
from newsapp.templatetags.rendering import meeting_card
from newsapp.views.cards import prepare_cards

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(catalog):
    """Xi and Putin on the phone, in Beijing, reported by one article."""
    source = Source.objects.create(name="مصدر")
    article = Article.objects.create(
        title="اتصال بين الرئيسين",
        body="نص",
        source=source,
        published_on=date(2024, 5, 2),
        content_hash="a" * 64,
    )
    meeting = Meeting.objects.create(
        kind="call", start_date=date(2024, 5, 1), location=Entity.objects.get(slug="beijing")
    )
    for slug in ("xi-jinping", "vladimir-putin"):
        Participation.objects.create(meeting=meeting, person=Entity.objects.get(slug=slug))
    Evidence.objects.create(meeting=meeting, article=article, sentence="جملة", start=0, end=4)
    return meeting


def card(meeting: Meeting) -> str:
    """The card as a page gets it: the meeting's row read again, people and sources as needed."""
    fresh = Meeting.objects.select_related("location", "occasion").get(pk=meeting.pk)
    return prepare_cards([fresh], show_sources=True)[0].card_html


def test_a_card_in_the_cache_costs_no_query_and_is_the_same_card(call):
    built = card(call)
    fresh = list(Meeting.objects.select_related("location", "occasion").filter(pk=call.pk))
    with CaptureQueriesContext(connection) as captured:
        [meeting] = prepare_cards(fresh, show_sources=True)
    assert len(captured) == 0
    assert meeting.card_html == built
    assert "فلاديمير بوتين" in built and "اتصال بين الرئيسين" in built


def test_cold_cards_cost_two_queries_whatever_their_number(call):
    fresh = list(Meeting.objects.select_related("location", "occasion"))
    with CaptureQueriesContext(connection) as captured:
        prepare_cards(fresh, show_sources=True)
    assert len(captured) == 2  # participants with their people, sources


def test_a_card_without_sources_is_kept_apart_from_the_one_with_them(call):
    with_sources = card(call)
    fresh = Meeting.objects.select_related("location", "occasion").get(pk=call.pk)
    [without] = prepare_cards([fresh], show_sources=False)
    assert "meeting-sources" in with_sources
    assert "meeting-sources" not in without.card_html


def _new_source(meeting):
    article = Article.objects.create(title="تقرير ثانٍ عن الاتصال", body="نص", content_hash="b" * 64)
    Evidence.objects.bulk_create(
        [Evidence(meeting=meeting, article=article, sentence="جملة", start=0, end=4)]
    )
    return "تقرير ثانٍ عن الاتصال"


def _retitled_article(meeting):
    Article.objects.filter(evidence__meeting=meeting).update(title="عنوان مصحح")
    return "عنوان مصحح"


def _renamed_person(meeting):
    Entity.objects.filter(slug="vladimir-putin").update(name="فلاديمير بوتن")
    return "فلاديمير بوتن"


def _renamed_place(meeting):
    Entity.objects.filter(slug="beijing").update(name="العاصمة بكين")
    return "العاصمة بكين"


def _new_participant(meeting):
    Participation.objects.create(meeting=meeting, person=Entity.objects.get(slug="joe-biden"))
    return "جو بايدن"


def _role_set(meeting):
    meeting.participations.filter(person__slug="xi-jinping").update(role="host")
    return "(مضيف)"


def _confirmed_by_an_editor(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(review="confirmed")  # the admin action's way
    return "مؤكَّد"


def _date_corrected(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(start_date=date(2024, 5, 3))
    return "3 مايو 2024"


@pytest.mark.parametrize(
    "change",
    [
        _new_source,
        _retitled_article,
        _renamed_person,
        _renamed_place,
        _new_participant,
        _role_set,
        _confirmed_by_an_editor,
        _date_corrected,
    ],
)
def test_every_change_a_card_shows_gives_a_new_card(call, change):
    before = card(call)
    expected = change(call)
    after = card(call)
    assert expected not in before
    assert expected in after


@pytest.mark.parametrize("removed", ["participant", "source", "place"])
def test_removals_give_a_new_card(call, removed):
    before = card(call)
    if removed == "participant":
        Participation.objects.filter(meeting=call, person__slug="vladimir-putin").delete()
        gone = "فلاديمير بوتين"
    elif removed == "source":
        Article.objects.filter(evidence__meeting=call).delete()
        gone = "اتصال بين الرئيسين"
    else:
        Entity.objects.filter(slug="beijing").delete()  # the meeting's place is set to NULL
        gone = "بكين"
    assert gone in before
    assert gone not in card(call)


def test_a_write_to_another_meeting_keeps_this_card(call):
    card(call)
    other = Meeting.objects.create(kind="meeting", start_date=date(2024, 6, 1))
    Participation.objects.create(meeting=other, person=Entity.objects.get(slug="joe-biden"))
    Article.objects.filter(pk=call.evidence.get().article_id).update(analyzed_at=timezone.now())
    fresh = list(Meeting.objects.select_related("location", "occasion").filter(pk=call.pk))
    with CaptureQueriesContext(connection) as captured:
        prepare_cards(fresh, show_sources=True)
    assert len(captured) == 0


def test_with_no_fragment_cache_cards_are_built_every_time(call, settings):
    """The benchmark's cold mode (``MARSAD_CACHE_URL=dummy://``)."""
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    first = card(call)
    fresh = list(Meeting.objects.select_related("location", "occasion").filter(pk=call.pk))
    with CaptureQueriesContext(connection) as captured:
        [again] = prepare_cards(fresh, show_sources=True)
    assert again.card_html == first
    assert len(captured) == 2


def test_a_card_of_rows_is_the_card_of_model_instances(call):
    """``prepare_cards`` reads people as rows; search and the article page pass ``with_people()``
    instances to ``{% meeting_card %}``: both give the same card, roles and order included."""
    call.participations.filter(person__slug="xi-jinping").update(role="host")
    Participation.objects.create(meeting=call, person=Entity.objects.get(slug="joe-biden"), role="visitor")
    from_rows = prepare_cards([Meeting.objects.select_related("location", "occasion").get(pk=call.pk)])[0]
    from_instances = meeting_card(Meeting.objects.with_people().get(pk=call.pk))
    assert from_rows.card_html == from_instances
    assert from_instances.index("شي جين بينغ") < from_instances.index("جو بايدن")
    assert "(مضيف)" in from_instances and "(زائر)" in from_instances
