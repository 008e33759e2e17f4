"""Write what the text pipeline read in an article: mentions, and meetings kept one per real event."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Case, Count, Q, Value, When
from django.utils import timezone

from newsapp.models import Alias, Article, Entity, Evidence, Meeting, Mention, Participation
from newsapp.nlp.normalize import normalize_key
from newsapp.nlp.pipeline import analyze
from newsapp.nlp.types import Analysis, DateValue, EntityKind, FoundMeeting, MeetingKind, Precision

from .gazetteer import current_gazetteer

_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}

# Arabic letters to ASCII, only to give new, unverified entities a readable slug.
_ROMAN = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ",
        ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "a", "gh",
         "f", "q", "k", "l", "m", "n", "h", "w", "y", "a", "a", "", "a", "i", "a", "w", "y"],
        strict=True,
    )
)  # fmt: skip


def romanize(name: str) -> str:
    """A lowercase ASCII slug for an Arabic name: "يوري أوشاكوف" → "ywry-awshakwf"."""
    letters = "".join(_ROMAN.get(c, c) for c in normalize_key(name).lower())
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-") or "entity"


@dataclass(frozen=True)
class _Span:
    """A meeting's dates as a comparable range."""

    first: date
    last: date
    precision: Precision

    @classmethod
    def of(cls, start: date | None, end: date | None, precision: str) -> _Span | None:
        if start is None:
            return None
        precision = Precision(precision)
        if end is not None:
            return cls(start, end, precision)
        if precision == Precision.YEAR:
            return cls(start, date(start.year, 12, 31), precision)
        if precision == Precision.MONTH:
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return cls(start, following.fromordinal(following.toordinal() - 1), precision)
        return cls(start, start, precision)

    def compatible(self, other: _Span) -> bool:
        """Same event as far as the dates can tell: overlapping ranges at any precision."""
        return self.first <= other.last and other.first <= self.last


def _unverified_person(name: str) -> Entity:
    """The unverified entity for a person the catalog does not know, created once per spelling."""
    key = normalize_key(name)
    alias = Alias.objects.filter(key=key, entity__kind=Entity.Kind.PERSON).select_related("entity").first()
    if alias:
        return alias.entity
    base = romanize(name)[:100]
    slug, number = base, 1
    while Entity.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    entity = Entity.objects.create(kind=Entity.Kind.PERSON, name=name, slug=slug, verified=False)
    Alias.objects.create(entity=entity, text=name)
    return entity


class _Resolver:
    """Maps the pipeline's slugs and names to entity ids, one query per batch of slugs."""

    def __init__(self, slugs: set[str], known: dict[str, int] | None = None) -> None:
        # ``known``: ids found for earlier articles of the same run (kept up to date here).
        self.by_slug = known if known is not None else {}
        missing = slugs - self.by_slug.keys()
        if missing:
            self.by_slug.update(Entity.objects.filter(slug__in=missing).values_list("slug", "id"))
        self.unverified: dict[str, int] = {}

    def __call__(self, slug: str | None, name: str, kind: EntityKind = EntityKind.PERSON) -> int | None:
        if slug:
            return self.by_slug.get(slug)
        if kind == EntityKind.PERSON and name.strip():
            name = name.strip()[:200]
            if name not in self.unverified:
                self.unverified[name] = _unverified_person(name).pk
            return self.unverified[name]
        return None


def _slugs(analysis: Analysis) -> set[str]:
    slugs = {e.slug for e in analysis.entities if e.slug}
    for meeting in analysis.meetings:
        slugs |= {p.slug for p in meeting.participants if p.slug}
        slugs |= {r.slug for r in (meeting.location, meeting.occasion) if r and r.slug}
    return slugs


def _write_mentions(article: Article, analysis: Analysis, resolve: _Resolver, *, fresh: bool) -> None:
    if not fresh:
        article.mentions.all().delete()
    rows: dict[tuple[int, int], Mention] = {}
    for found in analysis.entities:
        entity = resolve(found.slug, found.name, found.kind)
        if entity is None:
            continue
        for m in found.mentions:
            if (m.start, m.end) not in rows:
                rows[m.start, m.end] = Mention(
                    article=article, entity_id=entity, start=m.start, end=m.end, text=m.text[:300]
                )
    Mention.objects.bulk_create(rows.values())


# Outlets name one event differently: a phone call that another calls a video
# call, a meeting that was part of a visit. Reports of the same people on
# compatible dates within one family are one event; the more specific kind wins.
_KIND_FAMILIES = {
    MeetingKind.CALL: (MeetingKind.CALL, MeetingKind.VIDEO),
    MeetingKind.VIDEO: (MeetingKind.VIDEO, MeetingKind.CALL),
    MeetingKind.MEETING: (MeetingKind.MEETING, MeetingKind.VISIT),
    MeetingKind.VISIT: (MeetingKind.VISIT, MeetingKind.MEETING),
}
_MORE_SPECIFIC = {MeetingKind.CALL: MeetingKind.VIDEO, MeetingKind.MEETING: MeetingKind.VISIT}


