"""One article often reports the same event several times: merge those mentions.

Two mentions are one event when their participants agree, their kinds agree
("talks" fit any kind, a video call is a call, a visit absorbs the meeting held
during it) and their dates agree (same day, or a month containing the day, or
no date at all). An undated mention joins the most recent dated event it fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .normalize import normalize_key
from .types import (
    DateValue,
    EntityRef,
    FoundMeeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Precision,
    Role,
)

_FAMILY = {
    MeetingKind.CALL: "remote",
    MeetingKind.VIDEO: "remote",
    MeetingKind.MEETING: "present",
    MeetingKind.VISIT: "present",
}
_SPECIFIC = {None: 0, MeetingKind.MEETING: 1, MeetingKind.CALL: 1, MeetingKind.VISIT: 2, MeetingKind.VIDEO: 2}
_FINE = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}


@dataclass(slots=True)
class Candidate:
    """One mention of an event, as read from one clause."""

    kind: MeetingKind | None  # None: "talks", kind still open
    date: DateValue | None
    status: MeetingStatus
    participants: list[Participant]
    evidence: str
    evidence_start: int
    evidence_end: int
    location: EntityRef | None = None
    occasion: EntityRef | None = None
    members: frozenset[str] = field(default_factory=frozenset)
    # Key offset of each participant's mention (by member key; -1 when carried from earlier text).
    spots: dict[str, int] = field(default_factory=dict)
    span: tuple[int, int] = (0, 0)  # key span of the clause the mention was read from

    def __post_init__(self) -> None:
        self.members = frozenset(member(p) for p in self.participants)


def member(p: Participant) -> str:
    return p.slug or "~" + normalize_key(p.name)


def _kinds_fit(a: MeetingKind | None, b: MeetingKind | None) -> bool:
    return a is None or b is None or _FAMILY[a] == _FAMILY[b]


def _last_day(value: DateValue) -> date:
    if value.end is not None:
        return value.end
    if value.precision == Precision.DAY:
        return value.start
    if value.precision == Precision.MONTH:
        following = value.start.replace(day=28)
        while following.month == value.start.month:
            following = date.fromordinal(following.toordinal() + 1)
        return date.fromordinal(following.toordinal() - 1)
    return value.start.replace(month=12, day=31)


def _dates_fit(a: DateValue, b: DateValue) -> bool:
    """Same day, or the coarser date contains the finer one."""
    coarse, fine = (a, b) if _FINE[a.precision] <= _FINE[b.precision] else (b, a)
    if coarse.precision == fine.precision and coarse.precision != Precision.DAY:
        return coarse.start == fine.start
    return coarse.start <= fine.start <= _last_day(coarse)


def _members_fit(a: frozenset[str], b: frozenset[str]) -> bool:
    if a == b:
        return True
    small = a if len(a) < len(b) else b
    return len(small) >= 2 and (a <= b or b <= a)


def _fits(event: Candidate, other: Candidate) -> bool:
    return (
        event.status == other.status
        and _kinds_fit(event.kind, other.kind)
        and _members_fit(event.members, other.members)
        and (event.date is None or other.date is None or _dates_fit(event.date, other.date))
    )


def _absorb(event: Candidate, other: Candidate) -> None:
    if _SPECIFIC[other.kind] > _SPECIFIC[event.kind]:
        event.kind = other.kind
    if other.date is not None and (
        event.date is None or _FINE[other.date.precision] > _FINE[event.date.precision]
    ):
        event.date = other.date
        event.evidence, event.evidence_start, event.evidence_end = (
            other.evidence,
            other.evidence_start,
            other.evidence_end,
        )
    roles = {member(p): p for p in event.participants}
    for p in other.participants:
        known = roles.get(member(p))
        if known is None:
            event.participants.append(p)
        elif known.role == Role.PARTICIPANT and p.role != Role.PARTICIPANT:
            event.participants[event.participants.index(known)] = replace(known, role=p.role)
    event.members = event.members | other.members
    event.spots = {**other.spots, **event.spots}
    for key, at in other.spots.items():
        event.spots[key] = max(event.spots[key], at)
    event.location = event.location or other.location
    event.occasion = event.occasion or other.occasion


def _named(cand: Candidate, p: Participant) -> bool:
    return cand.spots.get(member(p), -1) >= 0


def _named_host_of_sentence(cand: Candidate, candidates: list[Candidate]) -> Candidate:
    """ "زار X الأردن يوم الاثنين، حيث استقبله ولي العهد": the host inferred for the trip word (the
    king) is the host the same sentence names for the same guest's visit."""
    hosts = [p for p in cand.participants if p.role == Role.HOST]
    if cand.kind != MeetingKind.VISIT or not hosts or any(_named(cand, p) for p in hosts):
        return cand
    guests = {member(p) for p in cand.participants if p.role != Role.HOST}
    for other in candidates:
        named = [p for p in other.participants if p.role == Role.HOST and _named(other, p)]
        if (
            other is cand
            or other.kind != MeetingKind.VISIT
            or other.evidence_start != cand.evidence_start
            or other.status != cand.status
            or not named
            or not guests <= {member(p) for p in other.participants if p.role != Role.HOST}
            or (cand.date is not None and other.date is not None and not _dates_fit(cand.date, other.date))
        ):
            continue
        people = [p for p in cand.participants if p.role != Role.HOST] + named
        return replace(cand, participants=people, spots={**cand.spots, **{member(p): 0 for p in named}})
    return cand


