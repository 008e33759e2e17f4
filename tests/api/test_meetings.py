from datetime import date

import pytest

from newsapp.models import Meeting

from .builders import ids, make_article, make_meeting, make_source

pytestmark = pytest.mark.django_db


def test_a_meeting_has_the_analyze_field_names_plus_id_sources_and_review(api, people):
    article = make_article(title="اتصال هاتفي", url="https://example.com/a")
    meeting = make_meeting(people["xi"], people["putin"], article=article, location=people["china"])
    item = api.get("/api/meetings/").json()["results"][0]
    assert item["id"] == meeting.pk
    assert {"kind", "date", "date_end", "precision", "status", "participants", "location", "occasion"} <= set(
        item
    )
    assert (item["kind"], item["date"], item["date_end"], item["precision"]) == (
        "call",
        "2024-02-08",
        None,
        "day",
    )
    assert (item["status"], item["review"]) == ("held", "suggested")
    assert [p["slug"] for p in item["participants"]] == ["t-xi", "t-putin"]
    assert item["participants"][0] == {
        "slug": "t-xi",
        "name": "شي جين بينغ",
        "role": "participant",
        "verified": True,
    }
    assert item["location"] == {"slug": "t-china", "name": "الصين"}
    assert item["occasion"] is None
    [source] = item["sources"]
    assert source["article"] == article.pk
    assert source["url"].endswith(f"/api/articles/{article.pk}/")
    assert source["original_url"] == "https://example.com/a"
    assert source["title"] == "اتصال هاتفي"
    assert source["evidence"].startswith("وبحث شي جين بينغ")


def test_arabic_is_sent_as_utf8_not_as_unicode_escapes(api, people):
    make_meeting(people["xi"], people["putin"])
    response = api.get("/api/meetings/")
    assert "فلاديمير بوتين".encode() in response.content
    assert b"\\u" not in response.content


def test_a_pair_of_leaders_gives_exactly_the_meetings_with_both(api, people):
    xi, putin, biden = people["xi"], people["putin"], people["biden"]
    both = make_meeting(xi, putin)
    three = make_meeting(xi, putin, biden, kind="meeting")
    make_meeting(xi, biden)
    make_meeting(putin, biden)
    response = api.get("/api/meetings/?leader=t-xi&leader=t-putin")
    assert response.status_code == 200
    assert sorted(ids(response)) == sorted([both.pk, three.pk])
    assert len(ids(api.get("/api/meetings/?leader=t-biden"))) == 3


def test_a_month_precision_meeting_counts_when_its_month_overlaps_the_range(api, people):
    november = make_meeting(people["xi"], people["biden"], start=date(2023, 11, 1), precision="month")
    make_meeting(people["xi"], people["biden"], start=date(2024, 1, 5))
    assert ids(api.get("/api/meetings/?from=2023-11-20&to=2023-12-31")) == [november.pk]
    assert ids(api.get("/api/meetings/?from=2023-12-01&to=2023-12-31")) == []
    assert ids(api.get("/api/meetings/?to=2023-11-01")) == [november.pk]


def test_kind_status_country_source_and_text_filters_narrow_the_list(api, people):
    xi, putin, biden = people["xi"], people["putin"], people["biden"]
    source = make_source()
    call = make_meeting(xi, putin, article=make_article(source=source))
    visit = make_meeting(putin, biden, kind="visit", location=people["china"], status="planned")
    make_meeting(putin, biden, kind="meeting")
    assert ids(api.get("/api/meetings/?kind=visit")) == [visit.pk]
    assert ids(api.get("/api/meetings/?status=planned")) == [visit.pk]
    assert sorted(ids(api.get("/api/meetings/?country=t-china"))) == sorted([call.pk, visit.pk])
    assert ids(api.get(f"/api/meetings/?source={source.pk}")) == [call.pk]
    assert ids(api.get("/api/meetings/", {"q": "شي جين"})) == [call.pk]


def test_rejected_meetings_are_hidden_from_anonymous_clients_but_not_from_staff(api, staff_api, people):
    kept = make_meeting(people["xi"], people["putin"])
    rejected = make_meeting(people["xi"], people["biden"], review=Meeting.Review.REJECTED)
    assert ids(api.get("/api/meetings/")) == [kept.pk]
    assert api.get(f"/api/meetings/{rejected.pk}/").status_code == 404
    assert set(ids(staff_api.get("/api/meetings/"))) == {kept.pk, rejected.pk}
    assert staff_api.get(f"/api/meetings/{rejected.pk}/").json()["review"] == "rejected"


def test_meetings_are_latest_first_and_can_be_ordered_by_date(api, people):
    old = make_meeting(people["xi"], people["putin"], start=date(2022, 1, 1))
    new = make_meeting(people["xi"], people["putin"], start=date(2024, 1, 1))
    undated = make_meeting(people["xi"], people["putin"], start=None)
    assert ids(api.get("/api/meetings/")) == [new.pk, old.pk, undated.pk]
    assert ids(api.get("/api/meetings/?ordering=date")) == [old.pk, new.pk, undated.pk]
    assert ids(api.get("/api/meetings/?ordering=-id")) == [undated.pk, new.pk, old.pk]


def test_the_page_size_can_be_chosen_but_not_beyond_one_hundred(api, people):
    for _ in range(3):
        make_meeting(people["xi"], people["putin"])
    body = api.get("/api/meetings/?page_size=2").json()
    assert (body["count"], len(body["results"])) == (3, 2)
    assert body["next"] is not None
    from newsapp.api.pagination import CappedPageNumberPagination

    assert CappedPageNumberPagination.max_page_size == 100
    assert len(api.get("/api/meetings/?page_size=100000").json()["results"]) == 3


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("from=yesterday", "from"),
        ("to=2024-13-01", "to"),
        ("kind=dinner", "kind"),
        ("status=maybe", "status"),
        ("leader=nobody-at-all", "leader"),
        ("country=atlantis", "country"),
        ("source=abc", "source"),
        ("ordering=colour", "ordering"),
        ("q=%00", "q"),
    ],
)
def test_a_malformed_filter_is_a_400_whose_json_names_the_parameter(api, people, query, parameter):
    response = api.get(f"/api/meetings/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [parameter]
    assert isinstance(body[parameter][0], str) and body[parameter][0]


def test_the_date_error_is_in_arabic(api, db):
    assert api.get("/api/meetings/?from=2024/01/01").json() == {"from": ["أدخل تاريخاً بالصيغة YYYY-MM-DD."]}


def test_unknown_meetings_and_pages_are_json_404s(api, db):
    for url in (
        "/api/meetings/999999/",
        "/api/meetings/abc/",
        "/api/meetings/?page=9",
        "/api/nothing-here",
        "/api/entities/a%0Ab./",  # a newline in the path, and a dot no slug route takes
    ):
        response = api.get(url)
        assert response.status_code == 404, url
        assert "detail" in response.json()
