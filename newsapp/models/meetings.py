"""Meetings between people: one row per real-world event, with who took part and where it was read."""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.fields import DateRangeField
from django.contrib.postgres.indexes import GistIndex
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.expressions import RawSQL

from newsapp.nlp.types import MeetingKind, MeetingStatus, Precision, Role


def _meetings_of(person) -> RawSQL:
    """``SELECT meeting_id FROM participation WHERE person_id = …``, for ``pk__in``.

    The same subquery as ``Participation.objects.filter(person=…).values("meeting")``
    (and so the same plan, on the participation's person index), without a
    queryset to build and compile: a leader's timeline compiles it into each
    of its ~7 reads, and building it through the ORM was a tenth of the page.
    """
    table = Participation._meta.db_table
    meeting = Participation._meta.get_field("meeting").column
    person_column = Participation._meta.get_field("person").column
    return RawSQL(
        f'SELECT "{meeting}" FROM "{table}" WHERE "{person_column}" = %s',  # noqa: S611 (names from _meta)
        (getattr(person, "pk", person),),
    )


class MeetingQuerySet(models.QuerySet):
    def involving(self, *people) -> MeetingQuerySet:
        """Meetings in which every one of ``people`` took part (a pair gives their contacts)."""
        qs = self
        for person in people:
            qs = qs.filter(pk__in=_meetings_of(person))
        return qs

    def between(self, start: date | None, end: date | None) -> MeetingQuerySet:
        """Meetings whose date range overlaps ``[start, end]``, both inclusive.

        A month-precision meeting counts when its month overlaps the range.
        """
        qs = self
        if start:
            qs = qs.filter(last_day__gte=start)
        if end:
            qs = qs.filter(start_date__lte=end)
        return qs

    def of_kind(self, kind: str) -> MeetingQuerySet:
        return self.filter(kind=kind)

    def in_country(self, country) -> MeetingQuerySet:
        """Meetings with a participant of ``country`` or held in it."""
        return self.filter(
            Q(pk__in=Participation.objects.filter(person__country=country).values("meeting"))
            | Q(location=country)
            | Q(location__country=country)
        )

    def visible(self) -> MeetingQuerySet:
        """What readers see: everything an editor has not rejected."""
        return self.exclude(review=Meeting.Review.REJECTED)

    def held(self) -> MeetingQuerySet:
        return self.filter(status=Meeting.Status.HELD)

    def planned(self) -> MeetingQuerySet:
        return self.filter(status=Meeting.Status.PLANNED)

    def chronological(self) -> MeetingQuerySet:
        return self.order_by(F("start_date").asc(nulls_last=True), "id")

    def latest_first(self) -> MeetingQuerySet:
        return self.order_by(F("start_date").desc(nulls_last=True), "-id")

    def with_people(self) -> MeetingQuerySet:
        """Load what a list of meetings shows, in a fixed number of queries."""
        return self.select_related("location", "occasion").prefetch_related(
            models.Prefetch("participations", queryset=Participation.objects.select_related("person")),
        )


# The last day a meeting may have happened on, for range filters that use an
# index: the end of a range, else the end of the month or year of an imprecise
# date. Kept by PostgreSQL so no write path can forget it.
_LAST_DAY_SQL = """COALESCE(end_date, CASE precision
    WHEN 'month' THEN (date_trunc('month', start_date::timestamp) + interval '1 month - 1 day')::date
    WHEN 'year' THEN (date_trunc('year', start_date::timestamp) + interval '1 year - 1 day')::date
    ELSE start_date END)"""


