"""Production settings pass Django's deployment checks; every response carries the headers."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_with_no_warning():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="example.com")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "path", ["/", "/timeline/", "/articles/", "/search/?q=x", "/admin/login/", "/api/articles/", "/api/docs/"]
)
def test_every_response_carries_the_policy_and_the_protective_headers(client, catalog, path):
    response = client.get(path)
    assert response.status_code == 200
    assert {d.strip() for d in response["Content-Security-Policy"].split(";")} == POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_carries_an_inline_script_style_or_event_handler():
    pattern = r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+="
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if re.search(pattern, path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_development_keeps_plain_http_and_the_same_policy():
    # The test run is development: HTTPS-only settings follow DEBUG, the policy does not.
    assert settings.SECURE_SSL_REDIRECT is False and settings.SESSION_COOKIE_SECURE is False
    assert "'unsafe-inline'" not in str(settings.CONTENT_SECURITY_POLICY)


def test_production_static_files_collect_with_hashed_names(settings, tmp_path):
    """The production storage (manifest, compressed) accepts the vendored files' source-map comments."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "newsapp.ops.staticfiles.StaticStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/bootstrap/bootstrap.rtl.min.css" in manifest and "api/swagger-ui-page.css" in manifest


def test_production_serves_the_api_as_json_only():
    code = "from django.conf import settings; print(settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES'])"
    result = manage(
        "shell",
        "-c",
        code,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="example.com",
    )
    assert result.stdout.strip().splitlines()[-1] == "['rest_framework.renderers.JSONRenderer']", (
        result.stderr
    )
