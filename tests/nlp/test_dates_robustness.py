"""find_dates on any input: it never raises, and its spans stay inside the text, sorted and apart."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsapp.nlp.dates import find_dates
from newsapp.nlp.types import DateValue

# normalize._fold_char recurses forever on presentation-form code points that NFKC leaves
# alone (U+FD3E "﴾", U+FBB2...): reported, kept out of the property test until fixed.
_NO_NFKC = "".join(chr(c) for c in range(0xFB50, 0xFFF0) if unicodedata.normalize("NFKC", chr(c)) == chr(c))


def test_find_dates_survives_presentation_forms_that_nfkc_keeps() -> None:
    assert find_dates("﴾في 8 فبراير 2024﴿", None)[0].value == DateValue(date(2024, 2, 8))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_characters=_NO_NFKC), max_size=200), st.none() | st.dates())
def test_find_dates_never_raises_and_returns_sorted_disjoint_spans(text: str, published: date | None) -> None:
    previous_end = 0
    for mention in find_dates(text, published):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        previous_end = mention.end


_ARABIC_BITS = ["في ", "من ", "إلى ", "و", "يوم ", "الثلاثاء ", "أمس ", "اليوم ", "٢٠٢٤", "29 ", "31 ", "فبراير",
                "/شباط ", "رمضان ", "1445 ", "هـ ", "الماضي ", "المقبل ", "من العام الماضي ", "سيلتقي ", "، ", "\n"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("من العام الماضي", date(1, 1, 1)),
        ("الشهر الماضي", date(1, 1, 1)),
        ("أمس", date(1, 1, 1)),
        ("الأحد الماضي", date(1, 1, 1)),
        ("غدا", date(9999, 12, 31)),
        ("العام المقبل", date(9999, 12, 31)),
    ],
)
def test_relative_dates_past_the_calendar_ends_are_no_dates(text: str, published: date) -> None:
    assert find_dates(text, published) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ARABIC_BITS), max_size=25), st.none() | st.dates())
def test_find_dates_never_raises_on_date_like_arabic(bits: list[str], published: date | None) -> None:
    text = "".join(bits)
    mentions = find_dates(text, published)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
