"""Long, repetitive markup built in Python: the same HTML the template loops wrote, 50× faster.

At 2,000 entities and 20,000 meetings, a filter form's ``<option>`` lists and
the timeline chart's bars were most of a page's rendering time (``manage.py
bench``); Django's template engine spends ~0.1 ms per loop iteration.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Characters of an article's snippet in lists (views read one more, to know it goes on).
SNIPPET_LENGTH = 220


def escape(value: Any) -> str:
    """What ``django.utils.html.escape`` returns, as a plain ``str``: its lazy-string wrapper
    costs more than the escaping at thousands of calls a page."""
    return html.escape(str(value))


@functools.lru_cache(maxsize=8192)
def _option(key: str, name: str) -> tuple[str, str]:
    """An ``<option>``, not chosen and chosen: the same few hundred on every filter form."""
    value, label = escape(key), escape(name)
    return f'<option value="{value}">{label}</option>', f'<option value="{value}" selected>{label}</option>'


@register.simple_tag
def options(rows: Iterable[Any], selected: str = "", value: str = "slug") -> SafeString:
    """``<option value="…"[ selected]>name</option>`` for each row (an entity by its slug, a source by its id), escaped."""
    parts = []
    for row in rows:
        key, name = (row[value], row["name"]) if isinstance(row, dict) else (getattr(row, value), row.name)
        key = str(key)
        parts.append(_option(key, name)[key == selected])
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped by _option)


@register.simple_tag
def chart_bars(bars: Iterable[dict]) -> SafeString:
    """The monthly chart's bars: a titled group of stacked rectangles per month (numbers unlocalized)."""
    parts = []
    for bar in bars:
        rects = "".join(
            f'<rect class="fill-{escape(s["kind"])}" x="{bar["x"]}" y="{s["y"]}" '
            f'width="{bar["width"]}" height="{s["height"]}"></rect>'
            for s in bar["segments"]
        )
        parts.append(f'<g class="bar"><title>{escape(bar["label"])}: {bar["total"]}</title>{rects}</g>')
    return mark_safe("\n    ".join(parts))  # noqa: S308 (numbers and escaped text)


class CardPerson(NamedTuple):
    """A participant as a card shows them: ``views.cards.attach_people`` reads them as rows."""

    slug: str
    name: str
    role: str


def _card_people(meeting: Any) -> Iterable[CardPerson]:
    """The rows ``attach_people`` set, else the participants ``with_people()`` loaded."""
    people = getattr(meeting, "card_people", None)
    if people is not None:
        return people
    return (CardPerson(p.person.slug, p.person.name, p.role) for p in meeting.participations.all())


def _url_maker(name: str, sentinel: int | str) -> Callable[[Any], str]:
    """``reverse(name, args=[value])`` for many values at the cost of one ``reverse()``.

    A source list or a timeline page links hundreds of articles and people;
    ``reverse()`` costs ~30 µs each. Values are ids and ASCII slugs, which the
    URL patterns take as they are.
    """
    pattern = reverse(name, args=[sentinel])
    marker = str(sentinel)
    return lambda value: pattern.replace(marker, str(value), 1)


def _source_items(sources: Iterable[Any]) -> list[str]:
    """One ``<li>`` per article (an article's first evidence is its link), escaped.

    ``sources`` are ``views.timeline.Source`` rows in article order.
    """
    from .marsad import arabic_date

    article_url = _url_maker("article-detail", 987654321)
    items = []
    previous = object()
    for source in sources:
        if source.article_id == previous:
            continue
        previous = source.article_id
        when = (
            f' <span class="text-secondary small">· {escape(arabic_date(source.published_on))}</span>'
            if source.published_on
            else ""
        )
        href = f"{article_url(source.article_id)}#evidence-{source.evidence_id}"
        items.append(f'<li><a href="{escape(href)}">{escape(source.title)}</a>{when}</li>')
    return items


