"""Storing what the pipeline read: one meeting per real event, editors' decisions kept."""

from datetime import date

import pytest
from django.db import connection

from newsapp.models import Article, Entity, Evidence, Meeting, Mention
from newsapp.nlp.types import (
    Analysis,
    DateValue,
    EntityKind,
    EntityRef,
    FoundEntity,
    FoundMeeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Precision,
    Role,
)
from newsapp.nlp.types import (
    Mention as FoundMention,
)
from newsapp.services.extraction import _DATED_CANDIDATES, record_analysis, romanize

pytestmark = pytest.mark.django_db

XI = Participant("xi-jinping", "شي جين بينغ")
PUTIN = Participant("vladimir-putin", "فلاديمير بوتين")


def stored_article(n: int, published=date(2024, 2, 9)) -> Article:
    body = f"مقال رقم {n}: تحدث شي مع بوتين هاتفياً."
    return Article.objects.create(
        title=f"مقال {n}", body=body, raw_text=body, content_hash=f"{n:064d}", published_on=published
    )


def call(
    day: DateValue | None, *people: Participant, status=MeetingStatus.HELD, start=0, **extra
) -> FoundMeeting:
    return FoundMeeting(
        kind=MeetingKind.CALL, date=day, status=status, participants=people or (XI, PUTIN),
        evidence="تحدث شي مع بوتين هاتفياً.", evidence_start=start, evidence_end=start + 20, **extra,
    )  # fmt: skip


def analysis(*meetings: FoundMeeting, entities=()) -> Analysis:
    return Analysis(published=date(2024, 2, 9), entities=tuple(entities), meetings=meetings)


def test_two_articles_reporting_one_call_make_one_meeting_with_two_sources(catalog):
    day = DateValue(date(2024, 2, 8))
    record_analysis(stored_article(1), analysis(call(day)))
    record_analysis(stored_article(2), analysis(call(day)))
    meeting = Meeting.objects.get()
    assert set(meeting.participants.values_list("slug", flat=True)) == {"xi-jinping", "vladimir-putin"}
    assert meeting.evidence.count() == 2


def test_a_day_precision_report_refines_a_month_precision_meeting(catalog):
    record_analysis(stored_article(1), analysis(call(DateValue(date(2024, 2, 1), Precision.MONTH))))
    record_analysis(stored_article(2), analysis(call(DateValue(date(2024, 2, 8)))))
    meeting = Meeting.objects.get()
    assert (meeting.start_date, meeting.precision) == (date(2024, 2, 8), "day")


def test_calls_on_different_days_are_different_events(catalog):
    record_analysis(
        stored_article(1),
        analysis(call(DateValue(date(2024, 2, 8))), call(DateValue(date(2023, 5, 1)), start=30)),
    )
    assert Meeting.objects.count() == 2


def test_a_confirmed_meeting_is_not_changed_by_a_later_report(catalog):
    record_analysis(stored_article(1), analysis(call(DateValue(date(2024, 2, 1), Precision.MONTH))))
    Meeting.objects.update(review=Meeting.Review.CONFIRMED)
    record_analysis(stored_article(2), analysis(call(DateValue(date(2024, 2, 8)))))
    meeting = Meeting.objects.get()
    assert meeting.precision == "month" and meeting.evidence.count() == 2


def test_running_again_on_the_same_article_changes_nothing(catalog):
    article = stored_article(1)
    found = analysis(
        call(DateValue(date(2024, 2, 8))),
        entities=[FoundEntity("xi-jinping", "شي جين بينغ", EntityKind.PERSON, (FoundMention(22, 24, "شي"),))],
    )
    record_analysis(article, found)
    before = (Meeting.objects.get().pk, Evidence.objects.count(), Mention.objects.count())
    record_analysis(article, found)
    assert (Meeting.objects.get().pk, Evidence.objects.count(), Mention.objects.count()) == before


def test_a_meeting_no_article_reports_any_more_disappears_unless_reviewed(catalog):
    article = stored_article(1)
    record_analysis(
        article, analysis(call(DateValue(date(2024, 2, 8))), call(DateValue(date(2023, 5, 1)), start=30))
    )
    Meeting.objects.filter(start_date=date(2023, 5, 1)).update(review=Meeting.Review.REJECTED)
    record_analysis(article, analysis())
    assert list(Meeting.objects.values_list("start_date", flat=True)) == [date(2023, 5, 1)]


