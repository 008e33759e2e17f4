"""The editors' admin: Arabic, right to left, searchable by any spelling, with merge and review actions."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from newsapp.models import Alias, Article, Entity, Meeting, Participation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editor", "editor@example.com", "a-long-password")
    client.force_login(user)
    return client


def test_the_admin_speaks_arabic_right_to_left(editor):
    page = editor.get("/admin/")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode() and 'lang="ar"' in page.content.decode()


def test_a_non_staff_user_cannot_log_in(client):
    User.objects.create_user("reader", password="a-long-password")
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "reader", "password": "a-long-password"}
    )
    assert response.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302


def test_searching_entities_by_a_variant_spelling_finds_the_entity(editor, catalog):
    page = editor.get(reverse("admin:newsapp_entity_changelist"), {"q": "بوتن"})
    assert "فلاديمير بوتين" in page.content.decode()
    page = editor.get(reverse("admin:newsapp_entity_changelist"), {"q": "شي جين بينج"})
    assert "شي جين بينغ" in page.content.decode()


def test_the_merge_action_asks_which_entity_stays_then_merges(editor, person):
    keep = person("keep-me", "شي جين بينغ")
    other = person("drop-me", "شي جينبينغ", verified=False)
    url = reverse("admin:newsapp_entity_changelist")
    selection = {"action": "merge_selected", "_selected_action": [keep.pk, other.pk]}
    ask = editor.post(url, selection)
    assert ask.status_code == 200 and "الكيان الذي يبقى" in ask.content.decode()
    done = editor.post(url, {**selection, "confirm": "1", "target": keep.pk})
    assert done.status_code == 302
    assert list(Entity.objects.filter(slug__in=["keep-me", "drop-me"])) == [keep]
    assert Alias.objects.filter(entity=keep, text="شي جينبينغ").exists()


def test_editors_confirm_and_reject_meetings(editor):
    first = Meeting.objects.create(kind="call", start_date=date(2024, 2, 8))
    second = Meeting.objects.create(kind="visit", start_date=date(2023, 3, 20))
    url = reverse("admin:newsapp_meeting_changelist")
    editor.post(url, {"action": "confirm", "_selected_action": [first.pk]})
    editor.post(url, {"action": "reject", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.review, second.review) == ("confirmed", "rejected")


def make_rows(n: int, offset: int) -> None:
    for i in range(offset, offset + n):
        country = Entity.objects.create(kind="country", slug=f"land-{i}", name=f"بلد {i}")
        a = Entity.objects.create(kind="person", slug=f"p-{i}", name=f"شخص {i}", country=country)
        b = Entity.objects.create(kind="person", slug=f"q-{i}", name=f"آخر {i}", country=country)
        m = Meeting.objects.create(kind="call", start_date=date(2024, 1, 1 + i % 28))
        Participation.objects.bulk_create(
            [Participation(meeting=m, person=a), Participation(meeting=m, person=b)]
        )
        Article.objects.create(title=f"مقال {i}", body="نص", raw_text="نص", content_hash=f"{i:064d}")


@pytest.mark.parametrize("model", ["entity", "meeting", "article"])
def test_list_pages_run_the_same_number_of_queries_at_two_sizes(editor, model, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(f"admin:newsapp_{model}_changelist")
    sizes = []
    for n, offset in ((3, 0), (30, 3)):
        make_rows(n, offset)
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(url).status_code == 200
        sizes.append(len(queries))
    assert sizes[0] == sizes[1]


def test_an_article_shows_its_raw_text_read_only(editor):
    article = Article.objects.create(
        title="مقال", body="نص نظيف", raw_text="Loading... نص", content_hash="f" * 64
    )
    page = editor.get(reverse("admin:newsapp_article_change", args=[article.pk])).content.decode()
    assert "Loading... نص" in page and 'name="raw_text"' not in page


def test_an_editor_changing_a_body_gets_it_read_and_indexed_again(editor, catalog):
    from newsapp.search import search
    from newsapp.services.ingest import ingest_article

    article = ingest_article(body="التقى الرئيس الصيني شي جين بينغ نظيره الروسي بوتين.", title="لقاء").article
    data = {
        "title": "اتصال جديد",
        "source": "",
        "published_on": "2024-02-09",
        "url": "",
        "body": "تحدث الرئيس الأمريكي جو بايدن هاتفياً مع أردوغان أمس.",
    }
    response = editor.post(reverse("admin:newsapp_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert set(article.mentions.values_list("entity__slug", flat=True)) >= {
        "joe-biden",
        "recep-tayyip-erdogan",
    }
    assert not article.mentions.filter(entity__slug="xi-jinping").exists()
    assert [a.pk for a in search("أردوغان")[0:10]] == [article.pk]