# Meetings of the kind family whose dates overlap the report's (``last_day`` is the
# stored meeting's last day, as ``_Span`` reads it) with exactly these people. The
# date window is read first (meeting_span_idx, whose expression and condition these
# are word for word: a few rows), then each candidate's people by its own index;
# driving from the people instead reads every meeting of a much-reported person.
_DATED_CANDIDATES = f"""
    WITH candidates AS MATERIALIZED (
        SELECT id FROM {Meeting._meta.db_table}
        WHERE start_date IS NOT NULL
          AND DATERANGE(start_date, last_day, '[]') && DATERANGE(%s, %s, '[]')
          AND kind = ANY(%s)
    )
    SELECT m.*, (
        SELECT count(*) FROM {Participation._meta.db_table} p WHERE p.meeting_id = m.id AND p.role = %s
    ) AS plain_roles
    FROM {Meeting._meta.db_table} m
    WHERE m.id IN (SELECT id FROM candidates)
      AND (SELECT count(*) FROM {Participation._meta.db_table} p WHERE p.meeting_id = m.id) = %s
      AND (SELECT count(*) FROM {Participation._meta.db_table} p
           WHERE p.meeting_id = m.id AND p.person_id = ANY(%s)) = %s
    ORDER BY m.id
"""


def _find_same_event(kind: str, people: Iterable[int], span: _Span | None, status: str) -> Meeting | None:
    """An already stored meeting that is the same real event, if any (``people``: entity ids)."""
    ids = sorted(set(people))
    if not ids:
        return None
    if span is not None:
        family = [str(k) for k in _KIND_FAMILIES[MeetingKind(kind)]]
        params = [span.first, span.last, family, Participation.Role.PARTICIPANT, len(ids), ids, len(ids)]
        return first_same_event(Meeting.objects.raw(_DATED_CANDIDATES, params), span, status)
    # Undated: only meetings of the first person (participation_person_idx), not every meeting of
    # the kinds: at 20,000 meetings the full GROUP BY cost more than the rest of the ingest.
    theirs = Participation.objects.filter(person_id=ids[0]).values("meeting")
    dates = Q(start_date__isnull=True)
    candidates = (
        Meeting.objects.filter(dates, kind__in=_KIND_FAMILIES[MeetingKind(kind)], pk__in=theirs)
        .annotate(
            people=Count("participations", distinct=True),
            matching=Count("participations", filter=Q(participations__person_id__in=ids), distinct=True),
        )
        .filter(people=len(ids), matching=len(ids))
        .order_by("id")
    )
    return first_same_event(candidates, span, status)


def first_same_event(candidates: Iterable[Meeting], span: _Span | None, status: str) -> Meeting | None:
    """The first of ``candidates`` (same people, same kind family) whose dates fit the report's."""
    for meeting in candidates:
        stored = _Span.of(meeting.start_date, meeting.end_date, meeting.precision)
        if span is None or stored is None:
            # Undated reports join an undated meeting of the same people only.
            if span is None and stored is None and meeting.status == status:
                return meeting
            continue
        if stored.compatible(span):
            return meeting
    return None


def refine_fields(
    meeting: Meeting, found: FoundMeeting, location_id: int | None, occasion_id: int | None
) -> list[str]:
    """Let a more precise report improve an unreviewed meeting, in memory; the fields it changed.

    Editors' decisions stay: a confirmed or rejected meeting is never changed.
    """
    if meeting.review != Meeting.Review.SUGGESTED:
        return []
    changed: list[str] = []
    if _MORE_SPECIFIC.get(MeetingKind(meeting.kind)) == found.kind:
        meeting.kind = found.kind
        changed.append("kind")
    value: DateValue | None = found.date
    if value is not None and (
        meeting.start_date is None
        or _PRECISION_RANK[value.precision] < _PRECISION_RANK[Precision(meeting.precision)]
    ):
        meeting.start_date, meeting.end_date, meeting.precision = value.start, value.end, value.precision
        changed += ["start_date", "end_date", "precision"]
    if found.status == Meeting.Status.HELD and meeting.status != Meeting.Status.HELD:
        meeting.status = Meeting.Status.HELD
        changed.append("status")
    for field, value_id in (("location_id", location_id), ("occasion_id", occasion_id)):
        if value_id is not None and getattr(meeting, field) is None:
            setattr(meeting, field, value_id)
            changed.append(field.removesuffix("_id"))
    return changed


def _refine(meeting: Meeting, found: FoundMeeting, location: int | None, occasion: int | None) -> None:
    changed = refine_fields(meeting, found, location, occasion)
    if changed:
        meeting.save(update_fields=[*changed, "updated_at"])


