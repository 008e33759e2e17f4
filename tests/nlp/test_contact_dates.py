"""Which told date a contact takes (newsapp.nlp.contact_dates); through whole texts in test_meetings.py."""

from datetime import date

import pytest

from newsapp.nlp.contact_dates import DateAt, ReadSentence, borrowed_date, is_news_day
from newsapp.nlp.sentences import Sentence
from newsapp.nlp.types import DateMention, DateValue, Precision

PUBLISHED = date(2024, 5, 9)


def told(day: date, start: int = 0, precision: Precision = Precision.DAY) -> DateAt:
    return DateAt(start, start + 5, DateMention(start, start + 5, "تاريخ", DateValue(day, precision)))


def sentence(paragraph: int, *dates: DateAt, reported: bool = False) -> ReadSentence:
    return ReadSentence(Sentence(0, 10, paragraph), 0, 10, dates=list(dates), reported=reported)


@pytest.mark.parametrize(
    ("day", "precision", "published", "expected"),
    [
        (PUBLISHED, Precision.DAY, PUBLISHED, True),
        (date(2024, 5, 8), Precision.DAY, PUBLISHED, True),  # "أمس"
        (date(2024, 5, 7), Precision.DAY, PUBLISHED, False),
        (date(2024, 5, 1), Precision.MONTH, PUBLISHED, False),  # "مايو" is no day of news
        (PUBLISHED, Precision.DAY, None, False),
    ],
)
def test_the_news_day_is_the_publication_day_or_the_one_before(day, precision, published, expected):
    assert is_news_day(told(day, precision=precision), published) is expected


def test_a_contact_takes_the_one_date_its_sentence_has_left():
    used, left = told(date(2024, 5, 1)), told(date(2024, 5, 2), start=20)
    used.used = True
    assert borrowed_date("", [sentence(0, used, left)], 0, []) is left


def test_else_the_last_date_of_an_earlier_sentence_of_the_paragraph_that_told_no_contact():
    first, second = told(date(2024, 5, 1)), told(date(2024, 5, 2), start=20)
    sentences = [sentence(0, first, second), sentence(0)]
    assert borrowed_date("", sentences, 1, []) is second


def test_never_past_a_sentence_that_told_a_contact_or_into_another_paragraph():
    day = told(date(2024, 5, 1))
    assert borrowed_date("", [sentence(0, day, reported=True), sentence(0)], 1, []) is None
    assert borrowed_date("", [sentence(0, day), sentence(1)], 1, []) is None
