"""Store articles once, each in its own transaction, and read them as they are stored."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, connections, transaction
from django.db.models import Q
from django.utils import timezone

from newsapp.models import Article, Entity, Source
from newsapp.nlp.clean import clean_text, fallback_title
from newsapp.nlp.normalize import content_key
from newsapp.nlp.pipeline import Prepared as Matcher
from newsapp.nlp.pipeline import analyze, prepare
from newsapp.nlp.types import Analysis
from newsapp.search import index_article
from newsapp.search.indexing import search_columns, search_keys

from .extraction import record_analysis
from .gazetteer import current_gazetteer
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


@dataclass(frozen=True)
class PreparedArticle:
    """What an article will be stored as, read without the database (so in any process).

    ``reason`` is set when it is rejected before storing; ``analysis`` is None
    when it is not analyzed.
    """

    item: ArticleInput
    reason: str = ""
    body: str = ""
    title: str = ""
    digest: str = ""
    search: tuple[str, str, str] = ("", "", "")
    analysis: Analysis | None = None
    # Analyze only once the article is inserted (not a duplicate), with this automaton.
    analyze_with: Matcher | None = None

    @property
    def analyzed(self) -> bool:
        return self.analysis is not None or self.analyze_with is not None


def prepare_article(item: ArticleInput, matcher: Matcher | None, *, later: bool = False) -> PreparedArticle:
    """Check, clean, hash, compute the search keys and (with a ``matcher``) analyze one article.

    ``later``: leave the analysis to :func:`write_article`, which skips it for a duplicate.
    """
    unstorable = unstorable_reason(
        body=item.body,
        title=item.title,
        source=item.source,
        source_url=item.source_url,
        url=item.url,
        raw_text=item.raw_text,
    )
    if unstorable:
        return PreparedArticle(item, reason=unstorable)
    cleaned = clean_text(item.body, title=item.title)
    if not cleaned.strip():
        return PreparedArticle(item, reason="لا يبقى نص بعد إزالة شوائب الصفحة")
    title = (item.title or fallback_title(cleaned))[:TITLE_MAX]
    return PreparedArticle(
        item,
        body=cleaned,
        title=title,
        digest=content_hash(cleaned),
        search=search_keys(title, cleaned),
        analysis=analyze(cleaned, item.published_on, matcher) if matcher is not None and not later else None,
        analyze_with=matcher if later else None,
    )


class Lookups:
    """Ids one ingest run looked up (sources by name, entities by slug), for the next articles.

    Should a row it holds be deleted meanwhile, the article's insert fails on its
    foreign key: :func:`write_article` then forgets them all and tries once more.
    """

    def __init__(self) -> None:
        self.sources: dict[str, tuple[int, bool]] = {}  # name → (id, whether it has a URL)
        self.entities: dict[str, int] = {}  # slug → id
        self._catalog_read = False

    def entity_ids(self) -> dict[str, int]:
        """Ids by slug, first of the whole catalog (the slugs the pipeline reports), in one query."""
        if not self._catalog_read:
            self.entities.update(Entity.objects.verified().values_list("slug", "id"))
            self._catalog_read = True
        return self.entities

    def source_id(self, name: str | None, url: str) -> int | None:
        if not name:
            return None
        known = self.sources.get(name[:200])
        if known is not None and (known[1] or not url):
            return known[0]
        source = _source(name, url)  # and a source without a URL gets this one
        self.sources[source.name] = (source.pk, bool(source.url))
        return source.pk

    def clear(self) -> None:
        self.sources.clear()
        self.entities.clear()
        self._catalog_read = True  # what is needed is looked up again, not the whole catalog


def write_article(prepared: PreparedArticle, lookups: Lookups | None = None) -> IngestResult:
    """Store one prepared article with what was read in it, all or nothing (one transaction).

    An article whose cleaned body (compared by its matching key) or URL is
    already stored is a duplicate and changes nothing.
    """
    item = prepared.item
    if prepared.reason:
        return IngestResult(Outcome.REJECTED, item.origin, reason=prepared.reason)
    # No look-up first: the unique content hash and URL refuse a duplicate, and the
    # fallback below finds the stored article (whether it came before or meanwhile).
    try:
        with transaction.atomic():
            if lookups is None:
                source = {"source": _source(item.source, item.source_url)}
            else:
                source = {"source_id": lookups.source_id(item.source, item.source_url)}
            article = Article.objects.create(
                title=prepared.title,
                body=prepared.body,
                raw_text=item.raw_text if item.raw_text is not None else item.body,
                url=item.url,
                published_on=item.published_on,
                content_hash=prepared.digest,
                analyzed_at=timezone.now() if prepared.analyzed else None,
                **source,
                **search_columns(prepared.search),
            )
            # As an article read from the database: the search columns are deferred.
            for name in ("search_normalized", "search_stemmed"):
                del article.__dict__[name]
            if prepared.analyzed:
                analysis = prepared.analysis or analyze(
                    article.body, article.published_on, prepared.analyze_with
                )
                entity_ids = lookups.entity_ids() if lookups is not None else None
                record_analysis(article, analysis, fresh=True, entity_ids=entity_ids)
    except IntegrityError:
        digest, url = prepared.digest, item.url
        duplicate_of = Q(content_hash=digest) | Q(url=url) if url else Q(content_hash=digest)
        existing = Article.objects.filter(duplicate_of).first()
        if existing is not None:
            return IngestResult(Outcome.DUPLICATE, item.origin, article=existing)
        if lookups is None or not (lookups.sources or lookups.entities):
            raise
        lookups.clear()  # a source or an entity it held may be gone: once more, looking all up
        return write_article(prepared)
    return IngestResult(Outcome.CREATED, item.origin, article=article)


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
    item = ArticleInput(
        origin=origin,
        body=body,
        title=title,
        published_on=published_on,
        source=source,
        source_url=source_url,
        url=url,
        raw_text=raw_text,
    )
    return write_article(prepare_article(item, prepare(current_gazetteer()) if analyze else None, later=True))


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
    return write_article(prepare_article(item, prepare(current_gazetteer()), later=True))


# The catalog's automaton in a worker process, set before the workers fork so they inherit it.
_MATCHER: Matcher | None = None


@dataclass(frozen=True)
class _Failed:
    """A bug met while preparing an article in a worker: reported, and the rest go on."""

    origin: str
    error: str


def _prepare_in_worker(
    item: ArticleInput | Rejection, later: bool = False
) -> PreparedArticle | _Failed | Rejection:
    if isinstance(item, Rejection):
        return item
    try:
        return prepare_article(item, _MATCHER, later=later)
    except Exception as error:  # noqa: BLE001 (one bad article must not stop the batch)
        logger.exception("Ingest of %s failed", item.origin)
        return _Failed(item.origin, type(error).__name__)


def prepared_articles(
    items: Iterable[ArticleInput | Rejection],
    *,
    workers: int = 0,
    analyze_text: bool = True,
    analyze_later: bool = False,
    window: int = 64,
) -> Iterator[PreparedArticle | _Failed | Rejection]:
    """``prepare_article`` of every article of ``items`` (rejections pass through), in order.

    ``analyze_later``: without workers, leave the analysis to ``write_article``.

    With ``workers`` (> 0) that runs in as many other processes, a few ``window``s of
    items ahead of the caller (who writes meanwhile). The workers only read
    text: the catalog's automaton is built here before they fork (so they read
    the catalog as it was when the run started), and they never touch the database.
    """
    global _MATCHER
    if workers <= 0:
        for item in items:
            # The current catalog for each article, as ``ingest_article`` reads it.
            _MATCHER = prepare(current_gazetteer()) if analyze_text else None
            yield _prepare_in_worker(item, later=analyze_later)
        return
    _MATCHER = prepare(current_gazetteer()) if analyze_text else None
    if not connection.in_atomic_block:
        # Forked children must not share the parent's database sockets. (Inside a
        # transaction the connection has to survive: the children never use it.)
        connections.close_all()
    iterator = iter(items)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        # Each window's results come in order as soon as they are ready (imap), while the
        # next windows are already being read: the writer waits neither at the start nor between.
        pending: deque[Iterator] = deque()
        while True:
            chunk = list(islice(iterator, window))
            if chunk:
                pending.append(pool.imap(_prepare_in_worker, chunk, chunksize=max(1, window // 16)))
            if not pending:
                return
            if len(pending) > 2 or not chunk:
                yield from pending.popleft()


def _failure_reason(error: str) -> str:
    return f"خطأ داخلي أثناء المعالجة ({error})؛ لم يُحفظ شيء من هذا المقال"


def ingest_paths(
    paths: Iterable[Path],
    *,
    published_on: date | None = None,
    source: str | None = None,
    workers: int = 0,
) -> IngestReport:
    """Ingest every article in ``paths``; a bad file is reported and the rest go on.

    Each article is one transaction. With ``workers`` (> 0), reading the text
    (cleaning, search keys, analysis) runs in that many other processes while
    this one writes, in the same order; on two cores one worker is enough.
    """
    report = IngestReport()
    defaults = Defaults(published_on=published_on, source=source)
    items = read_paths(paths, defaults, max_bytes=settings.MARSAD_MAX_ARTICLE_BYTES)
    lookups = Lookups()
    for prepared in prepared_articles(items, workers=workers, analyze_later=True):
        if isinstance(prepared, Rejection):
            report.results.append(IngestResult(Outcome.REJECTED, prepared.origin, reason=prepared.reason))
            continue
        if isinstance(prepared, _Failed):
            reason = _failure_reason(prepared.error)
            report.results.append(IngestResult(Outcome.REJECTED, prepared.origin, reason=reason))
            continue
        try:
            report.results.append(write_article(prepared, lookups))
        except DatabaseError:
            raise  # the database itself is in trouble: stopping is the honest answer
        except Exception as error:  # noqa: BLE001 (one bad article must not stop the batch)
            logger.exception("Ingest of %s failed", prepared.item.origin)
            reason = _failure_reason(type(error).__name__)
            report.results.append(IngestResult(Outcome.REJECTED, prepared.item.origin, reason=reason))
    return report
