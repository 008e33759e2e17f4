"""Representations kept in the fragment cache (newsapp/api/representations.py): meetings under
their version, entities under the catalog's version and their counts."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIRequestFactory

from newsapp.api.representations import entity_representations
from newsapp.models import Entity, Mention, Position

from .builders import make_article, make_meeting

pytestmark = pytest.mark.django_db


def get(api, url: str = "/api/meetings/", **extra) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url, **extra)
    assert response.status_code == 200
    return response.json(), len(captured)


def test_the_second_read_serializes_from_the_cache_with_the_same_body(api, people):
    for _ in range(3):
        make_meeting(people["xi"], people["putin"], location=people["china"])
    first, cold = get(api)
    caches["default"].clear()  # the page cache: only the representations stay
    second, warm = get(api)
    assert second == first
    assert warm == cold - 3  # neither the count, participants nor sources read


def test_a_renamed_participant_and_a_new_source_show_at_once(api, people):
    meeting = make_meeting(people["xi"], people["putin"])
    get(api)
    Entity.objects.filter(pk=people["putin"].pk).update(name="فلاديمير بوتن")  # no signal, as in the admin
    make_meeting(people["xi"], people["biden"], article=make_article(title="تقرير آخر"))
    article = make_article(title="مصدر ثانٍ")
    meeting.evidence.create(article=article, sentence="جملة", start=0, end=4)
    caches["default"].clear()
    body, _ = get(api)
    shown = {item["id"]: item for item in body["results"]}[meeting.pk]
    assert [p["name"] for p in shown["participants"]] == ["شي جين بينغ", "فلاديمير بوتن"]
    assert {s["title"] for s in shown["sources"]} >= {"مصدر ثانٍ"}


def test_links_follow_the_host_they_were_asked_on(api, people, settings):
    settings.ALLOWED_HOSTS = ["testserver", "marsad.example"]
    make_meeting(people["xi"], people["putin"])
    here, _ = get(api)
    there, _ = get(api, HTTP_HOST="marsad.example")
    assert here["results"][0]["url"].startswith("http://testserver/")
    assert there["results"][0]["url"].startswith("http://marsad.example/")


def entity(api, country: str) -> dict:
    """The one entity of ``country`` (the test's leaders; the database may hold the real catalog)."""
    body, _ = get(api, f"/api/entities/?country={country}")
    [only] = body["results"]
    return only


def test_entities_are_serialized_once_until_the_catalog_changes(api, people):
    Position.objects.create(person=people["xi"], office="head_of_state", of=people["china"])
    first, cold = get(api, "/api/entities/?country=t-china")
    caches["default"].clear()
    second, warm = get(api, "/api/entities/?country=t-china")
    assert second == first
    assert warm == cold - 2  # neither the entities in full nor their positions read


def test_a_new_alias_a_renamed_country_and_new_counts_show_at_once(api, people):
    entity(api, "t-china"), entity(api, "t-russia")
    people["xi"].aliases.create(text="الرئيس شي")
    Entity.objects.filter(pk=people["china"].pk).update(name="جمهورية الصين الشعبية")  # no signal
    Mention.objects.create(article=make_article(), entity=people["putin"], start=0, end=5, text="بوتين")
    caches["default"].clear()
    xi, putin = entity(api, "t-china"), entity(api, "t-russia")
    assert xi["aliases"] == ["الرئيس شي", "شي جين بينغ"]
    assert xi["country"]["name"] == "جمهورية الصين الشعبية"
    assert putin["articles_count"] == 1


def test_entities_in_the_order_and_filter_asked(api, people):
    make_meeting(people["xi"], people["putin"])
    make_meeting(people["xi"], people["biden"])
    get(api, "/api/entities/?q=t-&page_size=100")  # cached in name order
    body, _ = get(api, "/api/entities/?kind=person&ordering=-meetings_count")
    counts = [item["meetings_count"] for item in body["results"]]
    assert body["results"][0]["slug"] == "t-xi"
    assert counts == sorted(counts, reverse=True)
    assert {item["kind"] for item in body["results"]} == {"person"}


def test_an_entity_deleted_after_its_row_was_read_is_left_out(people):
    context = {"request": APIRequestFactory().get("/api/entities/")}
    gone = Entity.objects.create(kind="person", slug="t-gone", name="محذوف")
    rows = [(people["xi"].pk, 0, 0), (gone.pk, 0, 0)]
    gone.delete()
    assert [item["slug"] for item in entity_representations(rows, context)] == ["t-xi"]
