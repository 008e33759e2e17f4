"""Score the pipeline against hand annotations: precision, recall and F1.

Persons are compared as sets of catalog slugs per document. A predicted
meeting matches a gold one (one to one) when the kind, the status, the set of
catalog participants and the date at the gold precision agree: a gold
"نوفمبر 2023" (month) matches a predicted 2023-11-01 of month precision, not a
made-up day. Participants outside the catalog (slug None) are not compared.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .types import Analysis, EntityKind, FoundMeeting, MeetingKind, MeetingStatus, Precision


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    kind: MeetingKind
    date: date | None
    precision: Precision | None
    participants: frozenset[str]
    status: MeetingStatus = MeetingStatus.HELD
    date_end: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    file: str
    published: date | None
    persons: frozenset[str]
    meetings: tuple[GoldMeeting, ...] = ()


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )


@dataclass(frozen=True, slots=True)
class DocumentReport:
    file: str
    persons: Score
    meetings: Score
    missed_persons: tuple[str, ...] = ()
    extra_persons: tuple[str, ...] = ()
    missed_meetings: tuple[str, ...] = ()
    extra_meetings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    persons: Score
    meetings: Score
    documents: tuple[DocumentReport, ...] = field(default_factory=tuple)


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold file such as ``tests/data/seeds_gold.json``."""
    with Path(path).open(encoding="utf-8") as handle:
        raw = json.load(handle)
    return [_document(d) for d in raw["documents"]]


def _document(raw: dict[str, Any]) -> GoldDocument:
    return GoldDocument(
        file=raw["file"],
        published=date.fromisoformat(raw["published"]) if raw.get("published") else None,
        persons=frozenset(raw.get("persons", ())),
        meetings=tuple(
            GoldMeeting(
                kind=MeetingKind(m["kind"]),
                date=date.fromisoformat(m["date"]) if m.get("date") else None,
                precision=Precision(m["precision"]) if m.get("precision") else None,
                participants=frozenset(m["participants"]),
                status=MeetingStatus(m.get("status", "held")),
                date_end=date.fromisoformat(m["date_end"]) if m.get("date_end") else None,
                note=m.get("note", ""),
            )
            for m in raw.get("meetings", ())
        ),
    )


def _same_date(gold: GoldMeeting, found: FoundMeeting) -> bool:
    if gold.date is None or found.date is None:
        return gold.date is None and found.date is None
    if gold.precision != found.date.precision:
        return False
    a, b = gold.date, found.date.start
    if gold.precision == Precision.YEAR:
        return a.year == b.year
    if gold.precision == Precision.MONTH:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def meeting_matches(gold: GoldMeeting, found: FoundMeeting) -> bool:
    """Kind, status, catalog participants and date at the gold precision agree."""
    people = frozenset(p.slug for p in found.participants if p.slug)
    return (
        gold.kind == found.kind
        and gold.status == found.status
        and gold.participants == people
        and _same_date(gold, found)
    )


def _describe_gold(m: GoldMeeting) -> str:
    when = m.date.isoformat()[: 7 if m.precision == Precision.MONTH else 10] if m.date else "?"
    return f"{m.kind} {when} {'+'.join(sorted(m.participants))} ({m.status})"


def _describe_found(m: FoundMeeting) -> str:
    when = "?"
    if m.date:
        when = m.date.start.isoformat()[: 7 if m.date.precision == Precision.MONTH else 10]
    people = "+".join(sorted(p.slug or p.name for p in m.participants))
    return f"{m.kind} {when} {people} ({m.status})"


def evaluate_document(gold: GoldDocument, predicted: Analysis) -> DocumentReport:
    found_persons = {e.slug for e in predicted.entities if e.kind == EntityKind.PERSON and e.slug}
    persons = Score(
        len(found_persons & gold.persons),
        len(found_persons - gold.persons),
        len(gold.persons - found_persons),
    )
    unmatched = list(predicted.meetings)
    missed: list[GoldMeeting] = []
    for wanted in gold.meetings:
        hit = next((m for m in unmatched if meeting_matches(wanted, m)), None)
        if hit is None:
            missed.append(wanted)
        else:
            unmatched.remove(hit)
    meetings = Score(len(gold.meetings) - len(missed), len(unmatched), len(missed))
    return DocumentReport(
        file=gold.file,
        persons=persons,
        meetings=meetings,
        missed_persons=tuple(sorted(gold.persons - found_persons)),
        extra_persons=tuple(sorted(found_persons - gold.persons)),
        missed_meetings=tuple(_describe_gold(m) for m in missed),
        extra_meetings=tuple(_describe_found(m) for m in unmatched),
    )


def evaluate(gold: Sequence[GoldDocument], predicted: Sequence[Analysis]) -> Report:
    """Micro-averaged scores over documents paired in order.

    A document with gold persons {"xi-jinping", "joe-biden"} and predicted
    {"xi-jinping"} scores persons P=1.0, R=0.5.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} analyses")
    documents = tuple(evaluate_document(g, p) for g, p in zip(gold, predicted, strict=True))
    return Report(
        persons=sum((d.persons for d in documents), Score()),
        meetings=sum((d.meetings for d in documents), Score()),
        documents=documents,
    )


def format_report(report: Report, details: bool = True) -> str:
    """A plain-text table: one row per document and a total, then what was missed or extra."""
    header = f"{'document':<28} {'persons P':>9} {'R':>6} {'F1':>6}   {'meetings P':>10} {'R':>6} {'F1':>6}"
    lines = [header, "-" * len(header)]
    rows = [(d.file, d.persons, d.meetings) for d in report.documents]
    rows.append(("total", report.persons, report.meetings))
    for name, persons, meetings in rows:
        if name == "total":
            lines.append("-" * len(header))
        lines.append(
            f"{name[:28]:<28} {persons.precision:>9.2f} {persons.recall:>6.2f} {persons.f1:>6.2f}"
            f"   {meetings.precision:>10.2f} {meetings.recall:>6.2f} {meetings.f1:>6.2f}"
        )
    if details:
        for d in report.documents:
            notes = [f"  missed person: {p}" for p in d.missed_persons]
            notes += [f"  extra person: {p}" for p in d.extra_persons]
            notes += [f"  missed meeting: {m}" for m in d.missed_meetings]
            notes += [f"  extra meeting: {m}" for m in d.extra_meetings]
            if notes:
                lines.append(d.file)
                lines.extend(notes)
    return "\n".join(lines)
