"""Where an article names an entity."""

from django.db import models
from django.db.models import F, Q


class Mention(models.Model):
    # No index of their own: mention_article_idx (article, entity) and mention_entity_idx
    # (entity, article) serve lookups by either, and every ingested article writes ~15 rows.
    article = models.ForeignKey(
        "newsapp.Article",
        verbose_name="المقال",
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,
    )
    entity = models.ForeignKey(
        "newsapp.Entity",
        verbose_name="الكيان",
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,
    )
    # Offsets into Article.body, as Python string indices.
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    text = models.CharField("النص", max_length=300)

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "ذكر"
        verbose_name_plural = "الإشارات"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_end_after_start"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_unique_span"),
        ]
        indexes = [
            models.Index(fields=["entity", "article"], name="mention_entity_idx"),
            # An article's entities from the index alone: the article page's related articles
            # read them for every article of a month (mention_unique_span would read the rows).
            models.Index(fields=["article", "entity"], name="mention_article_idx"),
        ]

    def __str__(self) -> str:
        return self.text
