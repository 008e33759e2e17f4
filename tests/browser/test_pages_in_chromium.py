"""Each reader page in a real browser, at phone and desktop widths.

Checks what only a browser can: the page runs right to left, Arabic letters are
joined (shaped) in the vendored font, nothing is fetched from outside
127.0.0.1, the console stays clean, nothing overflows the phone's width, and
the filter form works by clicking. A screenshot of every page at both widths
is saved under ``screenshots/`` (ignored by git).
"""

from __future__ import annotations

import itertools
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest

from newsapp.models import Article, Entity, Meeting
from tests.views.builders import build_world

from .conftest import WIDTHS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Measured in the page: a word drawn as one run, and the same letters drawn one by one.
SHAPING_JS = """(word) => {
  const probe = (text) => {
    const span = document.createElement("span");
    span.textContent = text;
    span.style.whiteSpace = "nowrap";
    document.body.appendChild(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  };
  const joined = probe(word);
  const isolated = [...word].reduce((sum, letter) => sum + probe(letter), 0);
  return {joined, isolated, font: getComputedStyle(document.body).fontFamily};
}"""


@pytest.fixture
def site(transactional_db, catalog, seeds_dir):
    """The seeds through the real pipeline, plus two years of built meetings for the charts."""
    from newsapp.services.ingest import ingest_paths

    ingest_paths([seeds_dir])
    build_world(30, start=date(2023, 1, 5), counter=itertools.count(10_000))
    xi, putin = Entity.objects.get(slug="xi-jinping"), Entity.objects.get(slug="vladimir-putin")
    article = Article.objects.filter(evidence__isnull=False).latest_first().first()
    return {
        "pages": {
            "home": "/",
            "articles": "/articles/",
            "article": article.get_absolute_url(),
            "timeline": "/timeline/",
            "pair": "/timeline/?leader=xi-jinping&leader=vladimir-putin",
            "leader": "/entities/xi-jinping/",
            "country": "/entities/china/",
            "summit": "/entities/sco/",
            "search": "/search/?q=بوتين",
            "bad-filter": "/timeline/?from=yesterday&kind=dinner",
            "not-found": "/entities/no-such-leader/",
        },
        "pair_ids": set(Meeting.objects.visible().held().involving(xi, putin).values_list("id", flat=True)),
    }


def assert_local_and_clean(live_server, recorder):
    host = urlsplit(live_server.url).hostname
    assert host == "127.0.0.1"
    outside = [u for u in recorder.requests if urlsplit(u).scheme != "data" and urlsplit(u).hostname != host]
    assert outside == []
    assert recorder.requests
    expected_errors = [e for e in recorder.errors if "status of 400" in e or "status of 404" in e]
    assert [e for e in recorder.errors if e not in expected_errors] == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_is_right_to_left_shaped_local_clean_and_fits(live_server, site, open_page, width):
    page, recorder = open_page(width)
    for name, path in site["pages"].items():
        response = page.goto(live_server.url + path)
        expected_status = {"bad-filter": 400, "not-found": 404}.get(name, 200)
        assert response.status == expected_status, name
        page.evaluate("document.fonts.ready")
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.get_attribute("html", "lang") == "ar"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", name
        assert page.evaluate("document.fonts.check('16px \"IBM Plex Sans Arabic\"', 'مرصد')"), name
        shaping = page.evaluate(SHAPING_JS, "مستشار")
        assert "IBM Plex Sans Arabic" in shaping["font"]
        assert shaping["joined"] < 0.9 * shaping["isolated"], (name, shaping)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, width, overflow)
        assert page.locator("main h1").first.is_visible(), name
        screenshot(page, name, width)
    assert_local_and_clean(live_server, recorder)


def test_the_timeline_filter_form_narrows_to_a_pair_by_clicking(live_server, site, open_page):
    page, recorder = open_page("desktop")
    page.goto(live_server.url + "/timeline/")
    page.select_option("#f-leader1", "xi-jinping")
    page.select_option("#f-leader2", "vladimir-putin")
    page.click("form.filter-form button[type=submit]")
    page.wait_for_url("**/timeline/?leader=*")
    # Empty selects stay out of the URL, so the link is short and shareable.
    assert parse_qsl(urlsplit(page.url).query) == [("leader", "xi-jinping"), ("leader", "vladimir-putin")]
    assert page.locator("#relationship-title").is_visible()
    shown = {
        int(i.removeprefix("m-"))
        for i in page.eval_on_selector_all(
            "#held-title ~ .year-group article.meeting", "els => els.map(e => e.id)"
        )
    }
    assert shown == site["pair_ids"]
    assert page.locator("text=بينهما في").first.is_visible()
    assert_local_and_clean(live_server, recorder)


def test_the_timeline_filter_form_narrows_by_kind_and_dates_on_a_phone(live_server, site, open_page):
    page, recorder = open_page("phone")
    page.goto(live_server.url + "/timeline/")
    page.select_option("#f-kind", "call")
    page.fill("#f-from", "2023-01-01")
    page.fill("#f-to", "2023-12-31")
    page.click("form.filter-form button[type=submit]")
    page.wait_for_url("**/timeline/?kind=call*")
    assert dict(parse_qsl(urlsplit(page.url).query)) == {
        "kind": "call",
        "from": "2023-01-01",
        "to": "2023-12-31",
    }
    kinds = page.eval_on_selector_all(
        "#held-title ~ .year-group article.meeting", "els => els.map(e => e.className)"
    )
    assert kinds and all("kind-call" in k for k in kinds)
    screenshot(page, "timeline-filtered", "phone")
    assert_local_and_clean(live_server, recorder)


def test_the_article_filter_and_pagination_work_by_clicking(live_server, site, open_page):
    page, recorder = open_page("desktop")
    page.goto(live_server.url + "/articles/")
    page.click("a[rel=next]")
    page.wait_for_url("**/articles/?page=2")
    assert page.locator("text=صفحة 2 من").is_visible()
    page.select_option("#f-leader", "joe-biden")
    page.click("form.filter-form button[type=submit]")
    page.wait_for_url("**/articles/?leader=joe-biden")
    titles = page.locator(".article-item").count()
    assert titles > 0
    assert_local_and_clean(live_server, recorder)


def test_the_phone_menu_opens_and_the_skip_link_reaches_the_content(live_server, site, open_page):
    page, recorder = open_page("phone")
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "تخطَّ إلى المحتوى"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert not page.locator("#site-nav").is_visible()
    page.click(".navbar-toggler")
    page.locator("#site-nav").wait_for(state="visible")
    assert page.locator("#site-nav >> text=الخط الزمني").is_visible()
    assert_local_and_clean(live_server, recorder)


@pytest.fixture
def empty_site(transactional_db):
    Meeting.objects.all().delete()
    Article.objects.all().delete()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_pages_look_right_with_an_empty_database(live_server, empty_site, open_page, width):
    page, recorder = open_page(width)
    empty_says = {"home": "لم يُسجَّل أي لقاء بعد", "timeline": "لا توجد لقاءات", "articles": "لا توجد مقالات"}
    for name, path in {"home": "/", "timeline": "/timeline/", "articles": "/articles/"}.items():
        assert page.goto(live_server.url + path).status == 200
        assert page.get_by_text(empty_says[name]).first.is_visible(), name
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, f"{name}-empty", width)
    assert_local_and_clean(live_server, recorder)