class Meeting(models.Model):
    class Kind(models.TextChoices):
        CALL = MeetingKind.CALL, "اتصال هاتفي"
        VIDEO = MeetingKind.VIDEO, "اتصال مرئي"
        MEETING = MeetingKind.MEETING, "لقاء"
        VISIT = MeetingKind.VISIT, "زيارة"

    class Precision(models.TextChoices):
        DAY = Precision.DAY, "يوم"
        MONTH = Precision.MONTH, "شهر"
        YEAR = Precision.YEAR, "سنة"

    class Status(models.TextChoices):
        HELD = MeetingStatus.HELD, "جرى"
        PLANNED = MeetingStatus.PLANNED, "مرتقب"

    class Review(models.TextChoices):
        SUGGESTED = "suggested", "مقترح"
        CONFIRMED = "confirmed", "مؤكَّد"
        REJECTED = "rejected", "مرفوض"

    kind = models.CharField("النوع", max_length=10, choices=Kind.choices)
    # A month-precision date is stored as the first day of the month (GUIDE §2).
    start_date = models.DateField("التاريخ", null=True, blank=True)
    end_date = models.DateField("حتى", null=True, blank=True)
    precision = models.CharField("الدقة", max_length=10, choices=Precision.choices, default=Precision.DAY)
    last_day = models.GeneratedField(
        expression=RawSQL(_LAST_DAY_SQL, []), output_field=models.DateField(), db_persist=True
    )
    status = models.CharField("الحالة", max_length=10, choices=Status.choices, default=Status.HELD)
    review = models.CharField("المراجعة", max_length=10, choices=Review.choices, default=Review.SUGGESTED)
    location = models.ForeignKey(
        "newsapp.Entity",
        verbose_name="المكان",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_here",
    )
    occasion = models.ForeignKey(
        "newsapp.Entity",
        verbose_name="المناسبة",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_on_sidelines",
        help_text="القمة أو المنتدى الذي جرى اللقاء على هامشه.",
    )
    participants = models.ManyToManyField(
        "newsapp.Entity", through="Participation", related_name="meetings", verbose_name="المشاركون"
    )
    created_at = models.DateTimeField("تاريخ الإنشاء", auto_now_add=True)
    updated_at = models.DateTimeField("آخر تعديل", auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = "لقاء"
        verbose_name_plural = "اللقاءات"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="meeting_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
                name="meeting_end_needs_start",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date", "last_day"], name="meeting_dates_idx"),
            models.Index(fields=["kind", "start_date"], name="meeting_kind_idx"),
            models.Index(fields=["status", "review"], name="meeting_status_idx"),
            # Date-range filters and the timeline's counts read this index alone (index-only scans).
            models.Index(
                fields=["last_day", "start_date"],
                include=["kind", "status", "review"],
                name="meeting_range_idx",
            ),
            # Which dated meetings overlap a report's dates, for keeping one meeting per event
            # (services.extraction): a range index answers an overlap with the rows it
            # finds, and its statistics estimate it, where ``last_day >= a AND start_date <= b``
            # on the btrees reads every meeting after ``a`` (and is estimated at a quarter of them).
            GistIndex(
                Func(
                    F("start_date"),
                    F("last_day"),
                    Value("[]"),
                    function="DATERANGE",
                    output_field=DateRangeField(),
                ),
                condition=Q(start_date__isnull=False),
                name="meeting_span_idx",
            ),
            # What latest_first() sorts by: the newest page of the timeline and the API.
            models.Index(
                models.F("start_date").desc(nulls_last=True), models.F("id").desc(), name="meeting_latest_idx"
            ),
        ]

    def __str__(self) -> str:
        names = " و".join(p.person.name for p in self.participations.all())
        return f"{self.get_kind_display()}: {names}" if names else self.get_kind_display()


class Participation(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = Role.PARTICIPANT, "مشارك"
        HOST = Role.HOST, "مضيف"
        VISITOR = Role.VISITOR, "زائر"

    # No index of their own: participation_unique_person (meeting, person) and
    # participation_person_idx (person, meeting) serve lookups by either.
    meeting = models.ForeignKey(
        Meeting,
        verbose_name="اللقاء",
        on_delete=models.CASCADE,
        related_name="participations",
        db_index=False,
    )
    person = models.ForeignKey(
        "newsapp.Entity",
        verbose_name="الشخص",
        on_delete=models.CASCADE,
        related_name="participations",
        db_index=False,
    )
    role = models.CharField("الدور", max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = "مشاركة"
        verbose_name_plural = "المشاركات"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="participation_unique_person"),
        ]
        indexes = [models.Index(fields=["person", "meeting"], name="participation_person_idx")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Contact(models.Model):
    """How many visible, held meetings two people had together, stored in both directions.

    A busy leader's page ranks who they met most and how often those people met
    each other; counted from participations, that reads the leader's whole
    record (thousands of meetings) on every view. Kept by PostgreSQL: triggers
    on participations and meetings (migration 0006) add and remove each pair as
    a meeting gains or loses people or is held, planned, rejected or deleted, so
    no write path can forget it. A pair whose count reaches 0 has no row.
    """

    # No index of its own: the unique (person, other) one serves lookups by person.
    person = models.ForeignKey(
        "newsapp.Entity", verbose_name="الشخص", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    other = models.ForeignKey(
        "newsapp.Entity", verbose_name="من التقاه", on_delete=models.CASCADE, related_name="+"
    )
    meetings = models.PositiveIntegerField("عدد اللقاءات")

    class Meta:
        verbose_name = "لقاءات شخصين"
        verbose_name_plural = "لقاءات الأشخاص فيما بينهم"
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="contact_unique_pair"),
        ]
        indexes = [
            # A person's top counterparts, most met first, read from the index alone.
            models.Index(fields=["person", "-meetings"], include=["other"], name="contact_top_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} ↔ {self.other_id}: {self.meetings}"


class Evidence(models.Model):
    # No index of their own: evidence_unique_sentence (meeting, …) and evidence_article_idx
    # (article, meeting) serve lookups by either.
    meeting = models.ForeignKey(
        Meeting, verbose_name="اللقاء", on_delete=models.CASCADE, related_name="evidence", db_index=False
    )
    article = models.ForeignKey(
        "newsapp.Article",
        verbose_name="المقال",
        on_delete=models.CASCADE,
        related_name="evidence",
        db_index=False,
    )
    sentence = models.TextField("الجملة")
    # Offsets of the sentence in Article.body.
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")

    class Meta:
        ordering = ["meeting", "article", "start"]
        verbose_name = "دليل"
        verbose_name_plural = "الأدلة"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="evidence_end_after_start"),
            models.UniqueConstraint(fields=["meeting", "article", "start"], name="evidence_unique_sentence"),
        ]
        indexes = [models.Index(fields=["article", "meeting"], name="evidence_article_idx")]

    def __str__(self) -> str:
        return self.sentence[:80]
