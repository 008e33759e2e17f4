"""Every reader page answers 200, with data and with an empty database."""

import pytest
from django.urls import reverse

from newsapp.models import Article, Entity, Meeting

pytestmark = pytest.mark.django_db


def page_urls(world) -> list[str]:
    return [
        reverse("home"),
        reverse("article-list"),
        world.articles[0].get_absolute_url(),
        reverse("timeline"),
        reverse("timeline") + "?leader=xi-jinping&leader=vladimir-putin",
        reverse("entity-detail", args=["xi-jinping"]),
        reverse("entity-detail", args=["china"]),
        reverse("entity-detail", args=["g20"]),
        reverse("entity-detail", args=["bali"]),
        reverse("search") + "?q=بوتين",
    ]


def test_every_page_answers_200_in_arabic_right_to_left_with_data(client, world):
    for url in page_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html, url
        assert "<main" in html and "<nav" in html and "<footer" in html, url


def test_every_list_page_answers_200_with_an_empty_database(client, db):
    Meeting.objects.all().delete()
    Article.objects.all().delete()
    Entity.objects.all().delete()
    for name in ("home", "article-list", "timeline", "search"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name


def test_the_empty_timeline_says_there_are_no_meetings_yet(client, catalog):
    html = client.get(reverse("timeline")).content.decode()
    assert "لا توجد لقاءات" in html
    assert "month-chart" not in html


def test_an_entity_with_no_meetings_or_articles_has_a_calm_page(client, catalog):
    response = client.get(reverse("entity-detail", args=["antonio-guterres"]))
    assert response.status_code == 200
    assert "لم يُسجَّل أي لقاء بعد" in response.content.decode()


def test_home_shows_latest_meetings_articles_and_most_active_leaders(client, world):
    html = client.get(reverse("home")).content.decode()
    assert world.articles[-1].title in html
    assert "الأكثر نشاطاً" in html
    assert reverse("entity-detail", args=["xi-jinping"]) in html


def test_rejected_meetings_are_never_shown(client, world):
    rejected = f'id="m-{world.rejected.pk}"'
    for url in page_urls(world):
        assert rejected not in client.get(url).content.decode(), url


def test_planned_meetings_appear_apart_as_upcoming(client, world):
    html = client.get(reverse("timeline")).content.decode()
    upcoming, _, held = html.partition('id="held-title"')
    assert f'id="m-{world.planned.pk}"' in upcoming
    assert f'id="m-{world.planned.pk}"' not in held


def test_the_timeline_groups_meetings_by_year_and_month_with_arabic_dates(client, world):
    html = client.get(reverse("timeline")).content.decode()
    assert '<h3 class="year-heading">2023</h3>' in html
    assert "يناير 2023" in html
    assert "5 يناير 2023" in html


def test_the_charts_draw_every_month_and_dot_and_link_the_dots_of_this_page(client, catalog):
    from .builders import build_world

    meetings = build_world(42).meetings  # 42 held meetings, 23 days apart: two pages of 40
    first_page = client.get(reverse("timeline")).content.decode()
    second_page = client.get(reverse("timeline") + "?page=2").content.decode()

    # 42 meetings over 943 days: 32 months, each with a bar, and a dot each.
    assert first_page.count('<g class="bar">') == 32
    assert first_page.count("<circle ") == second_page.count("<circle ") == 42
    oldest = meetings[0]  # on page 2 (newest first)
    assert f'<a href="#m-{oldest.pk}"><circle' in second_page
    assert f'<a href="#m-{oldest.pk}">' not in first_page
    assert f"<title>{oldest.start_date.isoformat()}</title>" in first_page
    assert first_page.count('<a href="#m-') == 40


def test_each_meeting_links_to_its_source_articles(client, world):
    html = client.get(reverse("timeline")).content.decode()
    for article in world.articles:
        assert article.get_absolute_url() in html


def test_a_pair_of_leaders_shows_their_relationship_with_ordinals(client, world):
    html = client.get(reverse("timeline") + "?leader=xi-jinping&leader=vladimir-putin").content.decode()
    assert "العلاقة في أرقام" in html
    assert "أول تواصل" in html and "أطول انقطاع" in html
    assert "بينهما في 2023" in html


def test_the_entity_page_lists_counterparts_linked_to_the_pair_timeline(client, world):
    html = client.get(reverse("entity-detail", args=["xi-jinping"])).content.decode()
    assert "?leader=xi-jinping&amp;leader=vladimir-putin" in html
    assert 'class="network-graph"' in html
    assert "شي جين بينج" in html  # a spelling


def test_a_summit_page_shows_the_meetings_on_its_sidelines(client, world):
    html = client.get(reverse("entity-detail", args=["g20"])).content.decode()
    sidelines = [m for m in world.meetings if m.kind == "meeting"]
    assert sidelines
    for meeting in sidelines[:3]:
        assert f'id="m-{meeting.pk}"' in html


def test_the_article_page_links_every_mention_and_marks_evidence(client, world):
    article = world.articles[0]
    html = client.get(article.get_absolute_url()).content.decode()
    for mention in article.mentions.select_related("entity"):
        assert f'href="{mention.entity.get_absolute_url()}"' in html
    evidence = article.evidence.get()
    assert f'<mark class="evidence" id="evidence-{evidence.pk}">' in html