def _drop_implied_hosts(event: Candidate) -> None:
    """A visit's host inferred from the country visited ("زيارة الشرع إلى السعودية": its king)
    or carried from earlier text gives way to the host a mention names ("حيث استقبله ولي العهد")."""
    if event.kind != MeetingKind.VISIT:
        return
    hosts = [p for p in event.participants if p.role == Role.HOST]
    named = [p for p in hosts if event.spots.get(member(p), -1) >= 0]
    if not named or len(named) == len(hosts):
        return
    event.participants = [p for p in event.participants if p.role != Role.HOST or p in named]
    event.members = frozenset(member(p) for p in event.participants)


def merge_candidates(candidates: list[Candidate], published: date | None) -> list[FoundMeeting]:
    """Merge mentions of one event; distinct events (different dates) stay apart."""
    candidates = [_named_host_of_sentence(c, candidates) for c in candidates]
    events: list[Candidate] = []
    for cand in (c for c in candidates if c.date is not None):
        target = next((e for e in events if _fits(e, cand)), None)
        if target is None:
            events.append(replace(cand, participants=list(cand.participants), spots=dict(cand.spots)))
        else:
            _absorb(target, cand)
    for cand in (c for c in candidates if c.date is None):
        fitting = [e for e in events if _fits(e, cand)]
        parts = [e for e in fitting if e.members < cand.members]
        if len(parts) >= 2 and frozenset().union(*(e.members for e in parts)) == cand.members:
            # A headline that sums up several events ("يلتقي عباس وملك البحرين"): nothing new.
            continue
        if fitting:
            # The article's own event is the latest one up to publication.
            def rank(e: Candidate) -> tuple[bool, date]:
                start = e.date.start if e.date else date.min
                return (published is None or start <= published, start)

            _absorb(max(fitting, key=rank), cand)
        else:
            events.append(replace(cand, participants=list(cand.participants), spots=dict(cand.spots)))
    events.sort(key=lambda e: e.evidence_start)
    for event in events:
        _drop_implied_hosts(event)
    return [
        FoundMeeting(
            kind=e.kind or MeetingKind.MEETING,
            date=e.date,
            status=e.status,
            participants=tuple(e.participants),
            evidence=e.evidence,
            evidence_start=e.evidence_start,
            evidence_end=e.evidence_end,
            location=e.location,
            occasion=e.occasion,
        )
        for e in events
    ]
