from datetime import date

import pytest

from newsapp.models import Meeting, Mention

from .builders import ids, make_article, make_meeting, make_source

pytestmark = pytest.mark.django_db


def test_the_article_list_leaves_out_the_bodies(api, db):
    source = make_source()
    article = make_article(title="قمة في بكين", source=source, url="https://example.com/1")
    [item] = api.get("/api/articles/").json()["results"]
    assert item == {
        "id": article.pk,
        "url": f"http://testserver/api/articles/{article.pk}/",
        "title": "قمة في بكين",
        "published": "2024-02-09",
        "source": {"id": source.pk, "name": "وكالة الأنباء", "url": "https://example.com"},
        "original_url": "https://example.com/1",
    }


def test_an_article_shows_its_body_mentions_with_offsets_and_the_meetings_it_reports(api, people):
    body = "التقى شي جين بينغ بفلاديمير بوتين في موسكو."
    article = make_article(body=body)
    Mention.objects.create(article=article, entity=people["xi"], start=6, end=17, text=body[6:17])
    meeting = make_meeting(people["xi"], people["putin"], kind="meeting", article=article)
    detail = api.get(f"/api/articles/{article.pk}/").json()
    assert detail["body"] == body
    assert detail["mentions"] == [
        {
            "entity": {"slug": "t-xi", "name": "شي جين بينغ", "kind": "person"},
            "start": 6,
            "end": 17,
            "text": "شي جين بينغ",
        }
    ]
    [reported] = detail["meetings"]
    assert reported["meeting"]["id"] == meeting.pk
    assert reported["meeting"]["kind"] == "meeting"
    assert [p["slug"] for p in reported["meeting"]["participants"]] == ["t-xi", "t-putin"]
    assert reported["evidence"].startswith("وبحث")
    assert (reported["start"], reported["end"]) == (0, len(reported["evidence"]))


def test_an_article_does_not_report_rejected_meetings_to_anonymous_clients(api, staff_api, people):
    article = make_article()
    make_meeting(people["xi"], people["putin"], article=article, review=Meeting.Review.REJECTED)
    assert api.get(f"/api/articles/{article.pk}/").json()["meetings"] == []
    assert len(staff_api.get(f"/api/articles/{article.pk}/").json()["meetings"]) == 1


def test_articles_filter_by_leader_source_and_publication_dates(api, people):
    source = make_source()
    both = make_article(published_on=date(2024, 1, 10), source=source)
    only_xi = make_article(published_on=date(2023, 5, 1))
    for article, entities in ((both, ("xi", "putin")), (only_xi, ("xi",))):
        for start, key in enumerate(entities):
            Mention.objects.create(article=article, entity=people[key], start=start, end=start + 1, text="x")
    assert ids(api.get("/api/articles/?leader=t-xi&leader=t-putin")) == [both.pk]
    assert ids(api.get("/api/articles/?leader=t-xi")) == [both.pk, only_xi.pk]
    assert ids(api.get(f"/api/articles/?source={source.pk}")) == [both.pk]
    assert ids(api.get("/api/articles/?from=2024-01-01&to=2024-12-31")) == [both.pk]
    assert ids(api.get("/api/articles/?ordering=published")) == [only_xi.pk, both.pk]


def test_unknown_articles_are_404_and_bad_filters_400(api, db):
    assert api.get("/api/articles/424242/").status_code == 404
    response = api.get("/api/articles/?from=2024-02-30")
    assert response.status_code == 400
    assert list(response.json()) == ["from"]
