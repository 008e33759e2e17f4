"""analyze(): seeds against the hand annotation, robustness, caching, JSON shape."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsapp.nlp.catalog_files import load_gazetteer
from newsapp.nlp.evaluation import evaluate, format_report, load_gold
from newsapp.nlp.pipeline import analyze, analyze_strict, prepare
from newsapp.nlp.types import Analysis, Gazetteer

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "fixtures" / "catalog"
SEEDS = ROOT / "fixtures" / "seeds"
GOLD = ROOT / "tests" / "data" / "seeds_gold.json"


@pytest.fixture(scope="module")
def catalog() -> Gazetteer:
    if not any(CATALOG.glob("*.json")):
        pytest.skip("no catalog files yet")
    return load_gazetteer(CATALOG)


def _seed_analyses(catalog: Gazetteer) -> list[Analysis]:
    from newsapp.nlp.clean import clean_text

    return [
        analyze(clean_text((SEEDS / d.file).read_text(encoding="utf-8")), d.published, catalog)
        for d in load_gold(GOLD)
    ]


def test_the_seeds_score_well_against_the_hand_annotation(catalog):
    report = evaluate(load_gold(GOLD), _seed_analyses(catalog))
    assert report.persons.f1 >= 0.9, format_report(report)
    assert report.meetings.precision >= 0.85, format_report(report)
    assert report.meetings.recall >= 0.8, format_report(report)


def test_nothing_is_read_from_interviews_planned_or_denied_visits_in_the_seeds(catalog):
    for analysis in _seed_analyses(catalog):
        for meeting in analysis.meetings:
            slugs = {p.slug for p in meeting.participants}
            assert not slugs & {"tucker-carlson", "janet-yellen", "antony-blinken"}, meeting


def test_the_analysis_serialises_to_the_documented_json(gazetteer):
    text = "وفي مكالمة هاتفية يوم 8 فبراير/شباط مع الرئيس الروسي فلاديمير بوتن، قال الرئيس الصيني شي جين بينج"
    document = analyze(text, date(2024, 2, 9), gazetteer).as_json()
    assert document["published"] == "2024-02-09"
    xi = next(e for e in document["entities"] if e["slug"] == "xi-jinping")
    assert xi["mentions"][0]["text"] == "شي جين بينج"
    assert text[xi["mentions"][0]["start"] : xi["mentions"][0]["end"]] == "شي جين بينج"
    [meeting] = document["meetings"]
    assert (meeting["kind"], meeting["date"], meeting["precision"], meeting["status"]) == (
        "call",
        "2024-02-08",
        "day",
        "held",
    )
    assert {p["slug"] for p in meeting["participants"]} == {"xi-jinping", "vladimir-putin"}


def test_unknown_people_have_no_slug_in_the_json(gazetteer):
    document = analyze("وقال مستشار الكرملين يوري أوشاكوف إن", None, gazetteer).as_json()
    assert {"slug": None, "name": "يوري أوشاكوف", "kind": "person"}.items() <= document["entities"][
        -1
    ].items()


def test_preparing_a_gazetteer_twice_reuses_the_automaton(gazetteer):
    prepared = prepare(gazetteer)
    assert prepare(gazetteer) is prepared
    assert analyze("التقى بوتين", None, prepared) == analyze("التقى بوتين", None, gazetteer)


_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_NOISE = st.one_of(
    _ARABIC,
    st.sampled_from(list(' \n\t.،؛؟!"“”()-/0123456789٠١٢٣٤٥٦٧٨٩ـ\u200f\u064e')),
    st.characters(),
)
_WORDS = st.sampled_from(
    [
        "التقى",
        "بوتين",
        "وشي",
        "الرئيس",
        "الصيني",
        "نظيره",
        "الزعيمان",
        "اتصالا",
        "هاتفيا",
        "زار",
        "روسيا",
        "يوم",
        "الثلاثاء",
        "في",
        "8",
        "فبراير/شباط",
        "2024",
        "أمس",
        "مستشار",
        "الكرملين",
        "سيلتقي",
        "لم",
        "يتحدث",
        "على",
        "هامش",
        "قمة",
        "بالي",
        "بكين",
        "وموسكو",
        "ولي",
        "العهد",
        "السعودي",
        "نائبة",
        "بايدن",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.text(_NOISE, max_size=300),
        st.lists(st.one_of(_WORDS, st.text(_NOISE, max_size=3)), max_size=60).map(" ".join),
    ),
    published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
)
def test_analyze_never_raises_and_offsets_stay_inside_the_text(gazetteer, text, published):
    analysis = analyze_strict(text, published, prepare(gazetteer))
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
    for meeting in analysis.meetings:
        assert text[meeting.evidence_start : meeting.evidence_end] == meeting.evidence
        assert len({p.slug or p.name for p in meeting.participants}) >= 1
    analysis.as_json()


def test_analyze_accepts_empty_and_odd_text(gazetteer):
    for text in ("", " ", "\n\n", string.printable, "ـــ", "\u200f\u200e", "بوتين" * 1000):
        assert isinstance(analyze(text, None, gazetteer), Analysis)
