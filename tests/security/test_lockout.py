"""Repeated failed logins lock out (django-axes), and a locked-out user stays out."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def attempt(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def fail(client: Client, username: str, times: int) -> None:
    for _ in range(times):
        assert attempt(client, username, "wrong-password").status_code == 200  # the form, with an error


def lock_out(client: Client, username: str) -> None:
    fail(client, username, settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, username, "wrong-password").status_code == 429


def test_the_limit_and_cool_off_come_from_the_settings():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert "axes.backends.AxesStandaloneBackend" in settings.AUTHENTICATION_BACKENDS
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE


def test_five_failures_lock_the_editor_out_even_with_the_right_password(staff_user):
    client = Client()
    fail(client, "editor", settings.AXES_FAILURE_LIMIT - 1)
    # The fifth failure is the one that locks.
    assert attempt(client, "editor", "wrong-password").status_code == 429
    response = attempt(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "الحساب مغلق" in response.content.decode()  # axes's own Arabic message
    assert not logged_in(client)
    assert AccessAttempt.objects.get(username="editor").failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_fewer_failures_than_the_limit_still_let_the_editor_in_and_reset_the_count(staff_user):
    client = Client()
    fail(client, "editor", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "editor", PASSWORD).status_code == 302
    assert logged_in(client)
    assert not AccessAttempt.objects.filter(username="editor").exists()


def test_the_lockout_is_per_user_and_address(staff_user):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    lock_out(attacker, "editor")
    assert attempt(attacker, "editor", PASSWORD).status_code == 429
    # The real editor, from another address, is not locked out by someone else's guesses.
    editor = Client(REMOTE_ADDR="198.51.100.7")
    assert attempt(editor, "editor", PASSWORD).status_code == 302
    assert logged_in(editor)


def test_the_lockout_ends_after_the_cool_off(staff_user):
    client = Client()
    lock_out(client, "editor")
    assert attempt(client, "editor", PASSWORD).status_code == 429
    # Move the failures back in time past the cool-off instead of waiting 30 minutes.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    )
    assert attempt(client, "editor", PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_configured_lower_limit_applies(staff_user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client()
    fail(client, "editor", 1)
    assert attempt(client, "editor", "wrong-password").status_code == 429


def test_unknown_user_names_are_counted_too():
    client = Client()
    fail(client, "nobody", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "nobody", "guess").status_code == 429


def test_force_login_and_api_tokens_do_not_go_through_the_lockout(staff_user):
    """Tokens are separate credentials (revoked in the admin); the lockout guards password guessing."""
    lock_out(Client(), "editor")
    session = Client()
    session.force_login(staff_user)
    assert logged_in(session)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff_user).key}")
    assert api.post("/api/articles/", {"body": ""}, format="json").status_code == 400
