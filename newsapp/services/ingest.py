"""Store articles once, each in its own transaction, and read them as they are stored."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from newsapp.models import Article, Source
from newsapp.nlp.clean import clean_text, fallback_title
from newsapp.nlp.normalize import content_key
from newsapp.search import index_article

from .extraction import record_analysis
from .readers import ArticleInput, Defaults, Rejection, read_paths
from .storable import unstorable_reason

logger = logging.getLogger(__name__)

TITLE_MAX = Article._meta.get_field("title").max_length


class Outcome(StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class IngestResult:
    outcome: Outcome
    origin: str
    article: Article | None = None
    reason: str = ""


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def created(self) -> int:
        return self.count(Outcome.CREATED)

    @property
    def duplicates(self) -> int:
        return self.count(Outcome.DUPLICATE)

    @property
    def rejected(self) -> list[IngestResult]:
        return [r for r in self.results if r.outcome == Outcome.REJECTED]


def content_hash(body: str) -> str:
    return hashlib.sha256(content_key(body).encode("utf-8")).hexdigest()


def _source(name: str | None, url: str) -> Source | None:
    if not name:
        return None
    source, created = Source.objects.get_or_create(name=name[:200], defaults={"url": url})
    if not created and url and not source.url:
        source.url = url
        source.save(update_fields=["url"])
    return source


def ingest_article(
    *,
    body: str,
    title: str | None = None,
    published_on: date | None = None,
    source: str | None = None,
    source_url: str = "",
    url: str = "",
    raw_text: str | None = None,
    origin: str = "",
    analyze: bool = True,
) -> IngestResult:
    """Clean, store and analyze one article, all or nothing.

    An article whose cleaned body (compared by its matching key) or URL is
    already stored is a duplicate and changes nothing.
    """
    unstorable = unstorable_reason(
        body=body, title=title, source=source, source_url=source_url, url=url, raw_text=raw_text
    )
    if unstorable:
        return IngestResult(Outcome.REJECTED, origin, reason=unstorable)
    cleaned = clean_text(body, title=title)
    if not cleaned.strip():
        return IngestResult(Outcome.REJECTED, origin, reason="لا يبقى نص بعد إزالة شوائب الصفحة")
    digest = content_hash(cleaned)
    # No look-up first: the unique content hash and URL refuse a duplicate, and the
    # fallback below finds the stored article (whether it came before or meanwhile).
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=(title or fallback_title(cleaned))[:TITLE_MAX],
                body=cleaned,
                raw_text=raw_text if raw_text is not None else body,
                source=_source(source, source_url),
                url=url,
                published_on=published_on,
                content_hash=digest,
                analyzed_at=timezone.now() if analyze else None,
            )
            index_article(article.pk, article.title, article.body)
            if analyze:
                record_analysis(article, fresh=True)
    except IntegrityError:
        duplicate_of = Q(content_hash=digest) | Q(url=url) if url else Q(content_hash=digest)
        existing = Article.objects.filter(duplicate_of).first()
        if existing is None:
            raise
        return IngestResult(Outcome.DUPLICATE, origin, article=existing)
    return IngestResult(Outcome.CREATED, origin, article=article)


@transaction.atomic
def refresh_article(article: Article, *, body_changed: bool) -> None:
    """After an editor's change: search columns always, and a new reading when the body changed.

    Mentions and evidence are offsets into the body, so a new body must be read
    again. The content hash stays that of the article as ingested, so the same
    file ingested again is still recognised as this article.
    """
    if body_changed:
        record_analysis(article)
    index_article(article.pk, article.title, article.body)


def ingest_input(item: ArticleInput) -> IngestResult:
    return ingest_article(
        body=item.body,
        title=item.title,
        published_on=item.published_on,
        source=item.source,
        source_url=item.source_url,
        url=item.url,
        raw_text=item.raw_text,
        origin=item.origin,
    )


def ingest_paths(
    paths: Iterable[Path],
    *,
    published_on: date | None = None,
    source: str | None = None,
) -> IngestReport:
    """Ingest every article in ``paths``; a bad file is reported and the rest go on."""
    report = IngestReport()
    defaults = Defaults(published_on=published_on, source=source)
    for item in read_paths(paths, defaults, max_bytes=settings.MARSAD_MAX_ARTICLE_BYTES):
        if isinstance(item, Rejection):
            report.results.append(IngestResult(Outcome.REJECTED, item.origin, reason=item.reason))
            continue
        try:
            report.results.append(ingest_input(item))
        except DatabaseError:
            raise  # the database itself is in trouble: stopping is the honest answer
        except Exception as error:  # noqa: BLE001 (one bad article must not stop the batch)
            logger.exception("Ingest of %s failed", item.origin)
            reason = f"خطأ داخلي أثناء المعالجة ({type(error).__name__})؛ لم يُحفظ شيء من هذا المقال"
            report.results.append(IngestResult(Outcome.REJECTED, item.origin, reason=reason))
    return report
