"""Rules for long wire stories, read against the real catalog.

Each test is one rule, on sentences of our own written the way agencies and
pan-Arab sites write them: honorific pronouns that echo the honorific a
person was introduced with, unnamed groups, summits that "bring together" the
subject with others.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsapp.nlp.catalog_files import load_gazetteer
from newsapp.nlp.entities import scan_text
from newsapp.nlp.pipeline import Prepared, analyze_strict, prepare
from newsapp.nlp.types import FoundMeeting

CATALOG = Path(__file__).resolve().parents[2] / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def catalog() -> Prepared:
    return prepare(load_gazetteer(CATALOG))


def meetings(text: str, catalog: Prepared, published: str) -> list[FoundMeeting]:
    return list(analyze_strict(text, date.fromisoformat(published), catalog).meetings)


def events(found: list[FoundMeeting]) -> list[tuple[str, str | None, str, frozenset[str]]]:
    return [
        (
            str(m.kind),
            m.date.start.isoformat() if m.date else None,
            str(m.status),
            frozenset(p.slug or p.name for p in m.participants),
        )
        for m in found
    ]


def test_an_honorific_pronoun_is_whoever_the_text_styled_that_way(catalog):
    # The headline names the caller first; "سموه" echoes "صاحب السمو", not "فخامة".
    text = (
        "ولي العهد يتلقى اتصالاً هاتفياً من الرئيس الإيراني\n"
        "تلقى صاحب السمو الملكي الأمير محمد بن سلمان ولي العهد اتصالاً هاتفياً، اليوم، "
        "من فخامة الرئيس مسعود بزشكيان رئيس جمهورية إيران.\n"
        "كما تلقى سموه اتصالاً هاتفياً من رئيس وزراء باكستان محمد شهباز شريف."
    )
    assert events(meetings(text, catalog, "2024-11-05")) == [
        ("call", "2024-11-05", "held", frozenset({"mohammed-bin-salman", "masoud-pezeshkian"})),
        ("call", "2024-11-05", "held", frozenset({"mohammed-bin-salman", "shehbaz-sharif"})),
    ]


def test_a_bare_king_is_the_person_called_king_not_the_first_head_of_state(catalog):
    text = (
        "الملك يتلقى اتصالا من الرئيس الأمريكي\n"
        "تلقى جلالة الملك عبدالله الثاني، اليوم، اتصالا هاتفيا من الرئيس الأمريكي جو بايدن.\n"
        "وحذر جلالة الملك من التصعيد."
    )
    scan = scan_text(text, date(2023, 10, 16), catalog)
    kings = [r.slug for r in scan.references if r.text == "الملك" and r.is_person]
    assert kings == ["abdullah-ii"]


def test_a_summit_that_brings_him_together_with_others_includes_the_subject(catalog):
    text = (
        "ومن المقرر أن يستضيف الرئيس المصري عبد الفتاح السيسي، بعد غد، قمة ثلاثية تجمعه "
        "بالملك عبدالله الثاني والرئيس الفلسطيني محمود عباس."
    )
    assert events(meetings(text, catalog, "2023-10-16")) == [
        (
            "meeting",
            "2023-10-18",
            "planned",
            frozenset({"abdel-fattah-el-sisi", "abdullah-ii", "mahmoud-abbas"}),
        )
    ]


def test_meeting_an_unnamed_group_is_no_meeting_with_someone_named_earlier(catalog):
    text = (
        "تلقى الملك عبدالله الثاني اتصالا هاتفيا من الرئيس الأمريكي جو بايدن اليوم.\n"
        "ويبدأ الملك غدا جولة أوروبية، يلتقي خلالها قادة هذه الدول."
    )
    assert len(meetings(text, catalog, "2023-10-16")) == 1


def test_a_purpose_after_a_role_title_is_not_a_name(catalog):
    text = "استقبل الملك عبدالله الثاني أمس وزير الخارجية الأمريكي، في جولة يجريها الوزير لاحتواء التصعيد."
    # The reception of a guest on a tour is that visit (see test_hosting).
    assert events(meetings(text, catalog, "2023-10-14")) == [
        ("visit", "2023-10-13", "held", frozenset({"abdullah-ii", "antony-blinken"}))
    ]


def test_a_series_of_calls_with_each_of_a_list_is_one_call_per_counterpart(catalog):
    # The commas around the date do not cut the subject off the clause.
    text = (
        "أجرى الرئيس عبد الفتاح السيسي، اليوم، سلسلة اتصالات هاتفية مع كل من العاهل الأردني "
        "الملك عبدالله الثاني وأمير قطر الشيخ تميم بن حمد والرئيس الفرنسي إيمانويل ماكرون."
    )
    assert {e[3] for e in events(meetings(text, catalog, "2024-06-15"))} == {
        frozenset({"abdel-fattah-el-sisi", "abdullah-ii"}),
        frozenset({"abdel-fattah-el-sisi", "tamim-bin-hamad"}),
        frozenset({"abdel-fattah-el-sisi", "emmanuel-macron"}),
    }


def test_guests_of_different_countries_received_each_are_separate_meetings(catalog):
    text = (
        "واستقبل الرئيس التونسي قيس سعيد، أمس الجمعة، بقصر قرطاج كلا من وزير الخارجية الجزائري "
        "أحمد عطاف ووزير الخارجية المصري بدر عبد العاطي."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2024-06-15"))] == [
        frozenset({"kais-saied", "ahmed-attaf"}),
        frozenset({"kais-saied", "badr-abdelatty"}),
    ]


def test_guests_of_one_country_received_together_are_one_delegation(catalog):
    text = (
        "استقبل ولي العهد الأمير محمد بن سلمان أمس كلا من وزير الخارجية الأمريكي ماركو روبيو "
        "ومستشار الأمن القومي مايك والتز."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2025-02-18"))] == [
        frozenset({"mohammed-bin-salman", "marco-rubio", "mike-waltz"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "تلقى الرئيس الجزائري عبد المجيد تبون، مساء اليوم، مكالمة هاتفية من الرئيس الفرنسي إيمانويل "
        "ماكرون، وأخرى من رئيسة الوزراء الإيطالية جورجيا ميلوني.",
        "تلقى الرئيس الجزائري عبد المجيد تبون اليوم اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون "
        "واتصالا آخر من رئيسة الوزراء الإيطالية جورجيا ميلوني.",
    ],
)
def test_another_call_from_someone_else_is_a_second_call_of_the_same_subject(catalog, text):
    assert events(meetings(text, catalog, "2024-06-15")) == [
        ("call", "2024-06-15", "held", frozenset({"abdelmadjid-tebboune", "emmanuel-macron"})),
        ("call", "2024-06-15", "held", frozenset({"abdelmadjid-tebboune", "giorgia-meloni"})),
    ]


def test_the_three_leaders_are_the_three_of_the_summit_just_told(catalog):
    text = (
        "عقد الرئيس عبد الفتاح السيسي، اليوم، قمة ثلاثية بالقاهرة مع العاهل الأردني الملك عبد الله "
        "الثاني والرئيس الفرنسي إيمانويل ماكرون.\n"
        "وأجرى القادة الثلاثة عقب القمة اتصالاً هاتفياً مشتركاً بالرئيس الأمريكي دونالد ترامب."
    )
    found = events(meetings(text, catalog, "2025-04-07"))
    trio = {"abdel-fattah-el-sisi", "abdullah-ii", "emmanuel-macron"}
    assert found == [
        ("meeting", "2025-04-07", "held", frozenset(trio)),
        ("call", "2025-04-07", "held", frozenset(trio | {"donald-trump"})),
    ]


def test_a_visitor_arriving_in_a_named_country_needs_no_one_from_the_sentence_before(catalog):
    text = (
        "وأجرى الرئيس المصري عبد الفتاح السيسي أمس اتصالاً هاتفياً بالرئيس الأمريكي دونالد ترامب.\n"
        "وكان الرئيس الفرنسي قد وصل إلى القاهرة مساء أمس الأحد في زيارة دولة."
    )
    assert events(meetings(text, catalog, "2025-04-07"))[1] == (
        "visit",
        "2025-04-06",
        "held",
        frozenset({"emmanuel-macron", "abdel-fattah-el-sisi"}),
    )


def test_objects_with_a_date_each_are_one_meeting_each(catalog):
    text = (
        "وكان وزير الخارجية الأمريكي أنتوني بلينكن قد التقى الرئيس المصري عبد الفتاح السيسي في القاهرة "
        "الاثنين، ورئيس الوزراء الإسرائيلي بنيامين نتنياهو في القدس أمس الثلاثاء."
    )
    assert events(meetings(text, catalog, "2024-06-12")) == [
        ("visit", "2024-06-10", "held", frozenset({"antony-blinken", "abdel-fattah-el-sisi"})),
        ("meeting", "2024-06-11", "held", frozenset({"antony-blinken", "benjamin-netanyahu"})),
    ]


def test_a_background_verb_without_subject_dates_each_object_for_the_person_told_before(catalog):
    text = (
        "وهذه ثامن جولة لوزير الخارجية الأمريكي أنتوني بلينكن في المنطقة، وكان قد التقى الرئيس المصري "
        "عبد الفتاح السيسي في القاهرة الاثنين، ورئيس الوزراء الإسرائيلي بنيامين نتنياهو في القدس أمس الثلاثاء."
    )
    assert [e[1:] for e in events(meetings(text, catalog, "2024-06-12"))] == [
        ("2024-06-10", "held", frozenset({"antony-blinken", "abdel-fattah-el-sisi"})),
        ("2024-06-11", "held", frozenset({"antony-blinken", "benjamin-netanyahu"})),
    ]


def test_meetings_on_a_planned_tour_are_planned_visits(catalog):
    text = (
        "وصل المستشار الألماني أولاف شولتس، السبت، إلى جدة في مستهل جولة خليجية.\n"
        "ومن المقرر أن يتوجه شولتس الأحد إلى أبوظبي، حيث يلتقي رئيس الدولة الشيخ محمد بن زايد آل نهيان.\n"
        "وسيختتم المستشار جولته الاثنين في الدوحة، بلقاء أمير قطر الشيخ تميم بن حمد آل ثاني."
    )
    found = events(meetings(text, catalog, "2022-09-24"))
    assert found[-2:] == [
        ("visit", "2022-09-25", "planned", frozenset({"olaf-scholz", "mohamed-bin-zayed"})),
        ("visit", "2022-09-26", "planned", frozenset({"olaf-scholz", "tamim-bin-hamad"})),
    ]


def test_a_guest_in_the_country_for_a_conference_is_met_not_visiting(catalog):
    text = (
        "استقبل السلطان هيثم بن طارق، صباح اليوم، وزير الخارجية الهندي سوبرامانيام جايشانكار، "
        "الذي يزور سلطنة عُمان حاليًّا للمشاركة في مؤتمر المحيط الهندي."
    )
    assert [e[0] for e in events(meetings(text, catalog, "2024-12-09"))] == ["meeting"]


def test_a_call_on_the_sidelines_wording_is_read_on_the_normalized_key(catalog):
    text = "والتقى الرئيس الصيني شي جين بينغ على هامش القمة أمس نظيره الأمريكي جو بايدن."
    assert events(meetings(text, catalog, "2023-11-16")) == [
        ("meeting", "2023-11-15", "held", frozenset({"xi-jinping", "joe-biden"}))
    ]


def test_the_journalist_of_an_interview_is_not_the_other_side_of_a_call_told_in_it(catalog):
    text = (
        "وفي حوار مع الإعلامي أحمد موسى مساء أمس، قال وزير الخارجية المصري بدر عبد العاطي إن الحل سياسي.\n"
        "وأشار إلى أنه أجرى اتصالاً هاتفياً يوم الخميس الماضي مع رئيس المجلس الرئاسي الليبي محمد المنفي."
    )
    assert events(meetings(text, catalog, "2025-03-15")) == [
        ("call", "2025-03-13", "held", frozenset({"badr-abdelatty", "mohamed-al-menfi"}))
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("قبل أيام من تنصيب الرئيس", "2025-01-21", ("2025-01-01", "month")),
        ("قبل أيام", "2025-01-03", None),  # a few days back may be last month: no date
        ("قبل يومين", "2025-01-21", ("2025-01-19", "day")),
        ("منذ ٣ أيام", "2025-01-21", ("2025-01-18", "day")),
        ("قبل ثلاثة أيام", "2025-03-01", ("2025-02-26", "day")),
    ],
)
def test_days_ago(text, published, expected):
    from newsapp.nlp.dates import find_dates

    found = [
        (d.value.start.isoformat(), str(d.value.precision))
        for d in find_dates(text, date.fromisoformat(published))
    ]
    assert found == ([expected] if expected else [])


def test_heading_together_to_a_city_is_no_new_visit(catalog):
    text = (
        "ومن المقرر أن يتوجه الرئيسان عبد الفتاح السيسي وإيمانويل ماكرون غداً الثلاثاء إلى مدينة العريش "
        "لتفقد المركز اللوجستي."
    )
    assert meetings(text, catalog, "2025-04-07") == []


def test_guests_listed_with_then_are_each_received_in_turn(catalog):
    # "، ثم" lists the next guest of the same reception, one after the other; "حاكم" is a
    # stacked title, not a name.
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان في مطار إسطنبول اليوم رئيس الوزراء الباكستاني "
        "شهباز شريف، ثم الشيخ محمد بن راشد آل مكتوم نائب رئيس الإمارات رئيس مجلس الوزراء حاكم دبي، "
        "لدى وصولهما في زيارة رسمية."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2024-03-04"))] == [
        frozenset({"recep-tayyip-erdogan", "shehbaz-sharif"}),
        frozenset({"recep-tayyip-erdogan", "mohammed-bin-rashid"}),
    ]


def test_then_followed_by_a_verb_of_its_own_is_not_one_more_guest(catalog):
    text = (
        "وصل وزير الخارجية الأردني أيمن الصفدي إلى بيروت اليوم، حيث التقى رئيس الحكومة نجيب ميقاتي، "
        "ثم زار الرئيس ميشال عون في قصر بعبدا."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2022-03-02"))] == [
        frozenset({"ayman-safadi", "najib-mikati"}),
        frozenset({"ayman-safadi", "michel-aoun"}),
    ]


def test_the_minister_of_a_country_without_a_name_is_the_minister_named_before(catalog):
    # "الرئيس المكلف" is a prime minister designate, not the sitting president.
    text = (
        "استقبل الرئيس ميشال عون اليوم وزير الخارجية الأردني أيمن الصفدي.\n"
        "وانتقل الوزير الأردني إلى السرايا حيث التقى رئيس حكومة تصريف الأعمال حسان دياب، ثم زار "
        "الرئيس المكلف تشكيل الحكومة نجيب ميقاتي في دارته."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2021-08-02"))] == [
        frozenset({"michel-aoun", "ayman-safadi"}),
        frozenset({"ayman-safadi", "hassan-diab"}),
        frozenset({"ayman-safadi", "najib-mikati"}),
    ]


def test_one_more_meeting_told_with_also_is_on_the_day_of_the_occasion_told_first(catalog):
    # The lead meeting names no one; "كذلك" adds a meeting to that day's round.
    text = (
        "نيويورك (رويترز) التقى الرئيس التركي رجب طيب أردوغان يوم الأربعاء، على هامش أعمال الجمعية "
        "العامة للأمم المتحدة، عدداً من القادة في لقاءات منفصلة.\n"
        "والتقى أردوغان كذلك رئيس الوزراء الباكستاني شهباز شريف."
    )
    assert events(meetings(text, catalog, "2024-09-27")) == [
        ("meeting", "2024-09-25", "held", frozenset({"recep-tayyip-erdogan", "shehbaz-sharif"}))
    ]


def test_talks_on_the_same_day_take_the_day_of_the_talks_told_just_before(catalog):
    text = (
        "وكان رئيس الوزراء الهندي ناريندرا مودي قد أجرى يوم الخميس محادثات في برلين مع المستشار "
        "الألماني أولاف شولتس.\n"
        "كما أجرى مودي في اليوم نفسه محادثات مع الرئيس الفرنسي إيمانويل ماكرون."
    )
    assert [e[1:] for e in events(meetings(text, catalog, "2022-05-07"))] == [
        ("2022-05-05", "held", frozenset({"narendra-modi", "olaf-scholz"})),
        ("2022-05-05", "held", frozenset({"narendra-modi", "emmanuel-macron"})),
    ]


def test_the_person_a_summit_is_named_after_takes_no_part_in_it(catalog):
    text = (
        "عقد أمير قطر الشيخ تميم بن حمد اليوم لقاء مع الرئيس التركي رجب طيب أردوغان على هامش "
        "الدورة الخامسة عشرة (قمة الشيخ صباح الأحمد) في الكويت."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2021-12-14"))] == [
        frozenset({"tamim-bin-hamad", "recep-tayyip-erdogan"})
    ]


def test_whoever_escorts_the_visitor_is_his_delegation_not_another_side(catalog):
    text = (
        "وصل الرئيس الفرنسي إيمانويل ماكرون اليوم إلى القاهرة في زيارة رسمية، يرافقه وزير الخارجية "
        "جان نويل بارو، وكان في استقباله الرئيس عبد الفتاح السيسي."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2025-04-06"))] == [
        frozenset({"emmanuel-macron", "abdel-fattah-el-sisi"})
    ]


def test_a_minister_taking_part_in_talks_between_two_others_is_a_participant(catalog):
    text = (
        "استضافت القاهرة أمس لقاء بين وزير الخارجية الإيراني عباس عراقجي ونظيره السعودي فيصل بن فرحان، "
        "بمشاركة وزير الخارجية المصري بدر عبد العاطي."
    )
    assert [e[3] for e in events(meetings(text, catalog, "2025-03-10"))] == [
        frozenset({"abbas-araghchi", "faisal-bin-farhan", "badr-abdelatty"})
    ]


def test_the_visit_the_article_reports_framed_again_is_no_visit_of_the_next_trip_told(catalog):
    text = (
        "وتأتي زيارة القاهرة بعد يومين من زيارة رئيس الوزراء الباكستاني شهباز شريف إلى السعودية، "
        "حيث استقبله ولي العهد الأمير محمد بن سلمان في جدة."
    )
    assert events(meetings(text, catalog, "2024-04-10")) == [
        ("visit", None, "held", frozenset({"shehbaz-sharif", "mohammed-bin-salman"}))
    ]


def test_the_date_time_is_counted_from_is_not_the_date_of_the_visit(catalog):
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة رئيس الوزراء العراقي محمد شياع "
        "السوداني، في أول زيارة له إلى مصر منذ توليه منصبه في 27 أكتوبر الماضي."
    )
    assert [e[:3] for e in events(meetings(text, catalog, "2023-03-20"))] == [("visit", None, "held")]


def test_a_meeting_time_is_counted_from_keeps_its_date(catalog):
    text = (
        "وهذا أول لقاء بين الرئيس الإيراني إبراهيم رئيسي والرئيس الروسي فلاديمير بوتين منذ لقائهما "
        "في طهران في يوليو 2022."
    )
    assert [e[1] for e in events(meetings(text, catalog, "2023-01-20"))][-1] == "2022-07-01"
