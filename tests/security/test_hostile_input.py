"""Hostile text is stored as given (or refused with a reason) and always shown escaped.

Markup, scripts, bidi controls, invisible joiners, astral and combining
characters and a 1 MB line go through the real ingest, then out through the
reader pages, the admin and the API. NUL and lone surrogates cannot live in a
PostgreSQL ``text`` column: they are refused with a reason naming the
character, in the service, the API and the command alike.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from newsapp.models import Article, Entity, Meeting, Participation
from newsapp.services.ingest import Outcome, ingest_article

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
IMG = "<img src=x onerror=alert(1)>"
BIDI = "\u202eتوقيع\u202c \u2066معزول\u2069 \u200fعلامة\u200e"
ODD = "ز\u200dو\u200cج \U0001f600 ه\u0651\u0651\u0651\u064b\u064b ﷲ \ufeff"
SENTENCE = "التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين في موسكو يوم 8 فبراير 2024."
HUGE_LINE = " ".join(["كلمة"] * 110_000)  # one line of ~1 MB, under the 2 MiB limit

HOSTILE_TITLES = {
    "markup": f"{SCRIPT} عنوان {IMG}",
    "bidi": f"عنوان {BIDI}",
    "odd": f"عنوان {ODD}",
}
HOSTILE_BODIES = {
    "markup": f"{SENTENCE}\n{SCRIPT}\n{IMG} & <b>نص</b>",
    "bidi": f"{SENTENCE}\n{BIDI}",
    "odd": f"{SENTENCE}\n{ODD}",
    "huge-line": f"{SENTENCE}\n{HUGE_LINE}",
}


@pytest.mark.parametrize("kind", list(HOSTILE_BODIES))
def test_hostile_bodies_and_titles_are_stored_as_given(catalog, kind):
    title = HOSTILE_TITLES.get(kind, "عنوان")
    body = HOSTILE_BODIES[kind]
    result = ingest_article(body=body, title=title, published_on=date(2024, 2, 9), source=f"مصدر {IMG}")
    assert result.outcome == Outcome.CREATED, result.reason
    stored = Article.objects.get(pk=result.article.pk)
    assert stored.raw_text == body
    assert stored.title == title
    assert stored.source.name == f"مصدر {IMG}"
    # raw_text is exactly what came; the cleaned body keeps the text itself (clean_text trims
    # only direction marks at the edges of a line): markup is words to it, not junk.
    for marker in [SCRIPT, IMG, "\u2066معزول\u2069", "ز\u200dو\u200cج \U0001f600", HUGE_LINE[:1000]]:
        if marker in body:
            assert marker in stored.body


UNSTORABLE = {"nul": ("\x00", "U+0000"), "surrogate": ("\ud83d", "U+D83D")}


@pytest.mark.parametrize("field", ["body", "title", "source", "url"])
@pytest.mark.parametrize("what", list(UNSTORABLE))
def test_nul_and_lone_surrogates_are_refused_with_a_reason_naming_them(catalog, field, what):
    char, code = UNSTORABLE[what]
    fields = {"body": SENTENCE, "title": "عنوان", "source": "مصدر", "url": "https://example.com/a"}
    fields[field] = fields[field][:5] + char + fields[field][5:]
    result = ingest_article(**fields, published_on=date(2024, 2, 9))
    assert result.outcome == Outcome.REJECTED
    assert code in result.reason and field in result.reason
    assert not Article.objects.exists()


@pytest.mark.parametrize("what", list(UNSTORABLE))
def test_the_api_refuses_them_with_a_400_and_the_reason(catalog, staff_user, what):
    char, code = UNSTORABLE[what]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff_user).key}")
    for field in ["body", "title"]:
        payload = {"body": SENTENCE, "title": "عنوان", "published": "2024-02-09", field: f"نص {char} نص"}
        # json.dumps escapes a lone surrogate as \\ud83d, exactly what a hostile client sends.
        response = client.post("/api/articles/", json.dumps(payload), content_type="application/json")
        assert response.status_code == 400, (field, response.content)
        assert "body" in response.json() or field in response.json()
    assert not Article.objects.exists()


def test_the_ingest_command_names_them_and_goes_on(catalog, tmp_path, capsys):
    rows = [
        {"title": "سليم", "body": SENTENCE, "published": "2024-02-09"},
        {"title": "مع NUL", "body": "نص\x00" + SENTENCE, "published": "2024-02-09"},
        {"title": "مع بديل", "body": "نص\ud800" + SENTENCE + " آخر", "published": "2024-02-09"},
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with pytest.raises(SystemExit):
        call_command("ingest", str(tmp_path))
    err = capsys.readouterr().err
    assert "U+0000" in err and "U+D800" in err
    assert list(Article.objects.values_list("title", flat=True)) == ["سليم"]


# --- Shown escaped everywhere ---------------------------------------------------------


@pytest.fixture
def hostile_world(catalog):
    title = HOSTILE_TITLES["markup"] + BIDI
    result = ingest_article(
        body=HOSTILE_BODIES["markup"], title=title, published_on=date(2024, 2, 9), source=f"مصدر {IMG}"
    )
    assert result.outcome == Outcome.CREATED, result.reason
    hostile = Entity.objects.create(kind="person", slug="hostile", name=f"{SCRIPT}{BIDI}", name_en=IMG)
    hostile.aliases.create(text=f"{IMG}اسم")
    meeting = Meeting.objects.create(kind="call", start_date=date(2024, 2, 8), location=None)
    Participation.objects.create(meeting=meeting, person=hostile)
    Participation.objects.create(meeting=meeting, person=Entity.objects.get(slug="vladimir-putin"))
    return {"article": result.article, "entity": hostile}


def assert_escaped(html: str, where: str) -> None:
    for raw in [SCRIPT, "<img src=x", "<b>نص</b>"]:
        assert raw not in html, (where, raw)


def test_reader_pages_show_hostile_text_escaped(client, hostile_world):
    article = hostile_world["article"]
    pages = [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/timeline/",
        "/entities/hostile/",
        "/entities/vladimir-putin/",
        "/search/?q=" + "عنوان",
        "/search/?q=" + SCRIPT,
        "/timeline/?from=" + SCRIPT,
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code in (200, 400), path
        html = response.content.decode()
        assert_escaped(html, path)
    detail = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in detail
    assert "\u202eتوقيع\u202c" in detail  # the characters are shown, as text
    assert "&lt;script&gt;" in client.get("/entities/hostile/").content.decode()


def test_the_admin_shows_hostile_text_escaped(hostile_world, staff_user):
    client = Client()
    client.force_login(staff_user)
    article, entity = hostile_world["article"], hostile_world["entity"]
    for path in [
        "/admin/newsapp/article/",
        f"/admin/newsapp/article/{article.pk}/change/",
        f"/admin/newsapp/article/{article.pk}/delete/",
        "/admin/newsapp/entity/",
        "/admin/newsapp/entity/?q=اسم",
        f"/admin/newsapp/entity/{entity.pk}/change/",
        "/admin/newsapp/source/",
        "/admin/newsapp/meeting/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_escaped(response.content.decode(), path)


def test_the_api_returns_hostile_text_as_exact_json_strings(api_client_plain, hostile_world):
    article = hostile_world["article"]
    detail = api_client_plain.get(f"/api/articles/{article.pk}/")
    assert detail["Content-Type"].startswith("application/json")
    assert detail.json()["title"] == article.title
    assert detail.json()["body"] == article.body
    entity = api_client_plain.get("/api/entities/hostile/").json()
    assert entity["name"] == f"{SCRIPT}{BIDI}"
    listing = api_client_plain.get("/api/articles/").json()
    assert article.title in [a["title"] for a in listing["results"]]


@pytest.fixture
def api_client_plain() -> APIClient:
    return APIClient()


BLOB = "data:image/png;base64," + "QUJD" * 2000  # one 8 KB "word", as scraped pages carry
DISTINCT_WORDS = " ".join(f"كلمة{n}" for n in range(90_000))  # ~1 MB of words that all differ


@pytest.mark.parametrize("tail", [BLOB, DISTINCT_WORDS], ids=["8kb-word", "1mb-distinct-words"])
def test_huge_words_and_huge_vocabularies_are_stored_and_found(catalog, client, tail):
    body = f"{SENTENCE}\n{tail}\nنهاية الخبر."
    result = ingest_article(body=body, title="عنوان طويل", published_on=date(2024, 2, 9))
    assert result.outcome == Outcome.CREATED, result.reason
    assert Article.objects.get(pk=result.article.pk).raw_text == body
    assert client.get("/search/?q=بوتين").status_code == 200
