"""RSS and Atom feeds of the latest articles, of one leader and of a pair of leaders.

A leader's feed holds the articles that mention him, a pair's those that
mention both: the same articles as ``/api/articles/?leader=a&leader=b``.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from newsapp.models import Article, Entity

FEED_SIZE = 50
SUMMARY_LENGTH = 400


def _articles_page() -> str:
    """The readers' list of articles (it takes the same filters), or the API's without the pages."""
    try:
        return reverse("article-list")
    except NoReverseMatch:
        return reverse("api:article-list")


class ArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "ar"
    author_name = "مرصد"
    title = "مرصد: أحدث المقالات"
    description = "أحدث المقالات التي قرأها مرصد عن لقاءات القادة واتصالاتهم."

    def link(self, obj=None) -> str:
        return _articles_page()

    def items(self, obj=None):
        return Article.objects.select_related("source").defer("raw_text").latest_first()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        body = item.body
        return body if len(body) <= SUMMARY_LENGTH else body[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"

    def item_link(self, item: Article) -> str:
        try:
            return item.get_absolute_url()
        except NoReverseMatch:  # the reader pages are not mounted
            return reverse("api:article-detail", args=[item.pk])

    def item_guid(self, item: Article) -> str:
        return f"marsad-article-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Article) -> datetime:
        if item.published_on:
            return datetime.combine(item.published_on, time.min, tzinfo=UTC)
        return item.ingested_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.ingested_at

    def item_author_name(self, item: Article) -> str:
        return item.source.name if item.source else self.author_name

    def item_categories(self, item: Article) -> list[str]:
        return [item.source.name] if item.source else []


class LeadersFeed(ArticlesFeed):
    """Articles mentioning one leader, or every leader of a pair."""

    def get_object(self, request, leader: str, other: str | None = None) -> list[Entity]:
        slugs = [leader] if other is None else [leader, other]
        people = {e.slug: e for e in Entity.objects.persons().filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in people]
        if missing:
            raise Http404(f"لا يوجد شخص بهذا المعرّف: {missing[0]}")
        return [people[slug] for slug in slugs]

    def title(self, obj: list[Entity]) -> str:
        return "مرصد: " + " و".join(person.name for person in obj)

    def description(self, obj: list[Entity]) -> str:
        if len(obj) == 1:
            return f"أحدث المقالات التي تذكر {obj[0].name}."
        return f"أحدث المقالات التي تذكر {obj[0].name} و{obj[1].name} معاً."

    def link(self, obj: list[Entity]) -> str:
        query = urlencode([("leader", person.slug) for person in obj])
        return f"{_articles_page()}?{query}"

    def items(self, obj: list[Entity]):
        return (
            Article.objects.mentioning(*obj)
            .select_related("source")
            .defer("raw_text")
            .latest_first()[:FEED_SIZE]
        )


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class LeadersAtomFeed(LeadersFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: list[Entity]) -> str:
        return self.description(obj)
