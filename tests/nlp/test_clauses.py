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


def test_a_since_date_followed_by_when_they_met_is_the_date_of_that_meeting():
    text = "وهو أول لقاء بين الوزيرين منذ 3 يونيو 2021، حين اجتمعا في جنيف على هامش مؤتمر"
    key, start = _date_start(text, "3 يونيو 2021")
    end = start + len("3 يونيو 2021")
    assert not counted_from(key, start, find_triggers(key), end)
    key, start = _date_start("لم يلتق الرئيسان منذ 3 يونيو 2021، حين اندلعت الأزمة", "3 يونيو 2021")
    assert counted_from(key, start, find_triggers(key), start + len("3 يونيو 2021"))
