"""Scoring against hand annotations."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsapp.nlp.evaluation import (
    GoldDocument,
    GoldMeeting,
    Score,
    evaluate,
    format_report,
    load_gold,
    meeting_matches,
)
from newsapp.nlp.types import (
    Analysis,
    DateValue,
    EntityKind,
    FoundEntity,
    FoundMeeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Precision,
)

GOLD = Path(__file__).resolve().parents[1] / "data" / "seeds_gold.json"


def _found(
    kind: str, day: date | None, precision: Precision, *slugs: str, status: str = "held"
) -> FoundMeeting:
    return FoundMeeting(
        kind=MeetingKind(kind),
        date=DateValue(day, precision) if day else None,
        status=MeetingStatus(status),
        participants=tuple(Participant(s, s) for s in slugs),
        evidence="",
        evidence_start=0,
        evidence_end=0,
    )


def _gold(kind: str, day: date | None, precision: Precision | None, *slugs: str) -> GoldMeeting:
    return GoldMeeting(MeetingKind(kind), day, precision, frozenset(slugs))


def test_scores_follow_the_textbook_definitions():
    score = Score(true_positives=3, false_positives=1, false_negatives=2)
    assert score.precision == 0.75
    assert score.recall == 0.6
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().precision == 1.0 and Score().recall == 1.0


def test_a_month_precision_gold_date_matches_only_a_month_precision_prediction():
    gold = _gold("meeting", date(2023, 11, 1), Precision.MONTH, "a", "b")
    assert meeting_matches(gold, _found("meeting", date(2023, 11, 1), Precision.MONTH, "b", "a"))
    assert not meeting_matches(gold, _found("meeting", date(2023, 11, 15), Precision.DAY, "a", "b"))
    assert not meeting_matches(gold, _found("meeting", date(2023, 12, 1), Precision.MONTH, "a", "b"))


def test_kind_participants_and_status_must_agree():
    gold = _gold("call", date(2024, 2, 8), Precision.DAY, "a", "b")
    assert not meeting_matches(gold, _found("video", date(2024, 2, 8), Precision.DAY, "a", "b"))
    assert not meeting_matches(gold, _found("call", date(2024, 2, 8), Precision.DAY, "a", "c"))
    assert not meeting_matches(
        gold, _found("call", date(2024, 2, 8), Precision.DAY, "a", "b", status="planned")
    )
    assert meeting_matches(_gold("call", None, None, "a", "b"), _found("call", None, Precision.DAY, "a", "b"))


def test_participants_outside_the_catalog_are_not_compared():
    found = FoundMeeting(
        MeetingKind.VISIT, None, MeetingStatus.HELD,
        (Participant("a", "a"), Participant(None, "ضيف")), "", 0, 0,
    )  # fmt: skip
    assert meeting_matches(_gold("visit", None, None, "a"), found)


def test_each_gold_meeting_matches_at_most_one_prediction():
    gold = [GoldDocument("x", None, frozenset({"a"}), (_gold("call", None, None, "a", "b"),))]
    twice = (_found("call", None, Precision.DAY, "a", "b"), _found("call", None, Precision.DAY, "a", "b"))
    person = FoundEntity("a", "a", EntityKind.PERSON)
    unknown = FoundEntity(None, "مجهول", EntityKind.PERSON)
    report = evaluate(gold, [Analysis(None, (person, unknown), twice)])
    assert report.meetings == Score(1, 1, 0)
    assert report.persons == Score(1, 0, 0)


def test_documents_and_analyses_must_pair_up():
    with pytest.raises(ValueError):
        evaluate([], [Analysis(None)])


def test_the_report_is_a_readable_table_with_what_was_missed():
    gold = [GoldDocument("one.txt", None, frozenset({"a", "b"}), (_gold("meeting", None, None, "a", "b"),))]
    text = format_report(evaluate(gold, [Analysis(None)]))
    assert "one.txt" in text and "total" in text
    assert "missed person: a" in text and "missed meeting: meeting ? a+b (held)" in text


def test_the_seed_gold_file_loads_and_is_consistent():
    documents = load_gold(GOLD)
    assert len(documents) == 5
    meetings = [m for d in documents for m in d.meetings]
    assert len(meetings) > 10
    for document in documents:
        for meeting in document.meetings:
            assert meeting.participants <= document.persons, (document.file, meeting)
            assert (meeting.date is None) == (meeting.precision is None)
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    assert [d["file"] for d in raw["documents"]] == [d.file for d in documents]
