"""Meetings' representations kept under the meeting's version (newsapp/api/representations.py)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsapp.models import Entity

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
