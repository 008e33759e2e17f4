"""Arabic temporal expressions: regional month names, pairs, ranges, Hijri, relative dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsapp.nlp.dates import find_dates, month_number, weekday_after, weekday_before
from newsapp.nlp.types import DateValue, Precision

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


def values(text: str, published: date | None = None) -> list[tuple[str, DateValue]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


def only(text: str, published: date | None = None) -> DateValue:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0].value


def seed(number: str) -> tuple[str, date]:
    meta = {m["file"][:3]: m for m in json.loads((SEEDS / "seeds.json").read_text(encoding="utf-8"))}[number]
    return (SEEDS / meta["file"]).read_text(encoding="utf-8"), date.fromisoformat(meta["published"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقيا في 8 فبراير 2024", date(2024, 2, 8)),
        ("التقيا في ٨ فبراير ٢٠٢٤", date(2024, 2, 8)),
        ("التقيا في 3 كانون الثاني 2024", date(2024, 1, 3)),
        ("التقيا في 3 تشرين الأول 2023", date(2023, 10, 3)),
        ("زار الجزائر في 5 جانفي 2023", date(2023, 1, 5)),
        ("زار تونس في 12 جويلية 2023", date(2023, 7, 12)),
        ("زار الجزائر في 12 أوت 2023", date(2023, 8, 12)),
        ("زار الرباط في 3 يوليوز 2023", date(2023, 7, 3)),
        ("زار الرباط في 12 غشت 2023", date(2023, 8, 12)),
        ("زار الرباط في 4 شتنبر 2023", date(2023, 9, 4)),
        ("زار الرباط في 9 دجنبر 2023", date(2023, 12, 9)),
        ("زار الرباط في 5 نونبر 2023", date(2023, 11, 5)),
        ("وصل في 20 إبريل 2023", date(2023, 4, 20)),
        ("وصل في 20 ابريل 2023", date(2023, 4, 20)),
        ("وصل في 20 أَبْرِيل 2023", date(2023, 4, 20)),
        ("وصل في 1 أيار 2023", date(2023, 5, 1)),
        ("وصل في 14 آب 2023", date(2023, 8, 14)),
        ("وصل في 14 اغسطس 2023م", date(2023, 8, 14)),
        ("التقيا في الثامن من فبراير 2024", date(2024, 2, 8)),
        ("التقيا في الحادي والعشرين من مارس 2023", date(2023, 3, 21)),
        ("التقيا يوم 8 من شهر فبراير 2024", date(2024, 2, 8)),
    ],
)
def test_a_day_month_year_is_read_in_every_regional_month_set(text: str, expected: date) -> None:
    assert only(text) == DateValue(expected, DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 8 فبراير/شباط 2024", date(2024, 2, 8)),
        ("في 14 نوفمبر/ تشرين الثاني 2022", date(2022, 11, 14)),
        ("في 1 يناير/كانون الثاني 2020", date(2020, 1, 1)),
        ("في 8 (فبراير) شباط 2024", date(2024, 2, 8)),
        ("في 8 شباط (فبراير) 2024", date(2024, 2, 8)),
    ],
)
def test_a_month_paired_with_its_other_regional_name_is_one_date(text: str, expected: date) -> None:
    found = find_dates(text, None)
    assert [m.value for m in found] == [DateValue(expected, DAY)]
    assert found[0].text == text.removeprefix("في ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أيلول/سبتمبر 2023", date(2023, 9, 1)),
        ("في مارس 2023 زار", date(2023, 3, 1)),
        ("في مارس/آذار 2023", date(2023, 3, 1)),
        ("في شهر ماي 2019", date(2019, 5, 1)),
        ("في فيفري 2022", date(2022, 2, 1)),
        ("في نوفمبر من عام 2023", date(2023, 11, 1)),
    ],
)
def test_a_month_and_year_has_month_precision_and_no_made_up_day(text: str, expected: date) -> None:
    assert only(text) == DateValue(expected, MONTH)


def test_a_day_and_month_take_the_most_recent_year_on_or_before_publication() -> None:
    assert only("التقى بايدن شي في 14 نوفمبر", date(2022, 11, 19)) == DateValue(date(2022, 11, 14))
    assert only("التقيا في 20 ديسمبر", date(2024, 1, 28)) == DateValue(date(2023, 12, 20))


def test_a_day_and_month_in_a_planned_sentence_take_the_next_occurrence() -> None:
    assert only("سيزور الرئيس الصين في 30 مارس", date(2024, 1, 28)).start == date(2024, 3, 30)
    assert only("من المقرر أن يلتقيا في 15 ديسمبر", date(2024, 1, 28)).start == date(2024, 12, 15)
    # Two days after publication is upcoming, whatever the verb.
    assert only("لإطلاق مجموعة عمل في 30 يناير", date(2024, 1, 28)).start == date(2024, 1, 30)


def test_a_month_without_a_year_is_the_last_one_before_publication() -> None:
    assert only("القمة التي عقدت في نونبر", date(2024, 1, 28)) == DateValue(date(2023, 11, 1), MONTH)
    assert only("منذ نوفمبر", date(2024, 4, 2)) == DateValue(date(2023, 11, 1), MONTH)


def test_month_words_that_are_also_verbs_or_names_need_a_cue() -> None:
    assert values("قال إن الوزير مارس ضغوطا كبيرة", date(2024, 1, 28)) == []
    assert values("التقى تيريزا ماي في لندن", date(2024, 1, 28)) == []
    assert values("زار الأب الكنيسة مع أب آخر", date(2024, 1, 28)) == []
    assert only("وصل في مارس", date(2024, 4, 2)) == DateValue(date(2024, 3, 1), MONTH)
    assert only("خلال شهر آب", date(2024, 1, 28)) == DateValue(date(2023, 8, 1), MONTH)


def test_a_month_with_a_relative_year_resolves_against_publication() -> None:
    pub = date(2024, 1, 28)
    assert only("في نونبر من العام الماضي", pub) == DateValue(date(2023, 11, 1), MONTH)
    assert only("في نوفمبر من السنة الماضية", pub) == DateValue(date(2023, 11, 1), MONTH)
    assert only("في مايو من العام المقبل", pub) == DateValue(date(2025, 5, 1), MONTH)
    assert only("في مايو من هذا العام", pub) == DateValue(date(2024, 5, 1), MONTH)
    assert only("في نوفمبر الماضي", pub) == DateValue(date(2023, 11, 1), MONTH)
    assert only("في يناير الجاري", pub) == DateValue(date(2024, 1, 1), MONTH)
    assert only("في مارس المقبل", pub) == DateValue(date(2024, 3, 1), MONTH)
    assert find_dates("في نونبر من العام الماضي", pub)[0].relative


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("من 26 إلى 29 يناير 2024", date(2024, 1, 26), date(2024, 1, 29)),
        ("بين 26 و29 يناير 2024", date(2024, 1, 26), date(2024, 1, 29)),
        ("26-29 يناير 2024", date(2024, 1, 26), date(2024, 1, 29)),
        ("من ٢٦ حتى ٢٩ كانون الثاني ٢٠٢٤", date(2024, 1, 26), date(2024, 1, 29)),
        ("من 30 يناير إلى 2 فبراير 2024", date(2024, 1, 30), date(2024, 2, 2)),
        ("من 30 ديسمبر إلى 2 يناير 2024", date(2023, 12, 30), date(2024, 1, 2)),
        ("يومي 5 و6 ماي 2023", date(2023, 5, 5), date(2023, 5, 6)),
    ],
)
def test_a_range_of_days_has_a_start_and_a_last_day(text: str, start: date, end: date) -> None:
    assert only(text) == DateValue(start, DAY, end)


def test_two_days_joined_by_and_are_a_list_not_a_range() -> None:
    assert all(m.value.end is None for m in find_dates("في 5 و20 مايو 2023", None))


def test_a_range_without_a_year_follows_publication() -> None:
    value = only("زيارة لتايلاند من 26 إلى 29 يناير الجاري", date(2024, 1, 28))
    assert value == DateValue(date(2024, 1, 26), DAY, date(2024, 1, 29))


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("في عام 2023", 2023),
        ("في 2022 وقع", 2022),
        ("سنة 2019", 2019),
        ("منذ 2014", 2014),
        ("خلال ٢٠٢١", 2021),
    ],
)
def test_a_year_after_a_cue_word_has_year_precision(text: str, year: int) -> None:
    assert only(text) == DateValue(date(year, 1, 1), YEAR)


def test_counts_and_amounts_are_not_years() -> None:
    assert values("بلغت التجارة 200 مليار دولار وقتل 2024 شخص") == []
    assert values("في 2024 شخص") == []
    assert values("رقم 2023 في القائمة") == []


def test_numeric_dates_are_read_day_first() -> None:
    assert only("بتاريخ 05/01/2024") == DateValue(date(2024, 1, 5))
    assert only("بتاريخ 2024-01-05") == DateValue(date(2024, 1, 5))
    assert values("النتيجة 3-1 و10:30") == []


def test_today_and_yesterday_resolve_against_publication() -> None:
    pub = date(2024, 1, 28)  # a Sunday
    assert only("وأكد الرئيس اليوم الأحد", pub) == DateValue(pub)
    assert only("التقيا صباح اليوم", pub) == DateValue(pub)
    assert only("اتفقا أمس السبت ببانكوك", pub) == DateValue(date(2024, 1, 27))
    assert only("اتفقا امس", pub) == DateValue(date(2024, 1, 27))
    assert only("اتصل به يوم أمس", pub) == DateValue(date(2024, 1, 27))
    assert only("اتصل به أول أمس", pub) == DateValue(date(2024, 1, 26))
    assert find_dates("اتفقا أمس", pub)[0].relative


def test_today_in_fixed_phrases_is_not_the_publication_day() -> None:
    pub = date(2024, 1, 28)
    assert values("وفي اليوم التالي عاد", pub) == []
    assert values("في مثل هذا اليوم من عام", pub) == []
    assert values("منذ ذلك اليوم", pub) == []


def test_relative_expressions_are_skipped_without_a_publication_date() -> None:
    assert values("التقيا أمس والثلاثاء واليوم والشهر الماضي وفي 14 نوفمبر", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أجرى محادثات صباح يوم الثلاثاء", date(2024, 4, 2)),
        ("قال ذلك مساء الاثنين", date(2024, 4, 1)),
        ("وقال الكرملين الأحد إن", date(2024, 3, 31)),
        ("التقيا الخميس الماضي", date(2024, 3, 28)),
        ("التقيا الثلاثاء الماضي", date(2024, 3, 26)),
        ("سيلتقيان الخميس المقبل", date(2024, 4, 4)),
        ("سيلتقي الرئيس نظيره يوم الثلاثاء", date(2024, 4, 9)),
        ("من المقرر أن يزور بكين يوم الجمعة", date(2024, 4, 5)),
        ("قال يوم الثلاثاء إنه سيلتقي بوتين", date(2024, 4, 2)),
    ],
)
def test_a_weekday_is_the_latest_on_or_before_publication_unless_future(text: str, expected: date) -> None:
    assert only(text, date(2024, 4, 2)) == DateValue(expected)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "استقبل سيادة الرئيس، الثلاثاء، وزير الخارجية",  # "سيادة" is no future verb
        "التقى وزير الخارجية الروسي سيرغي لافروف، الثلاثاء، نظيره",  # nor is the name "سيرغي"
        "بعد سنوات من القطيعة، التقى الرئيسان الثلاثاء",  # nor "سنوات"
        "بحث الوزيران سياسة الطاقة الثلاثاء",  # nor "سياسة"
    ],
)
def test_words_that_only_start_like_a_future_verb_leave_a_weekday_in_the_past(text: str) -> None:
    assert only(text, date(2024, 4, 2)) == DateValue(date(2024, 4, 2))  # a Tuesday


def test_monday_is_not_confused_with_the_two() -> None:
    text = "اتفق الاثنين على ذلك وقال إن بين الاثنين خلافا"
    assert [m.start for m in find_dates(text, date(2024, 4, 2))] == [text.index("الاثنين")]


def test_a_weekday_introducing_an_explicit_date_is_part_of_it() -> None:
    assert values("التقيا يوم الأحد، 7 يناير 2024", date(2024, 1, 28)) == [
        ("يوم الأحد، 7 يناير 2024", DateValue(date(2024, 1, 7)))
    ]


def test_relative_months_and_years() -> None:
    pub = date(2024, 1, 28)
    assert only("الشهر الماضي", pub) == DateValue(date(2023, 12, 1), MONTH)
    assert only("خلال الشهر الجاري", pub) == DateValue(date(2024, 1, 1), MONTH)
    assert only("هذا الشهر", pub) == DateValue(date(2024, 1, 1), MONTH)
    assert only("الشهر المقبل", pub) == DateValue(date(2024, 2, 1), MONTH)
    assert only("العام الماضي", pub) == DateValue(date(2023, 1, 1), YEAR)
    assert only("السنة الماضية", pub) == DateValue(date(2023, 1, 1), YEAR)
    assert only("هذا العام", pub) == DateValue(date(2024, 1, 1), YEAR)
    assert only("العام الجاري", pub) == DateValue(date(2024, 1, 1), YEAR)
    assert only("العام المقبل", pub) == DateValue(date(2025, 1, 1), YEAR)
    assert values("الأسبوع الماضي والعامين الماضيين", pub) == []


def test_a_year_named_earlier_in_the_sentence_gives_a_bare_month_its_year() -> None:
    found = values(
        "دعا كل منهما الآخر هذا العام، مع فعاليات في روسيا في مايو والصين في سبتمبر.", date(2025, 1, 21)
    )
    assert [v for _, v in found][1:] == [
        DateValue(date(2025, 5, 1), MONTH),
        DateValue(date(2025, 9, 1), MONTH),
    ]


def test_hijri_dates_convert_to_gregorian() -> None:
    assert only("في 15 رمضان 1445 هـ") == DateValue(date(2024, 3, 25))
    assert only("في 15 رمضان 1445") == DateValue(date(2024, 3, 25))
    assert only("في ١٥ رمضان ١٤٤٥هـ") == DateValue(date(2024, 3, 25))
    assert only("في 10 ذو الحجة 1444 هـ") == DateValue(date(2023, 6, 28))


def test_a_hijri_month_is_a_range_of_its_gregorian_days() -> None:
    assert only("خلال شهر رمضان 1445هـ") == DateValue(date(2024, 3, 11), DAY, date(2024, 4, 9))


def test_hijri_without_year_needs_publication_and_zero_is_not_safar() -> None:
    assert only("في 27 رمضان", date(2024, 4, 20)) == DateValue(date(2024, 4, 6))
    assert values("فاز 3 صفر", date(2024, 4, 20)) == []
    assert values("خلال شهر رمضان", date(2024, 4, 20)) == []


def test_seed_000_dates() -> None:
    text, pub = seed("000")
    found = {m.text: m.value for m in find_dates(text, pub)}
    assert found["14 نوفمبر/ تشرين الثاني"] == DateValue(date(2022, 11, 14))
    assert found["14 نوفمبر"] == DateValue(date(2022, 11, 14))
    assert found["يناير/ كانون الثاني 2020"] == DateValue(date(2020, 1, 1), MONTH)


def test_seed_001_dates() -> None:
    text, pub = seed("001")
    found = {m.text: m.value for m in find_dates(text, pub)}
    assert found["أمس السبت"] == DateValue(date(2024, 1, 27))
    assert found["من 26 إلى 29 يناير الجاري"] == DateValue(date(2024, 1, 26), DAY, date(2024, 1, 29))
    assert found["نونبر من العام الماضي"] == DateValue(date(2023, 11, 1), MONTH)
    assert found["30 يناير"] == DateValue(date(2024, 1, 30))


def test_seed_002_dates() -> None:
    text, pub = seed("002")
    found = find_dates(text, pub)
    by_text = {m.text: m.value for m in found}
    assert by_text["صباح يوم الثلاثاء"] == DateValue(date(2024, 4, 2))
    assert by_text["مساء الاثنين"] == DateValue(date(2024, 4, 1))
    assert by_text["يوليو 2022"] == DateValue(date(2022, 7, 1), MONTH)
    assert by_text["نوفمبر 2022"] == DateValue(date(2022, 11, 1), MONTH)
    assert by_text["نوفمبر من العام الماضي"] == DateValue(date(2023, 11, 1), MONTH)


def test_seed_003_dates() -> None:
    text, pub = seed("003")
    found = find_dates(text, pub)
    assert found[0].text == "8 فبراير/شباط" and found[0].value == DateValue(date(2024, 2, 8))
    by_text = {m.text: m.value for m in found}
    assert by_text["مارس 2023"] == DateValue(date(2023, 3, 1), MONTH)
    assert by_text["فبراير/شباط 2022"] == DateValue(date(2022, 2, 1), MONTH)
    assert by_text["أكتوبر/تشرين الأول 2023"] == DateValue(date(2023, 10, 1), MONTH)
    assert by_text["عام 2023"] == DateValue(date(2023, 1, 1), YEAR)
    assert "200" not in "".join(by_text)


def test_seed_004_dates() -> None:
    text, pub = seed("004")
    found = find_dates(text, pub)
    assert {m.value for m in found if "الثلاثاء" in m.text} == {DateValue(date(2025, 1, 21))}
    assert DateValue(date(2024, 7, 3)) in {m.value for m in found if m.text == "3 يوليو 2024"}


def test_offsets_point_into_the_original_text_even_with_tashkeel_and_tatweel() -> None:
    text = "وَصَلَ فِي ٨ فَبْرَايِر ٢٠٢٤ والتقى في الـ14 من مارس 2024"
    for mention in find_dates(text, None):
        assert text[mention.start : mention.end] == mention.text
    assert [m.value.start for m in find_dates(text, None)] == [date(2024, 2, 8), date(2024, 3, 14)]


def test_month_number_reads_any_spelling() -> None:
    assert month_number("بنوفمبر") == 11
    assert month_number("تشرين الأول") == 10
    assert month_number("جويلية") == 7
    assert month_number("غشت") == 8
    assert month_number("رمضان") is None
    assert month_number("") is None


def test_weekday_helpers() -> None:
    tuesday = date(2024, 4, 2)
    assert weekday_before(tuesday, 1) == tuesday
    assert weekday_before(tuesday, 6) == date(2024, 3, 31)
    assert weekday_after(tuesday, 1) == date(2024, 4, 9)
    assert weekday_after(tuesday, 2) == date(2024, 4, 3)
