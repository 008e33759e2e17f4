"""The text pipeline on arbitrary Unicode (hypothesis): it never raises, keys are stable.

tests/nlp already fuzzes ``analyze_strict`` with a small hand-built gazetteer
and a limited alphabet, ``find_dates`` without NFKC-stable presentation forms,
and ``normalize_key`` on text without surrogates. Here: the real catalog, every
code point (lone surrogates, NUL, bidi controls and presentation forms
included), and text built from the catalog's own spellings, trigger words and
dates mixed with noise, so the deep paths (titles, participants, merging) run.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsapp.nlp.catalog_files import load_gazetteer
from newsapp.nlp.clean import clean_text, fallback_title, split_title
from newsapp.nlp.dates import find_dates
from newsapp.nlp.normalize import content_key, normalize_key, normalize_with_offsets
from newsapp.nlp.pipeline import analyze_strict, prepare

CATALOG = Path(__file__).resolve().parents[2] / "fixtures" / "catalog"

# Every code point: hypothesis leaves out surrogates (category Cs) unless told otherwise.
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=400)
PUBLISHED = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))

_WORDS = (
    "التقى", "استقبل", "اتصالا هاتفيا", "مكالمة هاتفية", "عبر الفيديو", "زيارة رسمية", "يزور", "سيلتقي",
    "لم يتحدث", "بحث مع", "الرئيس الأمريكي", "الرئيس الصيني", "الروسي", "وزير الخارجية",
    "ولي العهد السعودي", "نائبة بايدن", "في", "يوم", "أمس", "اليوم", "الثلاثاء الماضي", "المقبل",
    "8 فبراير/شباط 2024", "٢٠٢٤", "أيلول/سبتمبر", "تشرين الثاني", "جانفي", "غشت", "رمضان 1445 هـ",
    "على هامش قمة مجموعة العشرين", "في بكين", "موسكو", "الرياض", "،", ".", "«", "»", "\n",
)  # fmt: skip


@pytest.fixture(scope="module")
def real_catalog():
    gazetteer = load_gazetteer(CATALOG)
    spellings = sorted(
        {a.text for e in gazetteer.entities for a in e.aliases} | {e.name for e in gazetteer.entities}
    )
    return prepare(gazetteer), spellings


def article_like(spellings: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(spellings),
        st.sampled_from(_WORDS),
        st.text(ANY_CHAR, max_size=4),
        st.sampled_from(["\u202e", "\u2066", "\u2069", "\u200f", "\u200d", "\ufeff", "\x00", "\ud800", "ـ"]),
    )
    separator = st.sampled_from([" ", "", "\n", "، ", "و", "ب", "ل"])
    return st.lists(st.tuples(piece, separator), max_size=80).map(
        lambda parts: "".join(a + b for a, b in parts)
    )


def check_analysis(text: str, analysis) -> None:
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
    for meeting in analysis.meetings:
        assert text[meeting.evidence_start : meeting.evidence_end] == meeting.evidence
    analysis.as_json()


# MARSAD_FUZZ_EXAMPLES=20000 for a long campaign; 300 keeps `make test` quick.
EXAMPLES = int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=ANY_TEXT, published=PUBLISHED)
def test_analyze_strict_never_raises_on_any_unicode_with_the_real_catalog(real_catalog, text, published):
    prepared, _ = real_catalog
    check_analysis(text, analyze_strict(text, published, prepared))


@FUZZ
@given(data=st.data(), published=PUBLISHED)
def test_analyze_strict_never_raises_on_catalog_spellings_mixed_with_noise(real_catalog, data, published):
    prepared, spellings = real_catalog
    text = data.draw(article_like(spellings))
    check_analysis(text, analyze_strict(text, published, prepared))


@FUZZ
@given(raw=ANY_TEXT, title=st.none() | ANY_TEXT)
def test_clean_text_and_titles_never_raise_and_return_text(raw, title):
    cleaned = clean_text(raw, title=title)
    assert isinstance(cleaned, str)
    heading, rest = split_title(raw)
    assert heading is None or isinstance(heading, str)
    assert isinstance(rest, str)
    assert len(fallback_title(cleaned)) <= 121


@FUZZ
@given(text=ANY_TEXT, published=PUBLISHED)
def test_find_dates_never_raises_on_any_unicode(text, published):
    previous_end = 0
    for mention in find_dates(text, published):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        previous_end = mention.end


@FUZZ
@given(text=ANY_TEXT)
def test_keys_of_any_unicode_are_idempotent_and_offsets_stay_inside(text):
    key = normalize_key(text)
    assert normalize_key(key) == key
    assert content_key(content_key(text)) == content_key(text)
    folded, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(folded) + 1 and all(0 <= o <= len(text) for o in offsets)
