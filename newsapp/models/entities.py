"""People, countries, places and organisations, their spellings and their offices."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from newsapp.nlp.normalize import normalize_key
from newsapp.nlp.types import AliasKind as NlpAliasKind
from newsapp.nlp.types import EntityKind as NlpEntityKind
from newsapp.nlp.types import Office as NlpOffice


class EntityQuerySet(models.QuerySet):
    def persons(self) -> EntityQuerySet:
        return self.filter(kind=Entity.Kind.PERSON)

    def countries(self) -> EntityQuerySet:
        return self.filter(kind=Entity.Kind.COUNTRY)

    def verified(self) -> EntityQuerySet:
        return self.filter(verified=True)

    def spelled(self, text: str) -> EntityQuerySet:
        """Entities whose name or any alias has the matching key of ``text`` ("بوتن" finds بوتين)."""
        key = normalize_key(text)
        if not key:
            return self.none()
        return self.filter(Q(aliases__key__contains=key) | Q(name__icontains=text)).distinct()


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = NlpEntityKind.PERSON, "شخص"
        COUNTRY = NlpEntityKind.COUNTRY, "بلد"
        PLACE = NlpEntityKind.PLACE, "مكان"
        ORGANIZATION = NlpEntityKind.ORGANIZATION, "منظمة"

    kind = models.CharField("النوع", max_length=20, choices=Kind.choices)
    name = models.CharField("الاسم", max_length=200)
    name_en = models.CharField("الاسم بالإنجليزية", max_length=200, blank=True)
    slug = models.SlugField("المعرّف", max_length=120, unique=True)
    country = models.ForeignKey(
        "self",
        verbose_name="البلد",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "country"},
    )
    wikidata = models.CharField("معرّف ويكي بيانات", max_length=20, blank=True)
    is_capital = models.BooleanField("عاصمة", default=False)
    verified = models.BooleanField(
        "موثّق", default=True, help_text="الكيانات التي استخرجها النظام ولم يراجعها محرر غير موثّقة."
    )
    created_at = models.DateTimeField("تاريخ الإنشاء", auto_now_add=True)

    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "كيان"
        verbose_name_plural = "الكيانات"
        constraints = [
            models.CheckConstraint(
                condition=Q(slug__regex=r"^[a-z0-9]+(-[a-z0-9]+)*$"), name="entity_slug_ascii"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "name"], name="entity_kind_name_idx"),
            # The API's entity list walks it in order: no sort of every entity for a page.
            models.Index(fields=["name", "id"], name="entity_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("entity-detail", args=[self.slug])


class EntityStats(models.Model):
    """How many articles name an entity, and how many visible meetings it took part in, hosted or
    was the occasion of: the API's counts, and its order by activity.

    Counted from 2.2 million mentions and 20,000 meetings at 100,000 articles,
    the API's entity list spent most of its time on them, and ordering by them
    counted every entity (110 ms a page). Kept by PostgreSQL (migration 0010):
    every entity has a row from its creation, triggers on mentions,
    participations and meetings add each change, and the row goes with its
    entity. Django never writes it, hence no foreign key for Django to cascade:
    PostgreSQL's own does (``ON DELETE CASCADE``).
    """

    entity = models.OneToOneField(
        Entity,
        verbose_name="الكيان",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="stats",
    )
    articles = models.PositiveIntegerField("عدد المقالات", default=0)
    meetings = models.PositiveIntegerField("عدد اللقاءات", default=0)

    class Meta:
        verbose_name = "إحصاء كيان"
        verbose_name_plural = "إحصاءات الكيانات"

    def __str__(self) -> str:
        return f"{self.entity_id}: {self.articles} / {self.meetings}"


class Alias(models.Model):
    class Kind(models.TextChoices):
        NAME = NlpAliasKind.NAME, "اسم"
        SHORT = NlpAliasKind.SHORT, "اسم مختصر"
        DEMONYM = NlpAliasKind.DEMONYM, "صفة نسبة"

    entity = models.ForeignKey(
        Entity, verbose_name="الكيان", on_delete=models.CASCADE, related_name="aliases"
    )
    text = models.CharField("الكتابة", max_length=200)
    # Matching key (GUIDE §4): what "بوتن" and "بوتين" are compared by.
    key = models.CharField("مفتاح المطابقة", max_length=200, db_index=True, editable=False)
    kind = models.CharField("النوع", max_length=10, choices=Kind.choices, default=Kind.NAME)
    ambiguous = models.BooleanField("ملتبس", default=False, help_text="الكتابة نفسها تسمي أكثر من كيان.")

    class Meta:
        ordering = ["entity", "text"]
        verbose_name = "اسم بديل"
        verbose_name_plural = "الأسماء البديلة"
        constraints = [
            models.UniqueConstraint(fields=["entity", "key"], name="alias_unique_key_per_entity"),
            models.CheckConstraint(condition=~Q(key=""), name="alias_key_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs) -> None:
        self.key = normalize_key(self.text)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)


class Position(models.Model):
    class Office(models.TextChoices):
        HEAD_OF_STATE = NlpOffice.HEAD_OF_STATE, "رئيس الدولة"
        HEAD_OF_GOVERNMENT = NlpOffice.HEAD_OF_GOVERNMENT, "رئيس الحكومة"
        VICE_PRESIDENT = NlpOffice.VICE_PRESIDENT, "نائب الرئيس"
        CROWN_PRINCE = NlpOffice.CROWN_PRINCE, "ولي العهد"
        FOREIGN_MINISTER = NlpOffice.FOREIGN_MINISTER, "وزير الخارجية"
        NATIONAL_SECURITY_ADVISOR = NlpOffice.NATIONAL_SECURITY_ADVISOR, "مستشار الأمن القومي"
        SECRETARY_GENERAL = NlpOffice.SECRETARY_GENERAL, "الأمين العام"
        OTHER = NlpOffice.OTHER, "منصب آخر"

    person = models.ForeignKey(
        Entity,
        verbose_name="الشخص",
        on_delete=models.CASCADE,
        related_name="positions",
        limit_choices_to={"kind": "person"},
    )
    office = models.CharField("المنصب", max_length=40, choices=Office.choices)
    of = models.ForeignKey(
        Entity,
        verbose_name="في",
        on_delete=models.CASCADE,
        related_name="offices",
        help_text="البلد أو المنظمة.",
    )
    title = models.CharField(
        "اللقب", max_length=120, help_text="كما تكتبه الأخبار: الرئيس، وزير الخارجية ..."
    )
    start = models.DateField("من", null=True, blank=True)
    end = models.DateField("إلى", null=True, blank=True, help_text="أول يوم لخلفه في المنصب.")

    class Meta:
        ordering = ["person", "start"]
        verbose_name = "منصب"
        verbose_name_plural = "المناصب"
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="position_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["person", "office", "of", "start"], name="position_unique_term", nulls_distinct=False
            ),
        ]
        indexes = [models.Index(fields=["office", "of", "start"], name="position_office_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.person})"

    def clean(self) -> None:
        # PostgreSQL would need btree_gist for an exclusion constraint, which the
        # embedded server lacks; the admin and the catalog test check overlaps instead.
        overlapping = Position.objects.filter(office=self.office, of_id=self.of_id).exclude(pk=self.pk)
        if self.end:
            overlapping = overlapping.filter(Q(start__isnull=True) | Q(start__lt=self.end))
        if self.start:
            overlapping = overlapping.filter(Q(end__isnull=True) | Q(end__gt=self.start))
        if self.office != self.Office.OTHER and overlapping.exists():
            raise ValidationError("يتداخل هذا المنصب زمنياً مع منصب آخر للجهة نفسها.")

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)
