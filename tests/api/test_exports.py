import csv
import io
from datetime import date

import feedparser
import icalendar
import pytest

from newsapp.models import Meeting, Mention

from .builders import make_article, make_meeting, make_source

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_meetings_csv_has_a_bom_and_keeps_the_arabic(api, people):
    article = make_article(url="https://example.com/x")
    meeting = make_meeting(people["xi"], people["putin"], article=article, location=people["china"])
    [row] = read_csv(api.get("/api/meetings.csv"))
    assert row["id"] == str(meeting.pk)
    assert (row["kind"], row["kind_label"], row["date"], row["precision"]) == (
        "call",
        "اتصال هاتفي",
        "2024-02-08",
        "day",
    )
    assert row["participants"] == "t-xi; t-putin"
    assert row["participant_names"] == "شي جين بينغ؛ فلاديمير بوتين"
    assert row["location_name"] == "الصين"
    assert row["original_urls"] == "https://example.com/x"
    assert row["evidence"].startswith("وبحث شي جين بينغ")


def test_the_meetings_csv_takes_the_same_filters_and_hides_rejected_meetings(api, people):
    pair = make_meeting(people["xi"], people["putin"])
    make_meeting(people["xi"], people["biden"])
    make_meeting(people["xi"], people["putin"], review=Meeting.Review.REJECTED)
    rows = read_csv(api.get("/api/meetings.csv?leader=t-xi&leader=t-putin"))
    assert [row["id"] for row in rows] == [str(pair.pk)]
    response = api.get("/api/meetings.csv?from=nonsense")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["from"]


def test_the_articles_csv_lists_the_filtered_articles(api, people):
    source = make_source("الجزيرة")
    kept = make_article(title="بوتين يستقبل شي", source=source)
    make_article(title="خبر آخر")
    rows = read_csv(api.get(f"/api/articles.csv?source={source.pk}"))
    assert [(r["id"], r["title"], r["source"]) for r in rows] == [
        (str(kept.pk), "بوتين يستقبل شي", "الجزيرة")
    ]


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(api, db):
    make_article(title='=HYPERLINK("http://evil.example","اضغط")')
    [row] = read_csv(api.get("/api/articles.csv"))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","اضغط")'


def read_calendar(response) -> icalendar.Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_calendar_parses_back_with_one_all_day_event_per_dated_meeting(api, people):
    call = make_meeting(people["xi"], people["putin"])
    visit = make_meeting(
        people["putin"], people["biden"], kind="visit", start=date(2023, 3, 20), end_date=date(2023, 3, 22)
    )
    make_meeting(people["xi"], people["biden"], start=None)
    events = {str(e["uid"]): e for e in read_calendar(api.get("/api/meetings.ics")).walk("VEVENT")}
    assert set(events) == {f"meeting-{call.pk}@marsad", f"meeting-{visit.pk}@marsad"}
    day = events[f"meeting-{call.pk}@marsad"]
    assert (day.decoded("dtstart"), day.decoded("dtend")) == (date(2024, 2, 8), date(2024, 2, 9))
    assert str(day["summary"]) == "اتصال هاتفي: شي جين بينغ وفلاديمير بوتين"
    span = events[f"meeting-{visit.pk}@marsad"]
    assert (span.decoded("dtstart"), span.decoded("dtend")) == (date(2023, 3, 20), date(2023, 3, 23))


def test_a_month_precision_meeting_spans_its_month_and_is_marked_approximate(api, people):
    make_meeting(people["xi"], people["biden"], start=date(2023, 11, 1), precision="month", status="planned")
    [event] = read_calendar(api.get("/api/meetings.ics")).walk("VEVENT")
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (date(2023, 11, 1), date(2023, 12, 1))
    assert str(event["x-marsad-precision"]) == "month"
    assert "التاريخ تقريبي: نوفمبر 2023" in str(event["description"])
    assert str(event["status"]) == "TENTATIVE"


def test_the_calendar_takes_the_same_filters(api, people):
    make_meeting(people["xi"], people["putin"], kind="call")
    visit = make_meeting(people["xi"], people["putin"], kind="visit")
    [event] = read_calendar(api.get("/api/meetings.ics?kind=visit")).walk("VEVENT")
    assert str(event["uid"]) == f"meeting-{visit.pk}@marsad"
    assert api.get("/api/meetings.ics?leader=nobody").status_code == 400


def mention(article, *entities):
    for start, entity in enumerate(entities):
        Mention.objects.create(article=article, entity=entity, start=start, end=start + 1, text="x")


@pytest.mark.parametrize(("suffix", "version"), [("rss", "rss20"), ("atom", "atom10")])
def test_the_latest_articles_feed_validates_and_lists_the_newest_first(api, db, suffix, version):
    make_article(title="الأقدم", published_on=date(2024, 1, 1))
    make_article(title="الأحدث", published_on=date(2024, 2, 1))
    response = api.get(f"/api/feeds/articles.{suffix}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["الأحدث", "الأقدم"]
    assert feed.feed.title == "مرصد: أحدث المقالات"


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_a_leader_feed_and_a_pair_feed_list_the_articles_that_mention_them(api, people, suffix):
    xi, putin = people["xi"], people["putin"]
    both = make_article(title="شي وبوتين")
    only_xi = make_article(title="شي وحده", published_on=date(2024, 1, 1))
    mention(both, xi, putin)
    mention(only_xi, xi)
    make_article(title="لا أحد")
    one = feedparser.parse(api.get(f"/api/feeds/leaders/t-xi.{suffix}").content)
    pair = feedparser.parse(api.get(f"/api/feeds/leaders/t-xi/t-putin.{suffix}").content)
    assert not one.bozo and not pair.bozo
    assert [e.title for e in one.entries] == ["شي وبوتين", "شي وحده"]
    assert [e.title for e in pair.entries] == ["شي وبوتين"]
    assert pair.feed.title == "مرصد: شي جين بينغ وفلاديمير بوتين"


def test_a_feed_of_an_unknown_leader_is_a_404(api, db):
    assert api.get("/api/feeds/leaders/nobody.rss").status_code == 404
