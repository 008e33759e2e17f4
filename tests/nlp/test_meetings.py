"""Meetings: kinds, tense, participants, dates, places, and merging within one article."""

from __future__ import annotations

from datetime import date

from newsapp.nlp.pipeline import analyze
from newsapp.nlp.types import FoundMeeting, Gazetteer, MeetingKind, MeetingStatus, Precision, Role


def _meetings(text: str, gazetteer: Gazetteer, published: date = date(2024, 4, 2)) -> list[FoundMeeting]:
    return list(analyze(text, published, gazetteer).meetings)


def _one(text: str, gazetteer: Gazetteer, published: date = date(2024, 4, 2)) -> FoundMeeting:
    found = _meetings(text, gazetteer, published)
    assert len(found) == 1, found
    return found[0]


def _slugs(meeting: FoundMeeting) -> set[str | None]:
    return {p.slug for p in meeting.participants}


def test_the_many_ways_of_saying_a_phone_call_are_calls(gazetteer):
    for text in (
        "تلقى الرئيس التركي رجب طيب أردوغان اتصالاً هاتفياً من الرئيس الفرنسي إيمانويل ماكرون يوم الثلاثاء.",
        "أجرى أردوغان اتصالا مع ماكرون يوم الثلاثاء بحثا خلاله العلاقات.",
        "بحث الرئيس أردوغان هاتفياً مع الرئيس ماكرون يوم الثلاثاء تطورات المنطقة.",
        "وفي مكالمة هاتفية يوم الثلاثاء مع ماكرون، قال أردوغان إن البلدين شريكان.",
        "تحدث أردوغان عبر الهاتف مع ماكرون يوم الثلاثاء.",
    ):
        meeting = _one(text, gazetteer)
        assert meeting.kind == MeetingKind.CALL, text
        assert _slugs(meeting) == {"recep-tayyip-erdogan", "emmanuel-macron"}, text
        assert meeting.date is not None and meeting.date.start == date(2024, 4, 2), text


def test_video_conferences_are_video_calls(gazetteer):
    for text in (
        "عقد الرئيس الصيني شي جين بينغ ونظيره الروسي قمة افتراضية يوم الثلاثاء.",
        "بحث شي جين بينغ مع بوتين عبر تقنية الاتصال المرئي يوم الثلاثاء العلاقات الثنائية.",
        "تعهد شي جين بينغ في مؤتمر عبر الفيديو مع نظيره فلاديمير بوتين يوم الثلاثاء بتعميق التعاون.",
    ):
        meeting = _one(text, gazetteer)
        assert meeting.kind == MeetingKind.VIDEO, text
        assert _slugs(meeting) == {"xi-jinping", "vladimir-putin"}, text


def test_a_counterpart_is_the_same_office_in_the_named_country_on_that_date(gazetteer):
    meeting = _one("التقى الرئيس الصيني شي جين بينغ بنظيره الأمريكي في 14 نوفمبر 2022 في بالي.", gazetteer)
    assert _slugs(meeting) == {"xi-jinping", "joe-biden"}
    later = _one(
        "التقى الرئيس الصيني شي جين بينغ بنظيره الأمريكي في 3 مارس 2025.", gazetteer, date(2025, 3, 5)
    )
    assert _slugs(later) == {"xi-jinping", "donald-trump"}


def test_a_foreign_minister_meets_his_counterpart(gazetteer):
    meeting = _one(
        "اجتمع وزير الخارجية الروسي سيرغي لافروف مع نظيره الصيني في 5 مارس 2024 في بكين.", gazetteer
    )
    assert _slugs(meeting) == {"sergey-lavrov", "wang-yi"}
    assert meeting.location is not None and meeting.location.slug == "beijing"


def test_a_meeting_keeps_its_date_its_place_and_its_occasion(gazetteer):
    text = "التقى الزعيم الصيني شي جين بينغ ورئيس روسيا فلاديمير بوتين على هامش قمة منظمة شنغهاي للتعاون في أستانا، في 3 يوليو 2024."
    meeting = _one(text, gazetteer)
    assert meeting.kind == MeetingKind.MEETING
    assert meeting.date is not None and (meeting.date.start, meeting.date.precision) == (
        date(2024, 7, 3),
        Precision.DAY,
    )
    assert meeting.occasion is not None and meeting.occasion.slug == "sco"
    assert meeting.location is not None and meeting.location.slug == "astana"
    assert meeting.evidence == text