def test_a_person_the_catalog_lacks_becomes_one_unverified_entity(catalog):
    ushakov = Participant(None, "سالم المنصوري")
    record_analysis(stored_article(1), analysis(call(DateValue(date(2024, 2, 8)), XI, ushakov)))
    record_analysis(stored_article(2), analysis(call(DateValue(date(2024, 2, 8)), XI, ushakov)))
    person = Entity.objects.get(name="سالم المنصوري")
    assert not person.verified and person.slug == romanize("سالم المنصوري")
    assert Meeting.objects.get().evidence.count() == 2


def test_location_and_occasion_are_stored_when_read(catalog):
    record_analysis(
        stored_article(1),
        analysis(
            call(
                DateValue(date(2024, 7, 3)),
                location=EntityRef("astana", "أستانا"),
                occasion=EntityRef("sco", "منظمة شنغهاي للتعاون"),
            )
        ),
    )
    meeting = Meeting.objects.get()
    assert (meeting.location.slug, meeting.occasion.slug) == ("astana", "sco")


def test_a_meeting_reported_elsewhere_as_part_of_a_visit_is_one_visit_with_roles(catalog):
    march = DateValue(date(2023, 3, 20), end=date(2023, 3, 22))
    met = FoundMeeting(
        kind=MeetingKind.MEETING, date=DateValue(date(2023, 3, 21)), status=MeetingStatus.HELD,
        participants=(XI, PUTIN), evidence="التقى شي بوتين في موسكو.", evidence_start=0, evidence_end=20,
    )  # fmt: skip
    visit = FoundMeeting(
        kind=MeetingKind.VISIT, date=march, status=MeetingStatus.HELD,
        participants=(Participant("xi-jinping", "شي جين بينغ", Role.VISITOR), Participant("vladimir-putin", "فلاديمير بوتين", Role.HOST)),
        evidence="زار شي روسيا.", evidence_start=0, evidence_end=12,
    )  # fmt: skip
    record_analysis(stored_article(1), analysis(met))
    record_analysis(stored_article(2), analysis(visit))
    meeting = Meeting.objects.get()
    assert meeting.kind == "visit" and meeting.evidence.count() == 2
    roles = dict(meeting.participations.values_list("person__slug", "role"))
    assert roles == {"xi-jinping": "visitor", "vladimir-putin": "host"}


def test_a_call_one_outlet_calls_a_video_call_is_one_video_call(catalog):
    day = DateValue(date(2025, 1, 21))
    record_analysis(stored_article(1), analysis(call(day)))
    video = FoundMeeting(
        kind=MeetingKind.VIDEO, date=day, status=MeetingStatus.HELD, participants=(XI, PUTIN),
        evidence="في مؤتمر عبر الفيديو.", evidence_start=0, evidence_end=18,
    )  # fmt: skip
    record_analysis(stored_article(2), analysis(video))
    assert list(Meeting.objects.values_list("kind", flat=True)) == ["video"]


def test_calls_and_meetings_of_the_same_people_on_the_same_day_stay_apart(catalog):
    day = DateValue(date(2024, 2, 8))
    record_analysis(stored_article(1), analysis(call(day)))
    met = FoundMeeting(
        kind=MeetingKind.MEETING, date=day, status=MeetingStatus.HELD, participants=(XI, PUTIN),
        evidence="التقى شي بوتين.", evidence_start=0, evidence_end=14,
    )  # fmt: skip
    record_analysis(stored_article(2), analysis(met))
    assert sorted(Meeting.objects.values_list("kind", flat=True)) == ["call", "meeting"]


def test_a_dated_report_does_not_join_an_undated_meeting_of_the_same_people(catalog):
    record_analysis(stored_article(1), analysis(call(None)))
    record_analysis(stored_article(2), analysis(call(DateValue(date(2024, 2, 8)))))
    assert sorted(Meeting.objects.values_list("start_date", flat=True), key=str) == [date(2024, 2, 8), None]


def test_a_month_precision_report_joins_a_meeting_on_the_months_last_day(catalog):
    record_analysis(stored_article(1), analysis(call(DateValue(date(2024, 2, 29)))))
    record_analysis(stored_article(2), analysis(call(DateValue(date(2024, 2, 1), Precision.MONTH))))
    meeting = Meeting.objects.get()
    assert (meeting.start_date, meeting.evidence.count()) == (date(2024, 2, 29), 2)


def test_the_same_event_query_can_read_the_meetings_span_index(catalog):
    """Its date window must be the index's expression and condition word for word."""
    params = [date(2024, 2, 8), date(2024, 2, 8), ["call", "video"], "participant", 2, [1, 2], 2]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + _DATED_CANDIDATES, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "meeting_span_idx" in plan
