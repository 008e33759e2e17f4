"""API test helpers: clients, users and small builders for meetings and articles."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from newsapp.models import Entity


@pytest.fixture(autouse=True)
def no_throttling(settings):
    """Tests make many requests from one address; the throttle has its own test."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("editor", password="x", is_staff=True)


@pytest.fixture
def staff_api(staff_user) -> APIClient:
    client = APIClient()
    token = Token.objects.create(user=staff_user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def people(db):
    """Three leaders and their countries, independent of the real catalog."""
    china = Entity.objects.create(kind="country", slug="t-china", name="الصين")
    russia = Entity.objects.create(kind="country", slug="t-russia", name="روسيا")
    usa = Entity.objects.create(kind="country", slug="t-usa", name="الولايات المتحدة")

    def leader(slug, name, country):
        entity = Entity.objects.create(kind="person", slug=slug, name=name, country=country)
        entity.aliases.create(text=name)
        return entity

    return {
        "xi": leader("t-xi", "شي جين بينغ", china),
        "putin": leader("t-putin", "فلاديمير بوتين", russia),
        "biden": leader("t-biden", "جو بايدن", usa),
        "china": china,
        "russia": russia,
        "usa": usa,
    }
