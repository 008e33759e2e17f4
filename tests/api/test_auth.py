import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .builders import make_article

pytestmark = pytest.mark.django_db

ARTICLE = {"body": "نص", "published": "2024-02-09"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "path", ["/api/articles/", "/api/articles/{id}/", "/api/meetings/", "/api/entities/"]
)
def test_anonymous_clients_cannot_write_anything(api, method, path):
    article = make_article()
    response = getattr(api, method)(path.format(id=article.pk), ARTICLE, format="json")
    assert response.status_code in (401, 403, 405)
    assert response.status_code != 405 or method != "post" or path != "/api/articles/"


def test_anonymous_post_of_an_article_asks_for_credentials(api, db):
    response = api.post("/api/articles/", ARTICLE, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_logged_in_reader_who_is_not_staff_cannot_ingest(django_user_model):
    reader = django_user_model.objects.create_user("reader", password="x")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reader).key}")
    response = client.post("/api/articles/", ARTICLE, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "الكتابة متاحة لفريق التحرير فقط."}


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_even_staff_cannot_change_or_delete_through_the_api(staff_api, method):
    article = make_article()
    assert (
        getattr(staff_api, method)(f"/api/articles/{article.pk}/", ARTICLE, format="json").status_code == 405
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"published": "2024-02-09"}, "body"),
        ({"body": "   ", "published": "2024-02-09"}, "body"),
        ({"body": "نص"}, "published"),
        ({"body": "نص", "published": "09/02/2024"}, "published"),
        ({"body": "نص", "published": "2024-02-09", "url": "not a url"}, "url"),
    ],
)
def test_an_invalid_article_is_a_400_naming_the_field(staff_api, payload, field):
    response = staff_api.post("/api/articles/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_anonymous_clients_are_throttled_at_the_configured_rate(api, settings, db):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min"}}
    cache.clear()
    codes = [api.get("/api/meetings/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert "detail" in api.get("/api/meetings/").json()


def test_staff_are_not_throttled(staff_api, settings, db):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/min"}}
    cache.clear()
    assert {staff_api.get("/api/meetings/").status_code for _ in range(3)} == {200}