@register.simple_tag
def article_list(articles: Iterable[Any], empty: str) -> SafeString:
    """``<ul class="article-list">``: each article's title, source, date, meetings and snippet, or ``empty``.

    The article list, home, entity and article pages show 5 to 20 of them; the
    template loop spent ~0.15 ms an article. Shown when the queryset read them:
    ``meeting_count`` and ``lead`` (the body's beginning, cut here at ``SNIPPET_LENGTH`` characters).
    """
    from .marsad import arabic_date, counted

    article_url = _url_maker("article-detail", 987654321)
    items = []
    for article in articles:
        meta = []
        if article.source_id:
            meta.append(f"<span>{escape(article.source.name)}</span>")
        if article.published_on:
            day = article.published_on
            meta.append(f'<time datetime="{day.isoformat()}">{escape(arabic_date(day))}</time>')
        meetings = getattr(article, "meeting_count", 0)
        if meetings:
            meta.append(f"<span>{escape(counted(meetings, 'لقاء واحد', 'لقاءان', 'لقاءات', 'لقاءً'))}</span>")
        lead = getattr(article, "lead", "")
        if len(lead) > SNIPPET_LENGTH:
            lead = lead[: SNIPPET_LENGTH - 1] + "…"
        snippet = f'<p class="article-snippet">{escape(lead)}</p>' if lead else ""
        items.append(
            f'<li class="article-item"><a class="article-title" href="{article_url(article.pk)}">'
            f"{escape(article.title)}</a>"
            f'<div class="article-meta">{" ".join(meta)}</div>{snippet}</li>'
        )
    if not items:
        items.append(f'<li class="empty">{escape(empty)}</li>')
    return mark_safe(f'<ul class="article-list">{"".join(items)}</ul>')  # noqa: S308 (every value escaped)


@functools.cache
def _role_names() -> dict[str, str]:
    from newsapp.models import Participation

    return {value: str(label) for value, label in Participation.Role.choices}


@register.simple_tag
def meeting_card(meeting: Any, show_sources: bool = False) -> SafeString:
    """A meeting as the timeline, entity, home, search and article pages show it.

    The most repeated fragment of the site (40 on a timeline page), so it is
    built here rather than by an ``{% include %}`` (about 1 ms a card in the
    template engine). Needs ``views.cards.attach_people`` or ``with_people()``, and ``meeting.sources``
    (``views.cards.attach_sources``) when ``show_sources``; ``meeting.ordinal`` is shown when set.
    A card the view already has (``views.cards.prepare_cards``, same ``show_sources``) is used as is.
    """
    prepared = getattr(meeting, "card_html", None)
    if prepared is not None:
        return prepared
    from .marsad import contact_ordinal, icon, kind_icon, meeting_date

    kind = escape(meeting.kind)
    head = [
        f'<span class="kind-badge">{kind_icon(meeting.kind)}<span>{escape(meeting.get_kind_display())}</span></span>'
    ]
    when = f' datetime="{meeting.start_date.isoformat()}"' if meeting.start_date else ""
    head.append(f'<time class="meeting-date"{when}>{escape(meeting_date(meeting))}</time>')
    if meeting.status == "planned":
        head.append('<span class="badge text-bg-warning">مرتقب</span>')
    if meeting.review == "confirmed":
        head.append('<span class="badge text-bg-success">مؤكَّد</span>')

    entity_url = _url_maker("entity-detail", "entity-slug-marker")
    roles = _role_names()
    people = []
    for person in _card_people(meeting):
        role = (
            f' <span class="role">({escape(roles[person.role])})</span>'
            if person.role != "participant"
            else ""
        )
        link = f'<a href="{escape(entity_url(person.slug))}">{escape(person.name)}</a>{role}'
        people.append(link if not people else f'<span class="sep"> و</span>{link}')
    if not people:
        people.append('<span class="text-secondary">مشاركون غير محددين</span>')
    parts = [
        f'<article class="meeting kind-{kind}" id="m-{meeting.pk}">',
        f'<div class="meeting-head">{" ".join(head)}</div>',
        f'<p class="participants mb-1">{"".join(people)}</p>',
    ]
    ordinal = getattr(meeting, "ordinal", None)
    if ordinal and meeting.start_date:
        text = contact_ordinal(meeting.kind, ordinal, meeting.start_date.year)
        parts.append(f'<p class="ordinal mb-1">{escape(text)}</p>')
    where = []
    if meeting.location_id:
        place = meeting.location
        where.append(
            f'{icon("geo-alt", "المكان")} <a href="{escape(entity_url(place.slug))}">{escape(place.name)}</a>'
        )
    if meeting.occasion_id:
        occasion = meeting.occasion
        where.append(
            f'<span class="occasion">{icon("flag", "المناسبة")} على هامش '
            f'<a href="{escape(entity_url(occasion.slug))}">{escape(occasion.name)}</a></span>'
        )
    if where:
        parts.append(f'<p class="meeting-where mb-1">{" ".join(where)}</p>')
    if show_sources:
        sources = _source_items(meeting.sources)
        if sources:
            parts.append(
                f'<details class="meeting-sources"><summary>المصادر ({len(sources)})</summary>'
                f"<ul>{''.join(sources)}</ul></details>"
            )
    parts.append("</article>")
    return mark_safe("\n".join(parts))  # noqa: S308 (every value escaped above; icons are format_html)
