"""Article search (issue 6): the one module the page, the filters and the API call.

Everything search-specific sits behind these functions, so a dedicated engine
(OpenSearch's Arabic analyzer, GUIDE §7) could replace it:

- ``search(text, queryset)`` — ranked, highlighted results for ``/search/``;
- ``filter_articles`` / ``filter_meetings`` — the ``q`` filter of lists and API;
- ``index_article`` / ``reindex`` — keep the stored search columns current.

A search runs a fixed number of queries whatever the data: the alias rows with
the article date statistics (1), the ids of the newest matches, which also
give the capped count (1, see ``candidates``), one page of ranked articles (1), and the
related meetings (1, plus 1 prefetch when there are some).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from django.db.models import Q, QuerySet

from newsapp.models import Article, Evidence, Meeting, Participation
from newsapp.nlp.search_text import ParsedQuery, parse_query

from .candidates import NEWEST_FIRST, newest_ids
from .indexing import index_article, reindex
from .names import NamedEntity, Resolved, reference, resolve
from .snippets import Matcher, highlight_all, snippet
from .sql import match_expression, rank_expression

__all__ = [
    "CANDIDATES",
    "SearchResults",
    "filter_articles",
    "filter_meetings",
    "index_article",
    "reindex",
    "resolve_text",
    "search",
]

# Ranking looks at the most recent matches only: a word found in every article
# would otherwise rank the whole table. Past this, the count says "more than".
CANDIDATES = 200
_HEAVY_COLUMNS = ("raw_text", "search_normalized", "search_stemmed")


def resolve_text(text: str) -> Resolved:
    """Parse ``text`` and expand the names in it (one query: the alias rows)."""
    parsed = parse_query(text or "")
    if not parsed and not parsed.excluded:
        return Resolved(query=parsed)
    index, dates = reference()
    return replace(resolve(parsed, index), dates=dates)


def _restricted(base: QuerySet, query: ParsedQuery) -> QuerySet:
    condition = match_expression(query)
    if condition is None:
        return base.none()
    if base.query.distinct or base.query.is_sliced:
        base = Article.objects.filter(pk__in=base.order_by().values("pk"))
    return base.filter(condition)


class SearchResults:
    """Ranked articles for one query, lazily: the paginator asks ``count()`` then a slice."""

    def __init__(self, text: str, queryset: QuerySet | None = None, *, candidates: int = CANDIDATES):
        self.text = text
        self.resolved = resolve_text(text)
        self.candidates = candidates
        base = queryset if queryset is not None else Article.objects.all()
        self._matching = _restricted(base, self.query) if self.query else base.none()

    @property
    def query(self) -> ParsedQuery:
        return self.resolved.query

    @property
    def entities(self) -> tuple[NamedEntity, ...]:
        return self.resolved.entities

    @property
    def suggestions(self) -> tuple[NamedEntity, ...]:
        return self.resolved.suggestions

    @cached_property
    def _newest_ids(self) -> list[int]:
        """The ``candidates + 1`` newest matching articles (undated last): what is ranked, and the count."""
        if not self.query:
            return []
        windows = self.resolved.dates.windows()
        return newest_ids(self._matching, self.candidates, windows, match_expression(self.query))

    def count(self) -> int:
        return min(self._count, self.candidates)

    @property
    def _count(self) -> int:
        return len(self._newest_ids)

    @property
    def capped(self) -> bool:
        """True when more articles match than are ranked (the count is a lower bound)."""
        return self._count > self.candidates

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item: slice) -> list[Article]:
        if not isinstance(item, slice):
            raise TypeError("SearchResults supports slices only")
        ids = self._newest_ids[: self.candidates]
        if not ids:
            return []
        page = list(
            Article.objects.filter(pk__in=ids)
            .select_related("source")
            .defer(*_HEAVY_COLUMNS)
            .annotate(score=rank_expression(self.query))
            .order_by("-score", *NEWEST_FIRST)[item]
        )
        matcher = Matcher(self.query)
        for article in page:
            article.title_html = highlight_all(article.title, matcher)
            article.snippet = snippet(article.body, matcher)
        self.page_ids = [a.pk for a in page]
        return page

    def meetings(self, article_ids: list[int] | None = None, limit: int = 8) -> list[Meeting]:
        """Meetings of the people the query names, else those read in the given articles."""
        if not self.query:
            return []
        people = self.resolved.people_ids
        meetings = Meeting.objects.visible()
        if people:
            meetings = meetings.involving(*people[:2])
        else:
            meetings = meetings.filter(
                pk__in=Evidence.objects.filter(article_id__in=article_ids or []).values("meeting")
            )
        return list(meetings.latest_first().with_people()[:limit])


def search(text: str, queryset: QuerySet | None = None) -> SearchResults:
    """Articles matching ``text`` (within ``queryset`` if given, e.g. already filtered by leader)."""
    return SearchResults(text, queryset)


def filter_articles(queryset: QuerySet, text: str) -> QuerySet:
    """``queryset`` restricted to the articles matching ``text`` (the ``q`` filter); order untouched."""
    query = resolve_text(text).query
    if not query and not query.excluded:
        return queryset.none() if text.strip() else queryset
    return _restricted(queryset, query)


def filter_meetings(queryset: QuerySet, text: str) -> QuerySet:
    """Meetings matching ``text``: a named person took part (or the place or occasion is named),
    and the other words are in an article the meeting was read in."""
    resolved = resolve_text(text)
    query = resolved.query
    if not query and not query.excluded:
        return queryset.none() if text.strip() else queryset
    words = ParsedQuery(
        terms=tuple(t for t in query.terms if not (t.is_name and not t.words)), excluded=query.excluded
    )
    for term in query.terms:
        if term.is_name and not term.words:
            ids = term.entity_ids
            queryset = queryset.filter(
                Q(pk__in=Participation.objects.filter(person__in=ids).values("meeting"))
                | Q(location__in=ids)
                | Q(occasion__in=ids)
            )
    if words.terms or words.excluded:
        articles = _restricted(Article.objects.all(), words)
        queryset = queryset.filter(pk__in=Evidence.objects.filter(article__in=articles).values("meeting"))
    return queryset
