"""Where articles come from and the articles themselves."""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Source(models.Model):
    name = models.CharField("الاسم", max_length=200, unique=True)
    url = models.URLField("الموقع", max_length=500, blank=True)
    country = models.ForeignKey(
        "newsapp.Entity",
        verbose_name="البلد",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "country"},
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "مصدر"
        verbose_name_plural = "المصادر"

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def latest_first(self) -> ArticleQuerySet:
        return self.order_by(models.F("published_on").desc(nulls_last=True), "-id")

    def published_between(self, start: date | None, end: date | None) -> ArticleQuerySet:
        qs = self
        if start:
            qs = qs.filter(published_on__gte=start)
        if end:
            qs = qs.filter(published_on__lte=end)
        return qs

    def mentioning(self, *entities) -> ArticleQuerySet:
        """Articles that mention every one of ``entities``."""
        from .mentions import Mention

        # Semi-joins (IN), not joins + DISTINCT: a leader named in most articles
        # would otherwise make PostgreSQL de-duplicate whole article rows.
        qs = self
        for entity in entities:
            qs = qs.filter(pk__in=Mention.objects.filter(entity=entity).values("article"))
        return qs

    def from_source(self, source: Source) -> ArticleQuerySet:
        return self.filter(source=source)


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self) -> ArticleQuerySet:
        # Only the search engine reads the search columns, and the raw text is
        # shown on one admin page: lists need not carry them.
        return super().get_queryset().defer("search_normalized", "search_stemmed", "raw_text")


class Article(models.Model):
    title = models.CharField("العنوان", max_length=500)
    body = models.TextField("النص", help_text="النص بعد تنظيفه من شوائب الصفحة.")
    raw_text = models.TextField("النص الخام", help_text="النص كما وصل، قبل التنظيف.")
    # No index of its own: article_source_idx (source, -published_on) serves lookups by source.
    source = models.ForeignKey(
        Source,
        verbose_name="المصدر",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        db_index=False,
    )
    url = models.URLField("الرابط", max_length=1000, blank=True)
    published_on = models.DateField("تاريخ النشر", null=True, blank=True)
    # SHA-256 of the body's matching key: copies that differ only in junk,
    # spacing or diacritics are one article. Unique by a constraint (article_unique_content)
    # rather than ``unique=True``, which would add a second, pattern-matching index that no
    # query uses and every ingest writes.
    content_hash = models.CharField("بصمة المحتوى", max_length=64, editable=False)
    ingested_at = models.DateTimeField("تاريخ الإدخال", auto_now_add=True)
    analyzed_at = models.DateTimeField("تاريخ التحليل", null=True, blank=True, editable=False)
    # Search columns (newsapp.search), written by the ingest service and
    # ``manage.py reindex_search``: the normalized title and body under the
    # ``arabic`` configuration, and their clitic-free tokens under ``simple``.
    search_normalized = SearchVectorField(null=True, editable=False)
    search_stemmed = SearchVectorField(null=True, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "مقال"
        verbose_name_plural = "المقالات"
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content"),
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="article_unique_url"),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
        ]
        indexes = [
            models.Index(fields=["-published_on", "-id"], name="article_published_idx"),
            # What latest_first() sorts by, so a page of the newest articles reads 20 index entries.
            models.Index(
                models.F("published_on").desc(nulls_last=True),
                models.F("id").desc(),
                name="article_latest_idx",
            ),
            models.Index(fields=["source", "-published_on"], name="article_source_idx"),
            GinIndex(fields=["search_normalized"], name="article_search_norm_gin"),
            GinIndex(fields=["search_stemmed"], name="article_search_stem_gin"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article-detail", args=[self.pk])
