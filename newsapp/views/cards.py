"""Meeting cards, kept in the fragment cache under each meeting's version.

The page cache (``newsapp.caching``) forgets every page at each write, and a
site that ingests all day writes every few seconds. Most meetings on a page did
not change, though: their cards are kept under ``(id, updated_at)``, which
PostgreSQL moves whenever anything a card shows changes (its people, places,
sources, their names and titles; migration 0007), so no write path can leave a
stale card behind. A page then loads people and sources only for the cards it
does not have.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.db.models import QuerySet

from newsapp.aggregates import Query, Read, built
from newsapp.models import Entity, Evidence, Meeting, Participation
from newsapp.templatetags.rendering import CardPerson, meeting_card

# What a card's key, and the page around the card, read of a meeting; the rest
# (people, place, occasion, sources) is read for the cards the cache lacks.
CARD_COLUMNS = (
    "id",
    "kind",
    "start_date",
    "end_date",
    "precision",
    "status",
    "review",
    "location_id",
    "occasion_id",
    "updated_at",
)


class Source(NamedTuple):
    """An article a meeting was read in, as its card lists it (plain row, not model instances)."""

    evidence_id: int
    article_id: int
    title: str
    published_on: date | None


def _attach_rows(
    meetings: Iterable[Meeting], attribute: str, rows: Callable[[list[int]], QuerySet], row_type
):
    """``meetings`` with ``attribute`` set to a list of ``row_type`` each, from one query for all of them.

    ``rows(ids)`` gives ``(meeting_id, *fields)`` tuples in the order each list keeps.
    """
    meetings = list(meetings)
    by_id = {meeting.pk: meeting for meeting in meetings}
    for meeting in meetings:
        setattr(meeting, attribute, [])
    if not by_id:
        return meetings
    for meeting_id, *fields in rows(list(by_id)):
        getattr(by_id[meeting_id], attribute).append(row_type(*fields))
    return meetings


def attach_sources(meetings: Iterable[Meeting]) -> list[Meeting]:
    """``meetings`` with ``meeting.sources`` set, oldest article first, in one query for all of them.

    Rows, not ``Evidence`` and ``Article`` instances: a timeline page lists ~200
    sources, and building their model instances was a fifth of its time.
    """
    return _attach_rows(
        meetings,
        "sources",
        lambda ids: (
            Evidence.objects.filter(meeting__in=ids)
            .order_by("meeting_id", "article__published_on", "article_id", "start")
            .values_list("meeting_id", "id", "article_id", "article__title", "article__published_on")
        ),
        Source,
    )


def attach_people(meetings: Iterable[Meeting]) -> list[Meeting]:
    """``meetings`` with ``meeting.card_people`` set, in the order they were added, in one query.

    Rows, not ``Participation`` and ``Entity`` instances: a timeline page's ~150
    participants were 300 model instances, a quarter of a cold date-range timeline.
    """
    return _attach_rows(
        meetings,
        "card_people",
        lambda ids: (
            Participation.objects.filter(meeting__in=ids)
            .order_by("meeting_id", "id")
            .values_list("meeting_id", "person__slug", "person__name", "role")
        ),
        CardPerson,
    )


def meetings_for_cards(query: Query, read: Read) -> list[Meeting]:
    """The meetings of ``query`` (ordered, and sliced to a page), for ``prepare_cards``.

    Through ``read`` (``Aggregates.read``), a page's rows come from the cache
    until a meeting changes: a page whose cards are all cached then reads no
    meeting at all, however costly its filter.
    """
    return [Meeting(**row) for row in read(lambda: built(query).values(*CARD_COLUMNS))]


def _read_places(meetings: list[Meeting]) -> None:
    """Each meeting's place and occasion, in one query for both."""
    ids = {m.location_id for m in meetings} | {m.occasion_id for m in meetings}
    entities = Entity.objects.in_bulk(ids - {None})
    location, occasion = Meeting._meta.get_field("location"), Meeting._meta.get_field("occasion")
    for meeting in meetings:
        location.set_cached_value(meeting, entities.get(meeting.location_id))
        occasion.set_cached_value(meeting, entities.get(meeting.occasion_id))


def card_key(meeting: Meeting, show_sources: bool) -> str:
    ordinal = getattr(meeting, "ordinal", None) or 0
    return f"marsad:card:{meeting.pk}:{meeting.updated_at.timestamp()}:{int(show_sources)}:{ordinal}"


def prepare_cards(meetings: Iterable[Meeting], *, show_sources: bool = False) -> list[Meeting]:
    """``meetings`` with ``meeting.card_html`` set to its HTML, built only where the cache has none.

    Their people and sources are loaded here, for the missing cards only, in
    two queries of rows, and their places and occasions too (one more) unless they
    were read with them (``select_related``). ``{% meeting_card %}`` shows
    ``meeting.card_html`` when it is set.
    """
    meetings = list(meetings)
    fragments = caches["fragments"]
    keys = {meeting.pk: card_key(meeting, show_sources) for meeting in meetings}
    found = fragments.get_many(keys.values()) if keys else {}
    missing = [meeting for meeting in meetings if keys[meeting.pk] not in found]
    if missing:
        attach_people(missing)
        unplaced = [meeting for meeting in missing if not Meeting.location.is_cached(meeting)]
        if unplaced:
            _read_places(unplaced)
        if show_sources:
            attach_sources(missing)
        built = {keys[meeting.pk]: meeting_card(meeting, show_sources) for meeting in missing}
        fragments.set_many(built, timeout=settings.MARSAD_FRAGMENT_CACHE_SECONDS)
        found.update(built)
    for meeting in meetings:
        meeting.card_html = found[keys[meeting.pk]]
    return meetings
