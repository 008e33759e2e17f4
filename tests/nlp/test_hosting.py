"""A contact in the host's country during the guest's trip is one visit; elsewhere it is a meeting.

Sentences of our own, read against the real catalog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsapp.nlp.catalog_files import load_gazetteer
from newsapp.nlp.pipeline import Prepared, analyze_strict, prepare
from newsapp.nlp.types import FoundMeeting, Role

CATALOG = Path(__file__).resolve().parents[2] / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def catalog() -> Prepared:
    return prepare(load_gazetteer(CATALOG))


def read(text: str, catalog: Prepared, published: str) -> list[FoundMeeting]:
    return list(analyze_strict(text, date.fromisoformat(published), catalog).meetings)


def roles(meeting: FoundMeeting) -> dict[str, Role]:
    return {p.slug or p.name: p.role for p in meeting.participants}


def test_a_reception_of_a_guest_arrived_on_a_visit_is_the_visit(catalog):
    text = (
        "استقبل الرئيس عبد المجيد تبون اليوم الاثنين بمقر الرئاسة رئيسة الوزراء الإيطالية جورجيا ميلوني،"
        " التي حلت اليوم بالجزائر في زيارة عمل تدوم يومين."
    )
    found = read(text, catalog, "2023-01-23")
    assert [(m.kind, m.date.start.isoformat()) for m in found] == [("visit", "2023-01-23")]
    assert roles(found[0]) == {"abdelmadjid-tebboune": Role.HOST, "giorgia-meloni": Role.VISITOR}


def test_a_later_reception_during_a_visit_told_before_is_a_visit_with_that_host(catalog):
    text = (
        "بحث وزير الخارجية الروسي سيرغي لافروف اليوم الخميس مع نظيره السوري أسعد الشيباني الذي يزور موسكو.\n"
        "وفي وقت لاحق من اليوم، استقبل الرئيس فلاديمير بوتين الوزير الشيباني في الكرملين."
    )
    found = read(text, catalog, "2025-07-31")
    assert {(m.kind, frozenset(roles(m))) for m in found} == {
        ("visit", frozenset({"sergey-lavrov", "asaad-al-shaibani"})),
        ("visit", frozenset({"vladimir-putin", "asaad-al-shaibani"})),
    }
    putin = next(m for m in found if "vladimir-putin" in roles(m))
    assert roles(putin)["vladimir-putin"] == Role.HOST


def test_a_planned_reception_on_the_day_after_the_arrival_belongs_to_the_trip(catalog):
    text = (
        "وصلت رئيسة الوزراء الإيطالية جورجيا ميلوني اليوم الاثنين إلى الجزائر في زيارة تدوم يومين.\n"
        "ومن المنتظر أن يستقبل الوزير الأول أيمن بن عبد الرحمان السيدة ميلوني غدا الثلاثاء بقصر الحكومة."
    )
    found = read(text, catalog, "2023-01-23")
    planned = [m for m in found if m.status == "planned"]
    assert [(m.kind, m.date.start.isoformat()) for m in planned] == [("visit", "2023-01-24")]


def test_a_side_meeting_at_a_summit_in_the_host_country_stays_a_meeting(catalog):
    text = (
        "التقى الرئيس الروسي فلاديمير بوتين اليوم في قازان الرئيس الصيني شي جين بينغ، الذي يزور روسيا"
        " للمشاركة في قمة بريكس، على هامش أعمال القمة."
    )
    found = read(text, catalog, "2024-10-22")
    assert [m.kind for m in found if {"vladimir-putin", "xi-jinping"} <= set(roles(m))] == ["meeting"]


def test_a_meeting_in_a_third_country_named_by_its_capital_is_a_meeting(catalog):
    text = (
        "وكان الأمير فيصل بن فرحان قد التقى نظيره الإيراني حسين أمير عبد اللهيان في العاصمة الصينية"
        " في 6 أبريل 2023، قبل زيارته إلى طهران في يونيو."
    )
    found = read(text, catalog, "2023-08-01")
    april = [m for m in found if m.date and m.date.start == date(2023, 4, 6)]
    assert [m.kind for m in april] == ["meeting"]


def test_a_reception_at_home_without_any_visit_word_is_a_visit(catalog):
    text = "استقبل ولي العهد الأمير محمد بن سلمان اليوم في جدة وزير الخارجية الأمريكي أنتوني بلينكن."
    found = read(text, catalog, "2023-06-07")
    assert [m.kind for m in found] == ["visit"]
    assert roles(found[0]) == {"mohammed-bin-salman": Role.HOST, "antony-blinken": Role.VISITOR}


def test_a_second_host_seeing_the_received_guest_the_same_day_is_another_visit(catalog):
    text = (
        "استقبل الرئيس قيس سعيد اليوم الخميس بقصر قرطاج وزير الخارجية الجزائري أحمد عطاف.\n"
        "وفي وقت لاحق اليوم، التقى وزير الخارجية محمد علي النفطي بنظيره الجزائري بمقر الوزارة."
    )
    found = read(text, catalog, "2025-02-06")
    assert sorted(m.kind for m in found) == ["visit", "visit"]
    assert all(roles(m)["ahmed-attaf"] == Role.VISITOR for m in found)


def test_a_contact_at_home_during_a_summit_held_there_is_a_side_meeting(catalog):
    text = (
        "التقى الرئيس شي جين بينغ اليوم رئيس الوزراء الهندي ناريندرا مودي على هامش قمة بريكس في قازان.\n"
        "كما عقد الرئيس فلاديمير بوتين اليوم لقاء ثنائيا مع الرئيس الإيراني مسعود بزشكيان."
    )
    found = read(text, catalog, "2024-10-23")
    assert [m.kind for m in found if "vladimir-putin" in roles(m)] == ["meeting"]


def test_a_summit_named_in_the_clause_is_a_meeting_but_preparing_for_one_is_not(catalog):
    summit = "والتقى الرئيس السيسي بالملك حمد بن عيسى آل خليفة وهنأه على رئاسة بلاده للقمة في المنامة."
    assert [m.kind for m in read(summit, catalog, "2024-05-16")] == ["meeting"]
    ahead = (
        "وأجرى وزير الخارجية التركي هاكان فيدان مباحثات مع نظيره الروسي سيرغي لافروف في موسكو تمهيدا للقمة."
    )
    assert [m.kind for m in read(ahead, catalog, "2023-08-31")] == ["visit"]


def test_an_official_of_an_organization_is_no_host_or_visitor(catalog):
    text = "التقى الرئيس الروسي فلاديمير بوتين اليوم في موسكو الأمين العام للأمم المتحدة أنطونيو غوتيريش."
    assert [m.kind for m in read(text, catalog, "2024-10-24")] == ["meeting"]


def test_the_side_at_home_in_the_named_place_hosts_the_visit(catalog):
    text = (
        "استقبل ولي العهد الأمير محمد بن سلمان مساء الأربعاء في الرياض وزير الخارجية الإيراني عباس عراقجي،"
        " في زيارة تأتي بعد الهجوم الإيراني على إسرائيل."
    )
    found = read(text, catalog, "2024-10-10")
    assert roles(found[0]) == {"mohammed-bin-salman": Role.HOST, "abbas-araghchi": Role.VISITOR}


def test_a_negation_glued_to_its_conjunction_denies_the_meeting(catalog):
    text = "ولم يجمع أي لقاء حتى اليوم بين ولي العهد السعودي محمد بن سلمان والرئيس الإيراني إبراهيم رئيسي."
    assert read(text, catalog, "2023-05-01") == []


def test_a_dual_subject_before_a_noun_is_the_pair_named_before(catalog):
    text = (
        "التقى الرئيس الصيني شي جين بينغ اليوم في بكين الرئيس البرازيلي لولا دا سيلفا.\n"
        "ويعد هذا أول لقاء بين الزعيمين منذ عامين، علما أنهما أجريا عدة مكالمات هاتفية كان آخرها في 3 مارس الماضي."
    )
    calls = [m for m in read(text, catalog, "2025-05-13") if m.kind == "call"]
    assert [(m.date.start.isoformat(), len(m.participants)) for m in calls] == [("2025-03-03", 2)]


@pytest.mark.parametrize(
    "dateline",
    [
        "الدوحة 12 شعبان 1445 هـ الموافق 22 فبراير 2024 م قنا\n",  # the date right after the place
        "الدوحة، 22/02/2024 (قنا) -\n",  # a comma before the date
        "قنا | الدوحة\n\n",  # the agency's line ending in the place
    ],
)
def test_a_dateline_places_a_contact_told_without_a_place(catalog, dateline):
    text = (
        dateline
        + "التقى أمير قطر الشيخ تميم بن حمد آل ثاني اليوم الخميس وزير الخارجية الفرنسي جان نويل بارو،"
        " وجرى خلال اللقاء بحث العلاقات الثنائية."
    )
    found = read(text, catalog, "2024-02-22")
    assert [(m.kind, m.date.start.isoformat()) for m in found] == [("visit", "2024-02-22")]
    assert roles(found[0]) == {"tamim-bin-hamad": Role.HOST, "jean-noel-barrot": Role.VISITOR}


def test_the_agency_named_first_is_no_dateline(catalog):
    text = (
        "شينخوا\n\nالدوحة 22 فبراير 2024 (شينخوا)\nالتقى أمير قطر الشيخ تميم بن حمد آل ثاني اليوم الخميس"
        " وزير الخارجية الفرنسي جان نويل بارو."
    )
    found = read(text, catalog, "2024-02-22")
    assert [m.kind for m in found] == ["visit"]


def test_a_guest_who_serves_an_organization_is_met_not_on_a_state_visit(catalog):
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان في أنقرة اليوم الأربعاء الأمين العام للأمم المتحدة"
        " أنطونيو غوتيريش، وذلك في إطار زيارته إلى تركيا لبحث ملف المساعدات."
    )
    found = read(text, catalog, "2024-05-08")
    assert [(m.kind, m.date.start.isoformat()) for m in found] == [("meeting", "2024-05-08")]
    assert set(roles(found[0])) == {"recep-tayyip-erdogan", "antonio-guterres"}
