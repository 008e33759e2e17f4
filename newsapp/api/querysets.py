"""The querysets the API reads, each loading what its serializer shows in a fixed number of queries."""

from __future__ import annotations

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Prefetch, QuerySet
from django.db.models.functions import Coalesce

from newsapp.models import Alias, Article, Entity, Evidence, Meeting, Mention, Participation, Position

# Article columns a list never shows: bodies can be long, and the search vectors
# are read back from TOAST. Article.objects leaves the vectors out, but a
# select_related("article") does not go through that manager.
HEAVY_ARTICLE_FIELDS = ("body", "raw_text", "search_normalized", "search_stemmed")


def meeting_rows(*, include_rejected: bool) -> QuerySet:
    """Meetings with their places, without participants or sources (``meeting_details``)."""
    queryset = Meeting.objects.select_related("location", "occasion")
    if not include_rejected:
        queryset = queryset.visible()
    return queryset.latest_first()


def meeting_details() -> tuple[Prefetch, Prefetch]:
    """What ``MeetingSerializer`` shows beyond the meeting's row: participants and sources
    (articles without their bodies)."""
    evidence = Evidence.objects.select_related("article").defer(
        *(f"article__{name}" for name in HEAVY_ARTICLE_FIELDS)
    )
    return (
        Prefetch("participations", queryset=Participation.objects.select_related("person")),
        Prefetch("evidence", queryset=evidence),
    )


def meetings(*, include_rejected: bool) -> QuerySet:
    """Meetings with participants, places and sources."""
    return meeting_rows(include_rejected=include_rejected).prefetch_related(*meeting_details())


def articles() -> QuerySet:
    return Article.objects.select_related("source").defer(*HEAVY_ARTICLE_FIELDS).latest_first()


def article_details(*, include_rejected: bool) -> QuerySet:
    """Articles with their body, mentions and the meetings they report."""
    reported = Evidence.objects.select_related("meeting__location", "meeting__occasion").prefetch_related(
        Prefetch("meeting__participations", queryset=Participation.objects.select_related("person"))
    )
    if not include_rejected:
        reported = reported.exclude(meeting__review=Meeting.Review.REJECTED)
    return (
        Article.objects.select_related("source")
        .defer("raw_text")
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("entity")),
            Prefetch("evidence", queryset=reported),
        )
    )


def _counted() -> QuerySet:
    """Entities with how many articles and (visible) meetings name them (``EntityStats``, kept by PostgreSQL)."""
    return Entity.objects.annotate(
        articles_count=Coalesce("stats__articles", 0), meetings_count=Coalesce("stats__meetings", 0)
    )


def entity_rows() -> QuerySet:
    """(id, articles count, meetings count) of each entity, by name: what a list reads before
    its representations (``representations.entity_representations``)."""
    return _counted().order_by("name", "pk").values_list("pk", "articles_count", "meetings_count")


def entities() -> QuerySet:
    """Entities with aliases, positions and their counts."""
    return (
        _counted()
        .select_related("country")
        # A list (to_attr), not a related manager: Django builds no queryset per entity for it.
        .prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("of").order_by("start", "pk"),
                to_attr="position_list",
            )
        )
        .annotate(
            alias_texts=ArraySubquery(
                Alias.objects.filter(entity=OuterRef("pk")).order_by("text").values("text")
            )
        )
        .order_by("name", "pk")
    )
