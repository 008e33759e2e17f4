"""Fixtures of the security tests; the headless Chromium comes from the browser tests."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import chromium  # noqa: F401 (a fixture, used by name)

# pytest-django's live server reads this once, when it starts.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

PASSWORD = "a-long-and-secret-password"  # noqa: S105 (test users only)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The login tests hash real passwords; the default hasher's 1M rounds would dominate them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def reader_user(django_user_model):
    """Logged in, but not staff."""
    return django_user_model.objects.create_user("reader", password=PASSWORD)
