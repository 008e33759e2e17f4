"""Anonymous readers get cached pages; any change to the data shows at once; staff never see a cached page."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsapp.caching import bump_generation, current_generation
from newsapp.models import Article, Meeting
from newsapp.services.ingest import ingest_article
from tests.views.builders import build_world

pytestmark = pytest.mark.django_db

READER_PAGES = ["/", "/articles/", "/timeline/", "/entities/xi-jinping/", "/api/meetings/", "/api/articles/"]
NEW_BODY = "أجرى الرئيس الصيني شي جين بينغ اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين أمس.\nوبحث الجانبان العلاقات."


@pytest.fixture
def world(catalog):
    return build_world(6)


def queries(client, path: str, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    return response, len(captured.captured_queries)


@pytest.mark.parametrize("path", READER_PAGES)
def test_a_cached_page_is_served_without_queries_the_second_time(client, world, path):
    first, rendering = queries(client, path)
    second, serving = queries(client, path)
    assert first.status_code == second.status_code == 200
    assert rendering > 0 and serving == 0
    assert second.content == first.content


def test_the_query_string_is_part_of_the_key(client, world):
    everything, _ = queries(client, "/timeline/")
    filtered, count = queries(client, "/timeline/?kind=call")
    assert count > 0 and filtered.content != everything.content


def test_an_ingested_article_shows_at_once(client, world):
    client.get("/articles/")
    result = ingest_article(body=NEW_BODY, title="عنوان جديد تماماً", published_on=date(2030, 1, 2))
    assert result.article is not None
    response, count = queries(client, "/articles/")
    assert count > 0
    assert "عنوان جديد تماماً" in response.content.decode()


def test_the_generation_changes_again_after_the_commit(world, django_capture_on_commit_callbacks):
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Article.objects.filter(pk=world.articles[0].pk).first().save(update_fields=["title"])
    assert callbacks, "a bump waits for the commit"
    assert current_generation() != before


def test_an_admin_edit_shows_at_once(client, admin_client, world):
    article = world.articles[0]
    assert article.title in client.get("/articles/").content.decode()
    response = admin_client.post(
        f"/admin/newsapp/article/{article.pk}/change/",
        {
            "title": "عنوان عدّله المحرر",
            "source": article.source_id,
            "published_on": article.published_on.isoformat(),
            "url": "",
            "body": article.body,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    page = client.get("/articles/").content.decode()
    assert "عنوان عدّله المحرر" in page


def test_an_admin_action_without_signals_still_invalidates(client, admin_client, world):
    """The admin's reject action uses QuerySet.update(): the write middleware bumps the generation."""
    meeting = world.meetings[0]
    first = client.get("/api/meetings/?page_size=100").json()
    assert meeting.pk in {m["id"] for m in first["results"]}
    response = admin_client.post(
        "/admin/newsapp/meeting/", {"action": "reject", "_selected_action": [meeting.pk]}
    )
    assert response.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).review == "rejected"
    second = client.get("/api/meetings/?page_size=100").json()
    assert meeting.pk not in {m["id"] for m in second["results"]}


@pytest.mark.parametrize("path", ["/timeline/", "/api/meetings/"])
def test_staff_are_never_served_cached_pages(client, admin_client, world, path):
    client.get(path)  # cached for anonymous readers
    response, count = queries(admin_client, path)
    assert response.status_code == 200 and count > 0
    assert "ETag" not in response
    assert "private" in response["Cache-Control"]


def test_api_tokens_bypass_the_cache(client, world, admin_user):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=admin_user)
    client.get("/api/meetings/")
    _, count = queries(client, "/api/meetings/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert count > 0


@pytest.mark.parametrize("path", ["/timeline/", "/api/meetings/"])
def test_a_known_etag_gets_a_304(client, world, path):
    first = client.get(path)
    assert first["ETag"] and first["Last-Modified"]
    again, count = queries(client, path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and count == 0
    bump_generation()
    changed = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_errors_are_not_cached(client, world):
    assert client.get("/timeline/?leader=nobody-at-all").status_code == 400
    response, count = queries(client, "/timeline/?leader=nobody-at-all")
    assert response.status_code == 400 and count > 0


def test_healthz_is_the_baseline_without_queries(client, db):
    response, count = queries(client, "/healthz/")
    assert response.status_code == 200 and response.content == b"ok" and count == 0