def _already_read(evidence: list[Evidence], found: FoundMeeting) -> Meeting | None:
    """The meeting an editor reviewed that this very sentence was evidence of.

    An editor may have corrected its date or people: a re-run must find it by
    where it was read, not by what it now says, or it would come back twice.
    ``evidence`` is the article's evidence (loaded once, plus what this run wrote);
    the first match in ``Evidence``'s order (its meeting's: latest date first, NULLs first).
    """
    family = _KIND_FAMILIES[MeetingKind(found.kind)]
    matches = [
        e.meeting
        for e in evidence
        if e.start == found.evidence_start
        and e.meeting.kind in family
        and e.meeting.review != Meeting.Review.SUGGESTED
    ]
    if not matches:
        return None
    return min(
        matches,
        key=lambda m: (m.start_date is not None, -m.start_date.toordinal() if m.start_date else 0, -m.pk),
    )


def _write_meeting(
    article: Article, found: FoundMeeting, resolve: _Resolver, evidence: list[Evidence]
) -> Meeting | None:
    people: dict[int, str] = {}  # entity id → role
    for participant in found.participants:
        person = resolve(participant.slug, participant.name)
        if person is not None:
            people.setdefault(person, participant.role)
    if len(people) < 2 and not (found.kind == Meeting.Kind.VISIT and people and found.location):
        return None
    location = resolve(found.location.slug, found.location.name, EntityKind.PLACE) if found.location else None
    occasion = (
        resolve(found.occasion.slug, found.occasion.name, EntityKind.ORGANIZATION) if found.occasion else None
    )
    value = found.date
    span = _Span.of(value.start, value.end, value.precision) if value else None
    meeting = _already_read(evidence, found) or _find_same_event(found.kind, people, span, found.status)
    if meeting is None:
        meeting = Meeting.objects.create(
            kind=found.kind,
            start_date=value.start if value else None,
            end_date=value.end if value else None,
            precision=value.precision if value else Precision.DAY,
            status=found.status,
            location_id=location,
            occasion_id=occasion,
        )
        Participation.objects.bulk_create(
            Participation(meeting=meeting, person_id=person, role=role) for person, role in people.items()
        )
    else:
        _refine(meeting, found, location, occasion)
        if meeting.review == Meeting.Review.SUGGESTED and found.kind == MeetingKind.VISIT:
            # A meeting report gave no roles; the visit report says who came and who received.
            roles = {pk: role for pk, role in people.items() if role != Participation.Role.PARTICIPANT}
            # ``plain_roles`` (read with the meeting when found by its dates): no one left to update.
            if roles and getattr(meeting, "plain_roles", None) != 0:
                meeting.participations.filter(
                    person_id__in=roles, role=Participation.Role.PARTICIPANT
                ).update(role=Case(*(When(person_id=pk, then=Value(role)) for pk, role in roles.items())))
    if not any(e.meeting_id == meeting.pk and e.start == found.evidence_start for e in evidence):
        evidence.append(
            Evidence(
                meeting=meeting,
                article=article,
                start=found.evidence_start,
                sentence=found.evidence,
                end=found.evidence_end,
            )
        )
    return meeting


def record_analysis(
    article: Article,
    analysis: Analysis | None = None,
    *,
    fresh: bool = False,
    entity_ids: dict[str, int] | None = None,
) -> Analysis:
    """Analyze ``article`` (unless given the analysis) and store what was read, replacing earlier results.

    Idempotent: running it again on the same article and catalog changes nothing.
    Meetings that lose their last evidence are deleted unless an editor reviewed them.
    ``fresh``: the article was created in this transaction and has no results yet
    (nothing to replace; its ``analyzed_at`` is set by the caller).
    ``entity_ids``: entity ids by slug that earlier articles of the same run found,
    completed here (the caller forgets them if one turns out to be gone).
    """
    if analysis is None:
        analysis = analyze(article.body, article.published_on, current_gazetteer())
    # A fresh article's own transaction already makes this all or nothing: no savepoint.
    with transaction.atomic(savepoint=not fresh):
        resolve = _Resolver(_slugs(analysis), entity_ids)
        _write_mentions(article, analysis, resolve, fresh=fresh)
        stored = [] if fresh else list(Evidence.objects.filter(article=article).select_related("meeting"))
        evidence = list(stored)
        kept = {
            m.pk for found in analysis.meetings if (m := _write_meeting(article, found, resolve, evidence))
        }
        Evidence.objects.bulk_create(evidence[len(stored) :], ignore_conflicts=True)
        stale = [e for e in stored if e.meeting_id not in kept]
        if stale:
            Evidence.objects.filter(pk__in=[e.pk for e in stale]).delete()
            Meeting.objects.filter(
                pk__in={e.meeting_id for e in stale}, review=Meeting.Review.SUGGESTED, evidence__isnull=True
            ).delete()
        if not fresh:
            article.analyzed_at = timezone.now()
            article.save(update_fields=["analyzed_at"])
    return analysis
