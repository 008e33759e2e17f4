"""Bulk ingest: many articles at once, for backfills and the benchmark corpus.

The same cleaning (``clean_text``), content hash, duplicate rules and
``record_analysis`` semantics as :func:`newsapp.services.ingest.ingest_article`
(mentions one per span; meetings kept one per real event by kind, the same
people and compatible dates; evidence per sentence; unreviewed meetings refined
by a more precise report), but the writes are batched. How it differs from the
per-article path, on purpose:

- **One transaction per batch** (``batch_size`` articles), not per article: a
  failing batch leaves none of its articles, the earlier batches stay.
- **Reading in worker processes** (``workers``, forked with the catalog
  already prepared): cleaning, hash, search keys and analysis
  (:func:`newsapp.services.ingest.prepared_articles`, as the per-article path
  with ``workers``), overlapped with the database writes of the parent.
- **Writes are set-based**: articles through ``bulk_create`` (search columns
  as ``index_rows`` writes them, a statement per 200 articles), mentions through
  PostgreSQL ``COPY``, meetings, participations and evidence through
  ``bulk_create``, refined meetings through ``bulk_update``, roles a visit
  report names in one statement. No ``post_save`` signals; the page cache is
  invalidated once per batch instead.
- **A single writer is assumed**: the index of stored meetings that finds "the
  same event" is read once and kept in memory. Run it alone, not beside other
  ingests (the per-article path is safe for concurrent use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from newsapp.models import Article, Entity, Evidence, Meeting, Mention, Participation, Source
from newsapp.nlp.types import Analysis, EntityKind, FoundMeeting, MeetingKind, Precision
from newsapp.search.indexing import write_keys

from .extraction import _KIND_FAMILIES, _Span, _unverified_person, first_same_event, refine_fields
from .ingest import PreparedArticle, _Failed, _failure_reason, prepared_articles
from .readers import ArticleInput, Rejection

# Rows per statement when the search columns are written.
_INDEX_ROWS = 200


@dataclass
class BulkReport:
    created: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    meetings_created: int = 0
    batches: int = 0


def _family(kind: str) -> frozenset[str]:
    """Kinds one event may be reported as (a call told as a video call, a meeting within a visit)."""
    return frozenset(_KIND_FAMILIES[MeetingKind(kind)])


class _MeetingIndex:
    """Stored meetings by (kind family, people), read once: "the same event" without a query per report.

    Rows are kept as tuples; a key's meetings become model instances the first
    time a report looks them up (most stored meetings are never looked up).
    """

    _FIELDS = (
        "id",
        "kind",
        "start_date",
        "end_date",
        "precision",
        "status",
        "review",
        "location_id",
        "occasion_id",
    )

    def __init__(self) -> None:
        self.by_key: dict[tuple[frozenset[str], frozenset[int]], list] = {}
        self.people: dict[int, dict[int, str]] = {}  # stored meeting id → person id → role
        for meeting_id, person_id, role in Participation.objects.values_list(
            "meeting_id", "person_id", "role"
        ):
            self.people.setdefault(meeting_id, {})[person_id] = role
        # In the model's field order, as ``Model.from_db`` reads a partial row.
        self.attnames = [f.attname for f in Meeting._meta.concrete_fields if f.attname in self._FIELDS]
        kind_at, families = self.attnames.index("kind"), {}
        for row in Meeting.objects.order_by("id").values_list(*self.attnames):
            kind = row[kind_at]
            family = families.get(kind) or families.setdefault(kind, _family(kind))
            key = (family, frozenset(self.people.get(row[0], ())))
            self.by_key.setdefault(key, []).append(row)
        self.ready: set[tuple[frozenset[str], frozenset[int]]] = set()

    def _meetings(self, key: tuple[frozenset[str], frozenset[int]]) -> list[Meeting]:
        meetings = self.by_key.setdefault(key, [])
        if key not in self.ready:
            meetings[:] = [
                m if isinstance(m, Meeting) else Meeting.from_db(connection.alias, self.attnames, m)
                for m in meetings
            ]
            self.ready.add(key)
        return meetings

    def find(self, kind: str, ids: frozenset[int], span: _Span | None, status: str) -> Meeting | None:
        return first_same_event(self._meetings((_family(kind), ids)), span, status)

    def add(self, kind: str, ids: frozenset[int], meeting: Meeting) -> None:
        self._meetings((_family(kind), ids)).append(meeting)


class BulkWriter:
    """Writes batches of prepared articles; keeps the lookups that outlive a batch."""

    def __init__(self) -> None:
        self.entities = dict(Entity.objects.values_list("slug", "id"))
        self.unverified: dict[str, int] = {}
        self.sources = dict(Source.objects.values_list("name", "id"))
        self.meetings = _MeetingIndex()
        # (stored meeting, person, role): a visit report gives roles a meeting report lacked.
        self.roles: list[tuple[int, int, str]] = []

    def _entity(self, slug: str | None, name: str, kind: EntityKind = EntityKind.PERSON) -> int | None:
        if slug:
            return self.entities.get(slug)
        name = name.strip()[:200]
        if kind != EntityKind.PERSON or not name:
            return None
        if name not in self.unverified:
            self.unverified[name] = _unverified_person(name).pk
        return self.unverified[name]

    def _source(self, name: str | None, url: str) -> int | None:
        if not name:
            return None
        name = name[:200]
        if name not in self.sources:
            self.sources[name] = Source.objects.get_or_create(name=name, defaults={"url": url})[0].pk
        return self.sources[name]

    def _new_only(self, batch: list[PreparedArticle], report: BulkReport) -> list[PreparedArticle]:
        digests = {p.digest for p in batch}
        urls = {p.item.url for p in batch if p.item.url}
        seen_hashes, seen_urls = set(), set()
        # ``url != ''`` lets the planner use the partial unique index (article_unique_url):
        # without it, this OR read the whole table (a third of a second per batch at 100,000).
        stored = Article.objects.filter(Q(content_hash__in=digests) | (Q(url__in=urls) & ~Q(url="")))
        for stored_hash, stored_url in stored.order_by().values_list("content_hash", "url"):
            seen_hashes.add(stored_hash)
            seen_urls.add(stored_url)
        fresh = []
        for prepared in batch:
            url = prepared.item.url
            if prepared.digest in seen_hashes or (url and url in seen_urls):
                report.duplicates += 1
                continue
            seen_hashes.add(prepared.digest)
            if url:
                seen_urls.add(url)
            fresh.append(prepared)
        return fresh

    def write(self, batch: list[PreparedArticle], report: BulkReport) -> None:
        with transaction.atomic():
            fresh = self._new_only(batch, report)
            now = timezone.now()
            articles = Article.objects.bulk_create(
                Article(
                    title=p.title,
                    body=p.body,
                    raw_text=p.item.raw_text if p.item.raw_text is not None else p.item.body,
                    source_id=self._source(p.item.source, p.item.source_url),
                    url=p.item.url,
                    published_on=p.item.published_on,
                    content_hash=p.digest,
                    analyzed_at=now if p.analysis is not None else None,
                )
                for p in fresh
            )
            self._index(articles, fresh)
            mentions: list[tuple[int, int, int, int, str]] = []
            evidence: list[Evidence] = []
            new_meetings: list[tuple[Meeting, dict[int, str]]] = []
            refined: dict[int, Meeting] = {}
            for article, prepared in zip(articles, fresh, strict=True):
                if prepared.analysis is None:
                    continue
                mentions += self._mentions(article.pk, prepared.analysis)
                for found in prepared.analysis.meetings:
                    self._meeting(article, found, evidence, new_meetings, refined)
            self._copy_mentions(mentions)
            Meeting.objects.bulk_create(m for m, _ in new_meetings)
            Participation.objects.bulk_create(
                Participation(meeting=m, person_id=person, role=role) for m, people in new_meetings
                for person, role in people.items()
            )  # fmt: skip
            for meeting, roles in new_meetings:  # stored now: later reports update rows, not the dict
                self.meetings.people[meeting.pk] = roles
                del meeting._bulk_roles
            self._update_roles()
            fields = [
                "kind",
                "start_date",
                "end_date",
                "precision",
                "status",
                "location",
                "occasion",
                "updated_at",
            ]
            for meeting in refined.values():
                meeting.updated_at = now
            Meeting.objects.bulk_update(list(refined.values()), fields, batch_size=500)
            Evidence.objects.bulk_create(evidence, ignore_conflicts=True, batch_size=2000)
            transaction.on_commit(_changed)
        report.created += len(articles)
        report.meetings_created += len(new_meetings)
        report.batches += 1

    def _index(self, articles: list[Article], fresh: list[PreparedArticle]) -> None:
        """``index_rows``, with the search keys computed beforehand (in the workers)."""
        write_keys(((a.pk, *p.search) for a, p in zip(articles, fresh, strict=True)), batch=_INDEX_ROWS)

    def _update_roles(self) -> None:
        """The visitor and host a visit report named, in one statement (each pair comes once)."""
        if not self.roles:
            return
        table = Participation._meta.db_table
        values = ", ".join(["(%s::bigint, %s::bigint, %s::text)"] * len(self.roles))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS p SET role = v.role FROM (VALUES {values}) AS v(meeting_id, person_id, role)"
                " WHERE p.meeting_id = v.meeting_id AND p.person_id = v.person_id AND p.role = %s",
                [v for row in self.roles for v in row] + [Participation.Role.PARTICIPANT],
            )
        self.roles = []

    def _mentions(self, article_id: int, analysis: Analysis) -> list[tuple[int, int, int, int, str]]:
        rows: dict[tuple[int, int], tuple[int, int, int, int, str]] = {}
        for found in analysis.entities:
            entity = self._entity(found.slug, found.name, found.kind)
            if entity is None:
                continue
            for m in found.mentions:
                rows.setdefault((m.start, m.end), (article_id, entity, m.start, m.end, m.text[:300]))
        return list(rows.values())

    def _meeting(self, article: Article, found: FoundMeeting, evidence, new_meetings, refined) -> None:
        people: dict[int, str] = {}
        for participant in found.participants:
            person = self._entity(participant.slug, participant.name)
            if person is not None:
                people.setdefault(person, participant.role)
        if len(people) < 2 and not (found.kind == Meeting.Kind.VISIT and people and found.location):
            return
        location = (
            self._entity(found.location.slug, found.location.name, EntityKind.PLACE)
            if found.location
            else None
        )
        occasion = (
            self._entity(found.occasion.slug, found.occasion.name, EntityKind.ORGANIZATION)
            if found.occasion
            else None
        )
        value = found.date
        span = _Span.of(value.start, value.end, value.precision) if value else None
        ids = frozenset(people)
        meeting = self.meetings.find(found.kind, ids, span, found.status)
        if meeting is None:
            meeting = Meeting(
                kind=found.kind,
                start_date=value.start if value else None,
                end_date=value.end if value else None,
                precision=value.precision if value else Precision.DAY,
                status=found.status,
                location_id=location,
                occasion_id=occasion,
            )
            self.meetings.add(found.kind, ids, meeting)
            roles = dict(people)
            meeting._bulk_roles = roles  # type: ignore[attr-defined]  # roles a later report may refine
            new_meetings.append((meeting, roles))
        else:
            if refine_fields(meeting, found, location, occasion) and meeting.pk is not None:
                refined[meeting.pk] = meeting
            if meeting.review == Meeting.Review.SUGGESTED and found.kind == MeetingKind.VISIT:
                self._visit_roles(meeting, people)
        evidence.append(
            Evidence(
                meeting=meeting,
                article=article,
                start=found.evidence_start,
                end=found.evidence_end,
                sentence=found.evidence,
            )
        )

    def _visit_roles(self, meeting: Meeting, people: dict[int, str]) -> None:
        """extraction._write_meeting: a visit report names the visitor and host of a plain meeting."""
        pending = hasattr(meeting, "_bulk_roles")  # created in this batch, not written yet
        stored = meeting._bulk_roles if pending else self.meetings.people.setdefault(meeting.pk, {})
        for person, role in people.items():
            if (
                role != Participation.Role.PARTICIPANT
                and stored.get(person) == Participation.Role.PARTICIPANT
            ):
                stored[person] = role
                if not pending:
                    self.roles.append((meeting.pk, person, role))

    def _copy_mentions(self, rows: list[tuple[int, int, int, int, str]]) -> None:
        table = Mention._meta.db_table
        with (
            connection.cursor() as cursor,
            cursor.copy(f'COPY {table} (article_id, entity_id, start, "end", text) FROM STDIN') as copy,
        ):
            for row in rows:
                copy.write_row(row)


def _changed() -> None:
    """Readers' cached pages are stale once a batch is committed."""
    from newsapp.caching import bump_generation

    bump_generation()


def ingest_many(
    items: Iterable[ArticleInput],
    *,
    batch_size: int = 1000,
    workers: int = 1,
    analyze: bool = True,
    progress: Callable[[BulkReport], None] | None = None,
) -> BulkReport:
    """Clean, deduplicate, analyze and store ``items``, ``batch_size`` articles per transaction.

    Running it twice stores nothing new the second time (duplicates by content
    hash and URL, as in the per-article path).
    """
    report = BulkReport()
    writer = BulkWriter()
    batch: list[PreparedArticle] = []
    readers = workers if workers > 1 else 0  # 1: read in this process, as before
    for prepared in prepared_articles(items, workers=readers, analyze_text=analyze, window=256):
        if isinstance(prepared, Rejection):
            report.rejected.append((prepared.origin, prepared.reason))
            continue
        if isinstance(prepared, _Failed):
            report.rejected.append((prepared.origin, _failure_reason(prepared.error)))
            continue
        if prepared.reason:
            report.rejected.append((prepared.item.origin, prepared.reason))
            continue
        batch.append(prepared)
        if len(batch) >= batch_size:
            writer.write(batch, report)
            batch = []
            if progress:
                progress(report)
    if batch:
        writer.write(batch, report)
    return report
