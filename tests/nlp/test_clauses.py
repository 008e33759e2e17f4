"""Clause boundaries and "since" clauses, on the normalized key the reader works on."""

from newsapp.nlp.clauses import counted_from
from newsapp.nlp.normalize import normalize_key
from newsapp.nlp.triggers import find_triggers


def _date_start(text: str, date_text: str) -> tuple[str, int]:
    key = normalize_key(text)
    return key, key.index(normalize_key(date_text))


def test_a_date_after_since_is_what_time_is_counted_from():
    for text, day in [
        ("لم يلتق الرئيسان منذ 2019 بحسب البيان", "2019"),
        ("وهي الزيارة الأولى منذ بدء الحرب في 12 مارس", "12 مارس"),
    ]:
        key, start = _date_start(text, day)
        assert counted_from(key, start, find_triggers(key)), text


def test_a_since_clause_that_tells_a_meeting_keeps_its_date():
    key, start = _date_start("وهو أول اتصال بينهما منذ لقائهما في أكتوبر 2022", "أكتوبر 2022")
    assert not counted_from(key, start, find_triggers(key))
    key, start = _date_start("التقى الوزير نظيره في 5 مايو", "5 مايو")
    assert not counted_from(key, start, find_triggers(key))