def test_one_sentence_may_report_several_dated_events(gazetteer):
    text = (
        "وأشار المسؤول إلى أنه بينما تحدث بايدن وشي جين بينغ آخر مرة عبر الهاتف في يوليو 2022، "
        "التقى الزعيمان في بالي في نوفمبر 2022 وعقدا اجتماع قمة في كاليفورنيا في نوفمبر من العام الماضي."
    )
    found = {(m.kind, m.date.start if m.date else None) for m in _meetings(text, gazetteer)}
    assert found == {
        (MeetingKind.CALL, date(2022, 7, 1)),
        (MeetingKind.MEETING, date(2022, 11, 1)),
        (MeetingKind.MEETING, date(2023, 11, 1)),
    }


def test_the_two_leaders_are_the_two_named_before(gazetteer):
    text = "وصل أردوغان وماكرون إلى القاعة. واجتمع الزعيمان في 5 مارس 2024 لمدة ساعة."
    assert _slugs(_one(text, gazetteer)) == {"recep-tayyip-erdogan", "emmanuel-macron"}


def test_the_subject_is_carried_from_the_previous_sentence(gazetteer):
    text = (
        "أكد الرئيس التركي رجب طيب أردوغان دعم بلاده للحوار. وأجرى اتصالا هاتفيا يوم الأحد مع الرئيس الفرنسي."
    )
    meeting = _one(text, gazetteer, date(2024, 4, 2))
    assert _slugs(meeting) == {"recep-tayyip-erdogan", "emmanuel-macron"}
    assert meeting.date is not None and meeting.date.start == date(2024, 3, 31)


def test_a_visit_is_one_event_with_a_visitor_and_a_host(gazetteer):
    text = (
        "زار بوتين الصين في أكتوبر 2023 والتقى خلال الزيارة الرئيس شي جين بينغ. "
        "وكان شي جين بينغ قد استقبل بوتين في بكين في أكتوبر 2023."
    )
    meeting = _one(text, gazetteer)
    assert meeting.kind == MeetingKind.VISIT
    roles = {p.slug: p.role for p in meeting.participants}
    assert roles == {"vladimir-putin": Role.VISITOR, "xi-jinping": Role.HOST}


def test_a_visit_to_a_country_finds_the_host_by_office(gazetteer):
    meeting = _one("وصل الرئيس الروسي فلاديمير بوتين إلى تركيا في زيارة رسمية يوم 5 مارس 2024.", gazetteer)
    assert meeting.kind == MeetingKind.VISIT
    assert {(p.slug, p.role) for p in meeting.participants} == {
        ("vladimir-putin", Role.VISITOR),
        ("recep-tayyip-erdogan", Role.HOST),
    }


def test_a_reception_has_a_host_and_a_guest(gazetteer):
    meeting = _one("استقبل الرئيس التركي أردوغان في أنقرة الرئيس الفرنسي ماكرون يوم الثلاثاء.", gazetteer)
    assert [(p.slug, p.role) for p in meeting.participants] == [
        ("recep-tayyip-erdogan", Role.HOST),
        ("emmanuel-macron", Role.VISITOR),
    ]


def test_announced_meetings_are_planned(gazetteer):
    for text in (
        "سيلتقي الرئيس أردوغان بالرئيس ماكرون الأسبوع المقبل.",
        "من المقرر أن يلتقي أردوغان وماكرون في باريس.",
        "ويعتزم أردوغان زيارة فرنسا حيث يلتقي ماكرون.",
    ):
        meetings = _meetings(text, gazetteer)
        assert meetings and all(m.status == MeetingStatus.PLANNED for m in meetings), text


def test_denied_meetings_interviews_and_channels_are_not_meetings(gazetteer):
    for text in (
        "لم يتحدث بايدن مع شي جين بينغ منذ أشهر.",
        "وقال الكرملين إن بوتين وشي جين بينغ سيواصلان التفاعل، ولكن لا توجد خطط لزيارة بعضهما البعض.",
        "في مقابلة مع الصحفي الأمريكي تاكر كارلسون نشرت يوم الثلاثاء، أكد بوتين أن روسيا والصين شريكتان.",
        "والتزم بايدن وشي جين بينغ بالحفاظ على قناة اتصال استراتيجية وقنوات الاتصال العسكرية.",
        "وقال مسؤول كبير في مكالمة خلفية مع الصحفيين مساء الاثنين إن بايدن سيثير القضية مع شي جين بينغ.",
        "وتحدث الزعيمان بايدن وشي جين بينغ عبر الهاتف أو من خلال اتصال الفيديو في 5 مناسبات على مدار العامين.",
    ):
        assert [m for m in _meetings(text, gazetteer) if m.status == MeetingStatus.HELD] == [], text


