"""Arabic dates, ordinals and counted nouns for the reader pages."""

from datetime import date
from types import SimpleNamespace

import pytest

from newsapp.templatetags.marsad import arabic_date, contact_ordinal, counted, meeting_date, ordinal


def meeting(start, end=None, precision="day"):
    return SimpleNamespace(start_date=start, end_date=end, precision=precision)


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        (date(2024, 2, 8), "day", "8 فبراير 2024"),
        (date(2023, 11, 1), "month", "نوفمبر 2023"),
        (date(2023, 1, 1), "year", "2023"),
        (None, "day", "تاريخ غير معروف"),
    ],
)
def test_a_date_is_shown_in_arabic_at_its_precision(value, precision, shown):
    assert arabic_date(value, precision) == shown


def test_a_meeting_over_several_days_shows_its_range():
    assert meeting_date(meeting(date(2023, 3, 20), date(2023, 3, 22))) == "20 - 22 مارس 2023"
    assert meeting_date(meeting(date(2023, 3, 30), date(2023, 4, 2))) == "30 مارس - 2 أبريل 2023"
    assert meeting_date(meeting(date(2023, 12, 30), date(2024, 1, 2))) == "30 ديسمبر 2023 - 2 يناير 2024"


def test_a_month_precision_meeting_never_shows_a_made_up_day():
    assert meeting_date(meeting(date(2023, 11, 1), precision="month")) == "نوفمبر 2023"


def test_ordinals_agree_with_the_kind_of_contact():
    assert ordinal(3) == "الثالث"
    assert ordinal(1, feminine=True) == "الأولى"
    assert ordinal(12) == "رقم 12"
    assert contact_ordinal("call", 3, 2024) == "الاتصال الهاتفي الثالث بينهما في 2024"
    assert contact_ordinal("visit", 2, 2023) == "الزيارة الثانية بينهما في 2023"
    assert contact_ordinal("meeting", None, 2023) == ""


def test_counted_nouns_follow_arabic_number_agreement():
    forms = ("مقال واحد", "مقالان", "مقالات", "مقالاً")
    assert [counted(n, *forms) for n in (0, 1, 2, 3, 10, 11, 100)] == [
        "0 مقالات",
        "مقال واحد",
        "مقالان",
        "3 مقالات",
        "10 مقالات",
        "11 مقالاً",
        "100 مقالاً",
    ]
