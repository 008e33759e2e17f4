"""Drive Debian's Chromium with Playwright against pytest-django's live server.

Nothing is downloaded: Chromium comes from Debian (``make test`` installs it),
Playwright's own browser download is never used. The server listens on
127.0.0.1 and every request the page makes is recorded, so a test can prove
nothing leaves the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# pytest-django's live server reads this once, when it starts.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Recorder:
    """Every request and every console error of the pages opened in one browser context."""

    def __init__(self):
        self.requests: list[str] = []
        self.errors: list[str] = []

    def watch(self, page):
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"{page.url}: {msg.text}"))
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page


@pytest.fixture
def chromium():
    """A headless Chromium.

    Playwright's sync API runs an event loop in this thread, and Django refuses
    ORM calls while one runs: tests list their data fixtures *before*
    ``open_page`` so the data is written before the browser starts.
    """
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium is missing: run `make test` (it installs Debian's chromium) or apt-get install chromium"
        )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# The policy a later issue will send: the pages must already live with it (no
# inline script or style). Bootstrap's CSS draws a few icons from data: URLs.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def _with_strict_csp(route):
    from playwright.sync_api import Error

    try:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})
    except Error:
        # A request still in flight when the test closed its page (a click that
        # navigates as the test ends): nobody will read the answer.
        pass


@pytest.fixture
def open_page(chromium):
    """open_page(width_name) → (page, recorder) in a fresh context at that viewport, under a strict CSP."""
    contexts = []

    def make(width: str):
        w, h = WIDTHS[width]
        context = chromium.new_context(
            viewport={"width": w, "height": h}, locale="ar", service_workers="block"
        )
        context.route("**/*", _with_strict_csp)
        contexts.append(context)
        recorder = Recorder()
        return recorder.watch(context.new_page()), recorder

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name: str, width: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
