"""The article list (filtered, paged) and one article with its mentions and meetings."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, Left
from django.http import Http404
from django.views.generic import DetailView, ListView

from newsapp.filters import ArticleFilter
from newsapp.models import Article, Evidence, Mention, Participation
from newsapp.paging import CappedPaginator, count_until_next_write
from newsapp.templatetags.rendering import SNIPPET_LENGTH

from .filtering import BadRequestMixin, StrictPaginationMixin, apply_filters, filter_choices, selected
from .highlight import highlight

BIGINT_MAX = 2**63 - 1
RELATED_WINDOW_DAYS = 30


def meetings_reported():
    """How many meetings an article reports, computed only for the rows shown (not GROUP BY all)."""
    per_article = (
        Evidence.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("meeting", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(per_article), 0)


class ArticleListView(BadRequestMixin, StrictPaginationMixin, ListView):
    template_name = "articles/list.html"
    context_object_name = "articles"
    paginate_by = 20
    paginator_class = CappedPaginator

    def get_queryset(self):
        queryset = (
            Article.objects.select_related("source")
            .defer("raw_text", "body")
            # The snippet's text only, not each whole body.
            .annotate(meeting_count=meetings_reported(), lead=Left("body", SNIPPET_LENGTH + 1))
            .latest_first()
        )
        self.filterset = apply_filters(ArticleFilter, self.request, queryset)
        return self.filterset.qs

    def get_paginator(self, queryset, per_page, **kwargs):
        return CappedPaginator(queryset, per_page, counter=count_until_next_write, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = selected(self.request)
        context.update(filter_choices(chosen["selected"]["leaders"]), **chosen)
        return context


def related_articles(article: Article, entity_ids: set[int], limit: int = 5):
    """Other articles naming the same people and places, the most shared first."""
    if not entity_ids:
        return Article.objects.none()
    mentions = Mention.objects.filter(entity__in=entity_ids).exclude(article=article)
    if article.published_on:
        # News of the same weeks: a leader named in most of 100,000 articles would
        # otherwise make every article a candidate (2 s per page at that size).
        window = timedelta(days=RELATED_WINDOW_DAYS)
        mentions = mentions.filter(
            article__published_on__range=(article.published_on - window, article.published_on + window)
        )
    # Ranked on narrow (article, entity) rows, then only the winners are read
    # whole: grouping whole article rows cost twice as much.
    ranked = (
        mentions.values("article_id")
        .annotate(shared=Count("entity", distinct=True))
        .order_by("-shared", "-article__published_on", "-article_id")
    )
    shared = (
        Mention.objects.filter(article=OuterRef("pk"), entity__in=entity_ids)
        .values("article")
        .annotate(n=Count("entity", distinct=True))
        .values("n")
    )
    return (
        Article.objects.filter(pk__in=ranked.values("article_id")[:limit])
        .select_related("source")
        .defer("body", "raw_text")
        .annotate(shared=Subquery(shared))
        .order_by("-shared", "-published_on", "-id")
    )


class ArticleDetailView(DetailView):
    template_name = "articles/detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        # An id past PostgreSQL's bigint would be a database error, not a missing article.
        if self.kwargs["pk"] > BIGINT_MAX:
            raise Http404("لا يوجد مقال بهذا الرقم.")
        return super().get_object(queryset)

    def get_queryset(self):
        evidence = (
            Evidence.objects.exclude(meeting__review="rejected")
            .select_related("meeting__location", "meeting__occasion")
            .prefetch_related(
                Prefetch("meeting__participations", queryset=Participation.objects.select_related("person"))
            )
            .order_by("start")
        )
        return (
            Article.objects.select_related("source")
            .defer("raw_text")
            .prefetch_related(
                Prefetch("mentions", queryset=Mention.objects.select_related("entity").order_by("start")),
                Prefetch("evidence", queryset=evidence),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        mentions = list(article.mentions.all())
        evidence = list(article.evidence.all())
        reported: dict[int, dict] = {}
        for item in evidence:
            entry = reported.setdefault(item.meeting_id, {"meeting": item.meeting, "sentences": []})
            entry["sentences"].append(item)
        context.update(
            body_html=highlight(article.body, mentions, evidence),
            reported=list(reported.values()),
            entities=sorted({m.entity for m in mentions}, key=lambda e: (e.kind != "person", e.name)),
            related=related_articles(article, {m.entity_id for m in mentions}),
        )
        return context
