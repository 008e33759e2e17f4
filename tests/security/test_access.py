"""Only staff reach the admin and the write API: every admin URL, every write method.

The admin URLs are walked from the admin site itself (every registered model's
changelist, add, change, history and delete, custom views included), so a model
registered later is covered without touching this file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from newsapp.api.urls import router
from newsapp.models import Article, Entity
from tests.api.builders import make_article

pytestmark = pytest.mark.django_db

WRITE_METHODS = ["post", "put", "patch", "delete"]


def admin_paths(object_id: str) -> Iterator[str]:
    """Every admin URL but login/logout, with ``object_id`` for each path parameter."""
    yield "/admin/"
    for name in ["password_change/", "password_change/done/", "autocomplete/", "jsi18n/", "r/1/1/"]:
        yield f"/admin/{name}"
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        yield f"/admin/{meta.app_label}/"
        for pattern in model_admin.get_urls():
            route = re.sub(r"<[^>]+>", object_id, str(pattern.pattern))
            yield f"/admin/{meta.app_label}/{meta.model_name}/{route}"


ADMIN_PATHS = sorted(set(admin_paths("1")))


def table_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed}


@pytest.fixture
def world(db, staff_user, reader_user):
    """One row in each table an admin URL names, so change/delete pages have an object."""
    article = make_article()
    Entity.objects.create(kind="person", slug="someone", name="شخص ما")
    return article


def test_the_admin_walk_covers_every_registered_model():
    models = {m._meta.label for m in admin.site._registry}
    assert {"newsapp.Article", "newsapp.Entity", "newsapp.Meeting", "newsapp.Source", "auth.User"} <= models
    for label in models:
        app_label, model_name = label.lower().split(".")
        for view in ["", "add/", "1/change/", "1/delete/", "1/history/"]:
            assert f"/admin/{app_label}/{model_name}/{view}" in ADMIN_PATHS


@pytest.mark.parametrize("path", ADMIN_PATHS)
@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_anonymous_and_non_staff_users_are_sent_to_the_login_page_from_every_admin_url(
    world, reader_user, path, who
):
    client = Client()
    if who == "reader":
        client.force_login(reader_user)
    before = table_counts()
    for method in ["get", "post"]:
        response = getattr(client, method)(path, {"name": "x", "slug": "x", "kind": "person", "post": "yes"})
        assert response.status_code == 302, (method, path, response.status_code)
        assert response["Location"].startswith("/admin/login/"), (method, path)
    assert table_counts() == before


@pytest.mark.parametrize(
    "model", ["newsapp.article", "newsapp.entity", "newsapp.meeting", "newsapp.source", "auth.user"]
)
def test_staff_without_permissions_are_refused_the_model_pages(world, django_user_model, model):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client = Client()
    client.force_login(clerk)
    app_label, model_name = model.split(".")
    for view in ["", "add/"]:
        assert client.get(f"/admin/{app_label}/{model_name}/{view}").status_code == 403
    assert client.post(f"/admin/{app_label}/{model_name}/add/", {"name": "x"}).status_code == 403


def test_a_superuser_reaches_every_model_page(world, staff_user):
    client = Client()
    client.force_login(staff_user)
    for model in admin.site._registry:
        meta = model._meta
        obj = model.objects.first()
        views = ["", "add/"] + (
            [f"{obj.pk}/change/", f"{obj.pk}/delete/", f"{obj.pk}/history/"] if obj else []
        )
        for view in views:
            path = f"/admin/{meta.app_label}/{meta.model_name}/{view}"
            response = client.get(path)
            # Axes's logs are read-only in the admin: no add page.
            assert response.status_code in ((200, 403) if meta.app_label == "axes" else (200,)), path


# --- The API ----------------------------------------------------------------------


def api_paths(article: Article) -> list[str]:
    paths = ["/api/schema/", "/api/docs/", "/api/meetings.csv", "/api/meetings.ics", "/api/articles.csv"]
    paths += ["/api/feeds/articles.rss", "/api/feeds/articles.atom", "/api/feeds/leaders/someone.rss"]
    paths += ["/api/feeds/leaders/someone.atom", "/api/feeds/leaders/someone/other.rss"]
    paths += ["/api/feeds/leaders/someone/other.atom"]
    detail = {"article": str(article.pk), "entity": "someone", "meeting": "1"}
    for prefix, _viewset, basename in router.registry:
        paths += [f"/api/{prefix}/", f"/api/{prefix}/{detail[basename]}/"]
    return paths


def clients(reader_user) -> dict[str, APIClient]:
    anonymous = APIClient()
    token = APIClient()
    token.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reader_user).key}")
    session = APIClient(enforce_csrf_checks=True)
    session.force_login(reader_user)
    session_without_csrf_check = APIClient()
    session_without_csrf_check.force_login(reader_user)
    return {
        "anonymous": anonymous,
        "token": token,
        "session": session,
        "session*": session_without_csrf_check,
    }


def test_no_write_method_of_any_api_endpoint_is_open_to_anonymous_or_non_staff_clients(world, reader_user):
    payload = {"body": "الرئيس الصيني شي جين بينغ التقى الرئيس الروسي.", "published": "2024-02-09"}
    every_client = clients(reader_user)
    before = table_counts()
    refused = 0
    for who, client in every_client.items():
        for path in api_paths(world):
            for method in WRITE_METHODS:
                response = getattr(client, method)(path, payload, format="json")
                assert response.status_code in (401, 403, 405), (who, method, path, response.status_code)
                if path == "/api/articles/" and method == "post":
                    # The one write there is: refused for who they are, not for the method.
                    assert response.status_code == (401 if who == "anonymous" else 403), who
                refused += 1
    assert table_counts() == before
    assert refused == 4 * len(api_paths(world)) * len(WRITE_METHODS)


def test_staff_can_post_an_article_and_nothing_else(world, staff_user, catalog):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff_user).key}")
    created = client.post(
        "/api/articles/", {"body": "نص خبر قصير عن لقاء.", "published": "2024-02-09"}, format="json"
    )
    assert created.status_code == 201
    for path in api_paths(world):
        for method in ["put", "patch", "delete"]:
            assert getattr(client, method)(path, {}, format="json").status_code == 405, (method, path)


@pytest.mark.parametrize("path", ["/", "/articles/", "/timeline/", "/search/", "/entities/someone/"])
def test_reader_pages_accept_no_write_method(world, path):
    client = Client()
    for method in WRITE_METHODS:
        assert getattr(client, method)(path).status_code == 405, (method, path)
