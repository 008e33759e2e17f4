"""One entity's page, shaped to its kind: a leader, a country, a place or an organisation."""

from __future__ import annotations

from django.db.models import Count, F, Prefetch
from django.views.generic import DetailView

from newsapp.aggregates import Aggregates, Read, read_now
from newsapp.models import Article, Contact, Entity, Meeting, Participation, Position

from .cards import meetings_for_cards, prepare_cards
from .network import counterpart_network

MEETINGS_SHOWN = 15
ARTICLES_SHOWN = 10
COUNTERPARTS_SHOWN = 10
# Offices held now first, then the most recent.
CURRENT_FIRST = (F("end").desc(nulls_first=True), F("start").desc(nulls_last=True))


def meetings_of(entity: Entity):
    """The visible meetings this entity's page is about."""
    meetings = Meeting.objects.visible()
    if entity.kind == Entity.Kind.PERSON:
        return meetings.involving(entity)
    if entity.kind == Entity.Kind.COUNTRY:
        return meetings.in_country(entity)
    if entity.kind == Entity.Kind.ORGANIZATION:
        # A summit or forum: the meetings held on its sidelines.
        return meetings.filter(occasion=entity)
    return meetings.filter(location=entity)


def counterparts(entity: Entity, meetings, read: Read = read_now):
    """Who this person met most, or for a country, the countries its people met most.

    ``meetings`` are the held, visible meetings the page counts. A person's are
    already counted by PostgreSQL in Contact, which saves reading a busy
    leader's whole record on every view.
    """
    if entity.kind == Entity.Kind.PERSON:
        return list(
            Contact.objects.filter(person=entity, meetings__gt=0)
            .values(ident=F("other_id"), slug=F("other__slug"), name=F("other__name"), count=F("meetings"))
            .order_by("-meetings", "other__name")[:COUNTERPARTS_SHOWN]
        )
    others = Participation.objects.filter(meeting__in=meetings.values("id"))
    if entity.kind == Entity.Kind.COUNTRY:
        key, others = "person__country", others.exclude(person__country=entity).exclude(person__country=None)
    else:
        key = "person"
    return read(
        others.values(ident=F(f"{key}__id"), slug=F(f"{key}__slug"), name=F(f"{key}__name"))
        .annotate(count=Count("meeting", distinct=True))
        .order_by("-count", "name")[:COUNTERPARTS_SHOWN]
    )


class EntityDetailView(DetailView):
    template_name = "entities/detail.html"
    context_object_name = "entity"

    def get_queryset(self):
        return Entity.objects.select_related("country").prefetch_related(
            "aliases",
            Prefetch("positions", queryset=Position.objects.select_related("of").order_by(*CURRENT_FIRST)),
        )

    def get_context_data(self, **kwargs):
        aggregates = Aggregates()  # the version first: then the data it guards
        context = super().get_context_data(**kwargs)
        entity = self.object
        meetings = meetings_of(entity)
        by_kind = dict(
            aggregates.read(meetings.held().values_list("kind").annotate(n=Count("id")).order_by())
        )
        met = counterparts(entity, meetings.held(), aggregates.read)
        context.update(
            meetings=prepare_cards(
                meetings_for_cards(meetings.latest_first()[:MEETINGS_SHOWN], aggregates.read),
                show_sources=True,
            ),
            meeting_total=sum(by_kind.values()),
            by_kind=[(kind, label, by_kind[kind]) for kind, label in Meeting.Kind.choices if kind in by_kind],
            counterparts=met,
            network=counterpart_network(entity, met, pairs=entity.kind == Entity.Kind.PERSON)
            if entity.kind in (Entity.Kind.PERSON, Entity.Kind.COUNTRY)
            else None,
            articles=Article.objects.mentioning(entity)
            .select_related("source")
            .defer("body", "raw_text")
            .latest_first()[:ARTICLES_SHOWN],
            offices=Position.objects.filter(of=entity).select_related("person").order_by(*CURRENT_FIRST)
            if entity.kind in (Entity.Kind.COUNTRY, Entity.Kind.ORGANIZATION)
            else [],
            people=Entity.objects.persons().filter(country=entity).order_by("name")
            if entity.kind == Entity.Kind.COUNTRY
            else [],
            spellings=sorted({a.text for a in entity.aliases.all()} - {entity.name}),
        )
        return context
