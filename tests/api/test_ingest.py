"""Staff post articles through the same ingest service as `manage.py ingest`."""

import pytest
from rest_framework.test import APIClient

from newsapp.models import Article, Meeting

pytestmark = pytest.mark.django_db

BODY = (
    "بكين - أجرى الرئيس الصيني شي جين بينغ اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين "
    "يوم الخميس 8 فبراير/شباط، وبحث الجانبان العلاقات الثنائية والأوضاع الدولية."
)


def post(client, **fields):
    payload = {"body": BODY, "published": "2024-02-09", "title": "شي يتصل ببوتين", **fields}
    return client.post("/api/articles/", payload, format="json")


def test_a_staff_token_posts_an_article_that_appears_with_its_extracted_meetings(staff_api, api, catalog):
    response = post(staff_api, source="وكالة الأنباء", url="https://example.com/xi-putin")
    assert response.status_code == 201, response.json()
    created = response.json()
    article = Article.objects.get(pk=created["id"])
    assert response["Location"].endswith(f"/api/articles/{article.pk}/")
    assert created["title"] == "شي يتصل ببوتين"
    assert created["source"]["name"] == "وكالة الأنباء"
    assert created["original_url"] == "https://example.com/xi-putin"
    stored = set(Meeting.objects.filter(evidence__article=article).values_list("pk", flat=True))
    assert {m["meeting"]["id"] for m in created["meetings"]} == stored
    assert stored, "the pipeline reads the call between Xi and Putin"
    [call] = created["meetings"]
    assert call["meeting"]["kind"] == "call"
    assert {p["slug"] for p in call["meeting"]["participants"]} == {"xi-jinping", "vladimir-putin"}
    assert api.get(f"/api/articles/{article.pk}/").json()["meetings"] == created["meetings"]
    listed = api.get("/api/meetings/?leader=xi-jinping&leader=vladimir-putin").json()["results"]
    assert stored <= {m["id"] for m in listed}


def test_posting_the_same_article_again_is_a_200_with_the_stored_article(staff_api, catalog):
    first = post(staff_api)
    again = post(staff_api, title="عنوان آخر")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


def test_an_article_that_is_only_page_junk_is_rejected_with_the_reason(staff_api, catalog):
    response = post(staff_api, body="شاهد أيضاً:\nتعليق (0)\nLoading...")
    assert response.status_code == 400
    assert response.json()["body"][0]
    assert not Article.objects.exists()


def test_a_logged_in_editor_can_post_with_a_session_and_its_csrf_token(staff_user, catalog):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(staff_user)
    assert post(client).status_code == 403  # a session without the CSRF token may not write
    client.get("/api/docs/")  # the Swagger UI page sets the CSRF cookie, as in a browser
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/articles/", {"body": BODY, "published": "2024-02-09"}, format="json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201
