"""The real Content-Security-Policy header, in a real browser: no page breaks it.

The browser tests of the reader pages impose a strict policy themselves; here
the policy is the one the server sends (django-csp), and the pages include the
admin (login, index, a change form) and Swagger UI, whose init script and page
style are served as files for it.
"""

from __future__ import annotations

import pytest

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium reports each blocked inline script, style or resource on the console as "Refused to ...".
VIOLATION_WORDS = ("Content Security Policy", "Refused to")


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(locale="ar", service_workers="block")
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(f"{msg.type}: {page.url}: {msg.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {page.url}: {error}"))
    yield page, messages
    context.close()


def violations(messages: list[str]) -> list[str]:
    return [m for m in messages if any(word in m for word in VIOLATION_WORDS)]


def test_reader_pages_admin_and_api_docs_run_under_the_policy_without_a_violation(
    live_server, catalog, staff_user, browser_page
):
    page, messages = browser_page
    for path in ["/", "/timeline/", "/articles/", "/search/?q=بوتين", "/admin/login/"]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy
        assert response.headers["x-frame-options"] == "DENY"
    # Log in through the form (django-axes sees the attempt) and walk the admin.
    page.fill("#id_username", staff_user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    for path in ["/admin/newsapp/entity/", "/admin/newsapp/entity/add/", "/admin/newsapp/meeting/add/"]:
        assert page.goto(live_server.url + path).status == 200, path
    # Swagger UI draws the operations from the schema with its own scripts, all from files.
    assert page.goto(live_server.url + "/api/docs/").status == 200
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() > 3
    assert violations(messages) == []

    # The watch itself works: an injected inline script is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
        " document.body.appendChild(s); }"
    )
    assert page.evaluate("window.injected") is None
    assert violations(messages)
