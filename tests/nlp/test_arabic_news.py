"""Rules for the way Arabic agencies write diplomacy, read against the real catalog.

Each test is one rule (honorific chains, patronymics, senders and attendees,
bare titles and honorific pronouns, the news day, visits, lists of meetings...),
checked on sentences written the way SPA, WAM, KUNA, MENA, INA, MAP, APS or the
pan-Arab channels write them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsapp.nlp.catalog_files import load_gazetteer
from newsapp.nlp.entities import scan_text
from newsapp.nlp.pipeline import Prepared, analyze_strict, prepare
from newsapp.nlp.types import FoundMeeting, MeetingKind, MeetingStatus

CATALOG = Path(__file__).resolve().parents[2] / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def catalog() -> Prepared:
    return prepare(load_gazetteer(CATALOG))


def meetings(text: str, catalog: Prepared, published: str) -> list[FoundMeeting]:
    return list(analyze_strict(text, date.fromisoformat(published), catalog).meetings)


def pairs(found: list[FoundMeeting]) -> list[tuple[str, frozenset[str]]]:
    return [(str(m.kind), frozenset(p.slug or p.name for p in m.participants)) for m in found]


def persons(text: str, catalog: Prepared, published: str) -> set[str]:
    scan = scan_text(text, date.fromisoformat(published), catalog)
    return {r.slug for r in scan.references if r.is_person and r.slug}


def test_a_name_after_bin_is_the_fathers_not_another_person(catalog):
    text = "تلقى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد اتصالاً هاتفياً اليوم."
    assert persons(text, catalog, "2024-11-05") == {"mohammed-bin-salman"}
    assert persons("الملك عبدالله الثاني ابن الحسين", catalog, "2024-11-05") == {"abdullah-ii"}


def test_honorifics_between_a_title_and_a_name_are_skipped(catalog):
    text = "تلقى رئيس الجمهورية، السيد عبد المجيد تبون، مكالمة هاتفية من رئيسة مجلس الوزراء الإيطالي."
    assert persons(text, catalog, "2024-07-22") == {"abdelmadjid-tebboune", "giorgia-meloni"}


def test_an_elected_president_is_not_the_sitting_one(catalog):
    text = "نفت موسكو أي تواصل مع الرئيس الأمريكي المنتخب دونالد ترامب."
    assert persons(text, catalog, "2024-11-11") == {"donald-trump"}
    assert persons("التقى الرئيس الأمريكي السابق أمس.", catalog, "2024-11-11") == set()


def test_the_sender_of_greetings_or_a_letter_is_not_a_participant(catalog):
    text = (
        "استقبل رئيس الجمهورية قيس سعيد اليوم وزير الخارجية الجزائري أحمد عطاف، "
        "الذي سلمه رسالة خطية من الرئيس عبد المجيد تبون، ونقل إليه تحيات الرئيس تبون."
    )
    assert pairs(meetings(text, catalog, "2025-02-06")) == [
        ("visit", frozenset({"kais-saied", "ahmed-attaf"}))
    ]


def test_an_envoys_principal_is_not_a_participant(catalog):
    text = (
        "استقبل الشيخ تميم بن حمد آل ثاني أمير البلاد اليوم السيد ستيف ويتكوف "
        "المبعوث الخاص للرئيس الأمريكي دونالد ترامب إلى الشرق الأوسط."
    )
    found = meetings(text, catalog, "2025-03-12")
    assert pairs(found) == [("visit", frozenset({"tamim-bin-hamad", "steve-witkoff"}))]


def test_attendees_are_not_participants(catalog):
    text = (
        "استقبل الشيخ محمد بن زايد آل نهيان رئيس الدولة اليوم معالي هاكان فيدان وزير خارجية تركيا.\n"
        "حضر اللقاء سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية."
    )
    found = meetings(text, catalog, "2024-01-23")
    assert pairs(found) == [("visit", frozenset({"mohamed-bin-zayed", "hakan-fidan"}))]
    with_attendee = "التقى الرئيس عبد الفتاح السيسي اليوم رئيس الوزراء اليوناني بحضور الدكتور مصطفى مدبولي."
    assert "moustafa-madbouly" not in pairs(meetings(with_attendee, catalog, "2025-05-08"))[0][1]


def test_an_honorific_pronoun_is_the_articles_principal_of_that_rank(catalog):
    text = (
        "تلقى جلالة الملك عبدالله الثاني اليوم الاثنين اتصالا هاتفيا من الرئيس الأمريكي جو بايدن.\n"
        "وكان جلالته قد استقبل يوم الجمعة الماضي وزير الخارجية الأمريكي في قصر الحسينية."
    )
    found = meetings(text, catalog, "2023-10-16")
    assert ("visit", frozenset({"abdullah-ii", "antony-blinken"})) in pairs(found)


def test_a_bare_office_is_the_first_holder_named_in_the_article(catalog):
    text = (
        "التقى الرئيس عبد الفتاح السيسي اليوم الخميس الرئيس الفلسطيني محمود عباس.\n"
        "كما التقى الرئيس، في وقت سابق اليوم، الملك حمد بن عيسى آل خليفة ملك البحرين."
    )
    found = pairs(meetings(text, catalog, "2024-05-16"))
    assert ("meeting", frozenset({"abdel-fattah-el-sisi", "hamad-bin-isa-al-khalifa"})) in found


def test_an_undated_also_sentence_happened_on_the_news_day(catalog):
    text = (
        "تلقى سمو أمير البلاد الشيخ مشعل الأحمد الجابر الصباح اتصالا هاتفيا اليوم الأحد من الملك عبدالله الثاني.\n"
        "كما تلقى سمو ولي العهد الشيخ صباح خالد الحمد المبارك الصباح اتصالا هاتفيا مماثلا من الملك عبدالله الثاني."
    )
    found = meetings(text, catalog, "2024-06-16")
    assert [m.date.start if m.date else None for m in found] == [date(2024, 6, 16)] * 2
    background = "تلقى الرئيس تبون اتصالا هاتفيا اليوم من ميلوني.\nوكان تبون قد التقى ماكرون في روما."
    assert [m.date for m in meetings(background, catalog, "2024-07-22")][1] is None


def test_a_headline_summing_up_two_meetings_adds_nothing(catalog):
    text = (
        "السيسي يلتقي الرئيس الفلسطيني وملك البحرين على هامش القمة\n"
        "التقى الرئيس عبد الفتاح السيسي اليوم الرئيس الفلسطيني محمود عباس.\n"
        "كما التقى السيسي اليوم الملك حمد بن عيسى آل خليفة."
    )
    found = pairs(meetings(text, catalog, "2024-05-16"))
    assert sorted(found, key=str) == sorted(
        [
            ("meeting", frozenset({"abdel-fattah-el-sisi", "mahmoud-abbas"})),
            ("meeting", frozenset({"abdel-fattah-el-sisi", "hamad-bin-isa-al-khalifa"})),
        ],
        key=str,
    )


def test_cables_are_not_meetings(catalog):
    text = "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة للرئيس جوزاف عون."
    assert meetings(text, catalog, "2025-01-10") == []


def test_kinds_and_statuses_are_kept(catalog):
    found = meetings("سيلتقي الرئيس السيسي الرئيس ماكرون غدا في القاهرة.", catalog, "2025-04-06")
    assert [(m.kind, m.status) for m in found] == [(MeetingKind.VISIT, MeetingStatus.PLANNED)]


def test_a_reception_of_a_guest_on_an_official_visit_is_one_visit(catalog):
    text = (
        "استقبل الرئيس عبد الفتاح السيسي اليوم رئيس وزراء اليونان كيرياكوس ميتسوتاكيس، "
        "الذي يقوم بزيارة رسمية إلى مصر."
    )
    found = meetings(text, catalog, "2025-05-08")
    assert pairs(found) == [("visit", frozenset({"abdel-fattah-el-sisi", "kyriakos-mitsotakis"}))]
    roles = {p.slug: str(p.role) for p in found[0].participants}
    assert roles == {"abdel-fattah-el-sisi": "host", "kyriakos-mitsotakis": "visitor"}


def test_an_arrival_and_the_reception_that_follows_are_one_visit_with_the_named_host(catalog):
    text = "وصل المستشار الألماني أولاف شولتس، السبت، إلى مدينة جدة، حيث استقبله ولي العهد السعودي الأمير محمد بن سلمان."
    found = meetings(text, catalog, "2022-09-24")
    assert pairs(found) == [("visit", frozenset({"olaf-scholz", "mohammed-bin-salman"}))]


def test_visiting_a_building_is_a_meeting(catalog):
    text = "زار الوزير لودريان اليوم السراي الحكومي حيث التقى رئيس مجلس الوزراء نواف سلام."
    assert pairs(meetings(text, catalog, "2025-03-27")) == [
        ("meeting", frozenset({"jean-yves-le-drian", "nawaf-salam"}))
    ]


def test_a_ministry_is_not_a_visit_and_an_invitation_to_visit_is_not_one(catalog):
    text = "وصرح المتحدث باسم وزارة الخارجية بأن الوزيرين أكدا أهمية التنسيق."
    assert meetings(text, catalog, "2023-05-14") == []
    invited = "وقال بيسكوف إن بوتين دعا ترامب إلى زيارة موسكو."
    assert meetings(invited, catalog, "2025-02-13") == []


def test_tomorrow_and_the_same_year_are_dates():
    from newsapp.nlp.dates import find_dates

    found = find_dates("يلتقي خلالها غداً رئيس مجلس النواب", date(2025, 3, 27))
    assert [(d.text, d.value.start) for d in found] == [("غداً", date(2025, 3, 28))]
    text = "في 6 أبريل (نيسان) 2023. وفي يونيو (حزيران) من العام نفسه زار طهران."
    assert [d.value.start for d in find_dates(text, date(2024, 10, 10))] == [
        date(2023, 4, 6),
        date(2023, 6, 1),
    ]


def test_an_ambassador_after_a_complement_is_an_unknown_person_and_the_other_side(catalog):
    text = "والتقى وزير الخارجية المصري سامح شكري مع السفير الروسي لدى القاهرة جورجي بوريسينكو أمس."
    (found,) = meetings("أجرى شكري اتصالا مع الصفدي اليوم.\n" + text, catalog, "2023-05-14")[1:]
    assert {(p.slug, p.name) for p in found.participants} == {
        ("sameh-shoukry", "سامح شكري"),
        (None, "جورجي بوريسينكو"),
    }


def test_names_introduced_by_honorifics_or_envoy_titles_are_people(catalog):
    cases = {
        "استقبل ولي العهد سعادة السيد ني روليه سفير جمهورية الصين الشعبية لدى المملكة.": "ني روليه",
        "وصرح السفير محمد الشناوي المتحدث الرسمي باسم رئاسة الجمهورية بأن": "محمد الشناوي",
        "التقى الوزير المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن هانس غروندبرغ.": "هانس غروندبرغ",
        "وصرح السفير تميم خلاف، المتحدث الرسمي باسم وزارة الخارجية.": "تميم خلاف",
    }
    for text, name in cases.items():
        scan = scan_text(text, date(2025, 3, 15), catalog)
        assert name in {r.name for r in scan.references if r.is_person and r.slug is None}, text
    junk = "استقبل سعادة السفير، بمناسبة انتهاء فترة عمله سفيرا لبلاده."
    assert not [
        r for r in scan_text(junk, date(2025, 3, 15), catalog).references if r.slug is None and r.is_person
    ]


def test_a_denial_drops_every_contact_the_sentence_reports(catalog):
    text = (
        "نفى الكرملين، الاثنين، أن يكون الرئيس الروسي فلاديمير بوتين قد تحدث هاتفياً مع دونالد ترامب، "
        "بعد أن نقلت صحيفة أن ترامب اتصل ببوتين الخميس الماضي."
    )
    assert meetings(text, catalog, "2024-11-11") == []


def test_meetings_held_separately_are_one_per_guest(catalog):
    text = (
        "وفي اليوم نفسه، التقى شي جين بينغ، كلا على حدة، ملك البحرين حمد بن عيسى آل خليفة، "
        "والرئيس التونسي قيس سعيد، على هامش المنتدى اليوم."
    )
    found = pairs(meetings(text, catalog, "2024-05-29"))
    assert sorted(found, key=str) == sorted(
        [
            ("meeting", frozenset({"xi-jinping", "hamad-bin-isa-al-khalifa"})),
            ("meeting", frozenset({"xi-jinping", "kais-saied"})),
        ],
        key=str,
    )


def test_talks_with_a_long_subject_and_maghreb_phone_talks_are_read(catalog):
    text = "بحث وزير الخارجية الروسي سيرغي لافروف، اليوم الأربعاء، في موسكو مع نظيره المصري بدر عبد العاطي العلاقات."
    assert pairs(meetings(text, catalog, "2024-11-27")) == [
        ("visit", frozenset({"sergey-lavrov", "badr-abdelatty"}))
    ]
    call = "وتحادث الرئيس قيس سعيد هاتفيا مع نظيره الجزائري عبد المجيد تبون يوم 12 جانفي الماضي."
    assert pairs(meetings(call, catalog, "2025-02-06")) == [
        ("call", frozenset({"kais-saied", "abdelmadjid-tebboune"}))
    ]


def test_joining_a_summit_by_video_is_not_a_video_call(catalog):
    text = "ألقى بوتين كلمة اليوم. وشارك الرئيس البرازيلي لولا دا سيلفا في الجلسات عبر تقنية الفيديو."
    assert meetings(text, catalog, "2024-10-23") == []


def test_guests_listed_after_also_without_a_subject_each_meet_the_subject_told_before(catalog):
    text = (
        "التقى رئيس الوزراء الهندي ناريندرا مودي يوم الاثنين على هامش قمة مجموعة العشرين الرئيس الفرنسي "
        "إيمانويل ماكرون. كما التقى المستشار الألماني أولاف شولتس، ورئيس الوزراء البريطاني كير ستارمر."
    )
    assert sorted(pairs(meetings(text, catalog, "2024-11-19")), key=str) == sorted(
        [
            ("meeting", frozenset({"narendra-modi", "emmanuel-macron"})),
            ("meeting", frozenset({"narendra-modi", "olaf-scholz"})),
            ("meeting", frozenset({"narendra-modi", "keir-starmer"})),
        ],
        key=str,
    )
    # A comma that sets off a circumstance keeps the subject after the verb: no list, nothing carried.
    own = "كما التقى مودي، في وقت سابق اليوم، بالمستشار الألماني أولاف شولتس."
    assert pairs(meetings(own, catalog, "2024-11-19")) == [
        ("meeting", frozenset({"narendra-modi", "olaf-scholz"}))
    ]


def test_a_host_inferred_from_the_country_visited_gives_way_to_the_host_named(catalog):
    for text in (
        "وتأتي القمة بعد يومين من زيارة الرئيس الإندونيسي برابوو سوبيانتو إلى الأردن، في أول زيارة خارجية له "
        "منذ توليه الرئاسة، حيث استقبله ولي العهد الأمير الحسين بن عبدالله الثاني في عمّان يوم الاثنين 3 مارس.",
        "زار الرئيس الإندونيسي برابوو سوبيانتو الأردن يوم الاثنين 3 مارس في أول زيارة خارجية له، "
        "حيث استقبله ولي العهد الأمير الحسين بن عبدالله الثاني.",
    ):
        assert pairs(meetings(text, catalog, "2025-03-10")) == [
            ("visit", frozenset({"prabowo-subianto", "crown-prince-hussein"}))
        ], text
    # With nobody named on the spot, the country's leader still hosts.
    alone = "زار الرئيس الإندونيسي برابوو سوبيانتو الأردن يوم الاثنين 3 مارس في أول زيارة خارجية له."
    assert pairs(meetings(alone, catalog, "2025-03-10")) == [
        ("visit", frozenset({"prabowo-subianto", "abdullah-ii"}))
    ]


def test_leaving_for_another_place_after_a_meeting_is_no_part_of_that_meeting(catalog):
    text = "ماكرون يلتقي العاهل الأردني الملك عبدالله الثاني بعمّان ويتوجه إلى بغداد اليوم الأحد"
    found = meetings(text, catalog, "2025-03-09")
    assert [frozenset(p.slug for p in m.participants) for m in found] == [
        frozenset({"emmanuel-macron", "abdullah-ii"})
    ]


def test_commas_around_the_day_do_not_end_the_clause_before_the_other_side(catalog):
    # Cut at "، السبت،" the clause had one person, and the whole sentence, with the people
    # of its trailing "وذلك بعد ..." clause, was read instead.
    text = (
        "التقى رئيس الوزراء الإسباني بيدرو سانشيز، السبت، المستشار الألماني أولاف شولتس في بروكسل،"
        " وذلك بعد أسابيع من جدل بين الطرفين بشأن تصريحات أدلى بها الرئيس الفرنسي إيمانويل ماكرون."
    )
    found = meetings(text, catalog, "2023-03-12")
    assert pairs(found) == [("meeting", frozenset({"pedro-sanchez", "olaf-scholz"}))]
    assert found[0].date is not None and found[0].date.start == date(2023, 3, 11)


def test_a_contact_still_ahead_takes_no_date_told_for_what_already_happened(catalog):
    # "سيلتقي أردوغان قريباً" is no event of Monday's news day; "في اليوم نفسه" after it is
    # the day of the call told just before.
    text = (
        "استقبل الرئيس الفرنسي إيمانويل ماكرون أمس الاثنين في باريس رئيس الوزراء الإسباني بيدرو سانشيز.\n"
        "وتأتي الزيارة بعد أيام من اتصال هاتفي بين ماكرون والرئيس التركي رجب طيب أردوغان، الأربعاء الماضي،"
        " قال ماكرون بعده إنه سيلتقي أردوغان قريباً.\n"
        "كما تحدث ماكرون في اليوم نفسه هاتفياً مع المستشار الألماني أولاف شولتس."
    )
    found = meetings(text, catalog, "2024-03-05")
    dated = {(str(m.kind), m.status, m.date.start if m.date else None) for m in found}
    assert ("meeting", MeetingStatus.PLANNED, None) in dated
    scholz = next(m for m in found if any(p.slug == "olaf-scholz" for p in m.participants))
    assert scholz.date is not None and scholz.date.start == date(2024, 2, 28)