def test_an_announced_contact_called_off_in_the_same_sentence_is_not_a_meeting(gazetteer):
    for text in (
        "وكان من المقرر أن يشارك أردوغان يوم الثلاثاء في قمة تجمعه بماكرون، قبل أن تعلن باريس إلغاءها.",
        "وأعلنت الرئاسة أن أردوغان سيزور فرنسا في مارس للقاء ماكرون، غير أن الزيارة لم تتم.",
        "وكان من المقرر أن يلتقي أردوغان وماكرون الأسبوع المقبل، لكن اللقاء أرجئ إلى موعد لاحق.",
    ):
        assert _meetings(text, gazetteer) == [], text


def test_a_date_after_since_is_not_the_meeting_date(gazetteer):
    meeting = _one("كانت مكالمة بين بايدن وشي جين بينغ – وهي أول مناقشة بينهما منذ نوفمبر – فرصة.", gazetteer)
    assert meeting.date is None


def test_a_date_after_since_told_with_when_they_met_dates_that_meeting(gazetteer):
    text = "ويعد لقاء الثلاثاء الأول بين أردوغان وماكرون منذ 5 مايو 2022، حين التقيا على هامش قمة الناتو."
    dated = {m.date.start for m in _meetings(text, gazetteer) if m.date is not None}
    assert date(2022, 5, 5) in dated


def test_talks_held_during_a_trip_are_that_visit_and_another_host_is_seen_apart(gazetteer):
    text = (
        "التقى الرئيس أردوغان بالرئيس ماكرون في باريس اليوم.\n"
        "ومهد وزير الخارجية الأمريكي أنتوني بلينكن للقمة بزيارة إلى موسكو الخميس الماضي، "
        "أجرى خلالها مباحثات مع نظيره الروسي سيرغي لافروف تناولت جدول أعمال اللقاء، كما استقبله الرئيس بوتين."
    )
    found = _meetings(text, gazetteer)
    assert {(m.kind, frozenset(_slugs(m)), m.date and m.date.start) for m in found} >= {
        (MeetingKind.VISIT, frozenset({"antony-blinken", "sergey-lavrov"}), date(2024, 3, 28)),
        (MeetingKind.VISIT, frozenset({"antony-blinken", "vladimir-putin"}), date(2024, 3, 28)),
    }
    assert len(found) == 3, found


def test_a_reference_back_to_the_call_is_not_a_new_meeting(gazetteer):
    text = (
        "أجرى بايدن اتصالا هاتفيا مع شي جين بينغ يوم الثلاثاء. وقال البيت الأبيض في قراءة للمكالمة إن "
        "الزعيمين ناقشا التجارة. وخلال المكالمة الهاتفية، أشاد الرئيسان بالتعاون في عام 2023."
    )
    meeting = _one(text, gazetteer)
    assert meeting.kind == MeetingKind.CALL and meeting.date is not None
    assert meeting.date.start == date(2024, 4, 2)


def test_mentions_of_one_event_merge_and_keep_the_best_date(gazetteer):
    text = (
        "تحدث الرئيس شي جين بينغ هاتفيا مع الرئيس بوتين.\n"
        "وفي مكالمة هاتفية يوم 8 فبراير/شباط مع الرئيس الروسي فلاديمير بوتين، قال الرئيس الصيني إن البلدين شريكان.\n"
        "وكانت مكالمة بين الزعيمين في فبراير 2024 قد تناولت أوكرانيا."
    )
    meeting = _one(text, gazetteer, date(2024, 2, 9))
    assert meeting.kind == MeetingKind.CALL
    assert meeting.date is not None and (meeting.date.start, meeting.date.precision) == (
        date(2024, 2, 8),
        Precision.DAY,
    )
    assert "8 فبراير" in meeting.evidence


def test_distinct_dates_stay_distinct_events(gazetteer):
    text = "التقى بايدن وشي جين بينغ في بالي في نوفمبر 2022. والتقى بايدن وشي جين بينغ مجددا في نوفمبر 2023."
    assert len(_meetings(text, gazetteer)) == 2


def test_a_call_that_names_one_person_only_is_no_meeting(gazetteer):
    assert _meetings("أجرى اتصالا هاتفيا مهما.", gazetteer) == []
    assert _meetings("وقال بوتين إن الاتصالات مستمرة.", gazetteer) == []


def test_evidence_offsets_point_into_the_original_text(gazetteer):
    text = "مقدمة.\nتلقّى أردوغان اتصالاً هاتفيّاً من ماكرون يوم الثلاثاء."
    meeting = _one(text, gazetteer)
    assert text[meeting.evidence_start : meeting.evidence_end] == meeting.evidence
