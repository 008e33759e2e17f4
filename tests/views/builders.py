"""Build reader-page data with the models directly: articles, mentions, meetings, evidence.

Used by the view tests (at two sizes, to lock query counts) and the browser tests.
Needs the catalog (the ``catalog`` fixture) for the people, countries and summits.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsapp.models import Article, Entity, Evidence, Meeting, Mention, Participation, Source
from newsapp.search import index_article

PAIRS = [
    ("xi-jinping", "vladimir-putin"),
    ("joe-biden", "xi-jinping"),
    ("joe-biden", "mohammed-bin-salman"),
    ("recep-tayyip-erdogan", "vladimir-putin"),
]
KINDS = ["call", "meeting", "video", "visit"]
VERBS = {
    "call": "أجرى {a} اتصالاً هاتفياً مع {b} بحثا خلاله العلاقات الثنائية.",
    "video": "عقد {a} و{b} قمة عبر الفيديو تناولت القضايا الإقليمية.",
    "meeting": "التقى {a} بنظيره {b} على هامش القمة وبحثا التعاون.",
    "visit": "استقبل {b} ضيفه {a} في زيارة رسمية استمرت يومين.",
}


@dataclass
class World:
    articles: list[Article] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    rejected: Meeting | None = None
    planned: Meeting | None = None


def _article(source: Source, title: str, body: str, day: date, people: list[Entity], n: int) -> Article:
    article = Article.objects.create(
        title=title, body=body, raw_text=body, source=source, published_on=day, content_hash=f"{n:064x}"
    )
    index_article(article.pk, title, body)  # what the ingest service does
    mentions, seen = [], set()
    for entity in people:
        start = body.find(entity.name)
        while start != -1:
            if start not in seen:
                seen.add(start)
                mentions.append(
                    Mention(
                        article=article,
                        entity=entity,
                        start=start,
                        end=start + len(entity.name),
                        text=entity.name,
                    )
                )
            start = body.find(entity.name, start + 1)
    Mention.objects.bulk_create(mentions)
    return article


def build_world(n: int, *, start: date = date(2023, 1, 5), counter: itertools.count | None = None) -> World:
    """``n`` articles, each reporting one meeting between two leaders, plus one planned and one rejected."""
    counter = counter or itertools.count(1)
    slugs = {s for pair in PAIRS for s in pair} | {"china", "russia", "g20", "bali"}
    e = Entity.objects.in_bulk(slugs, field_name="slug")
    sources = [
        Source.objects.get_or_create(name=name)[0]
        for name in ("سكاي نيوز عربية", "الجزيرة نت", "الشرق الأوسط")
    ]
    world = World()
    for i in range(n):
        a_slug, b_slug = PAIRS[i % len(PAIRS)]
        a, b = e[a_slug], e[b_slug]
        # Kinds rotate against pairs, so every pair has every kind of contact.
        kind = KINDS[(i + i // len(PAIRS)) % len(KINDS)]
        day = start + timedelta(days=23 * i)
        sentence = VERBS[kind].format(a=a.name, b=b.name)
        body = f"{sentence}\nوقال مصدر إن الجانبين ناقشا ملفات عدة. وأضاف أن {e['china'].name} و{e['russia'].name} تتابعان."
        article = _article(
            sources[i % len(sources)],
            f"{a.name} و{b.name}: {Meeting.Kind(kind).label}",
            body,
            day + timedelta(days=1),
            [a, b, e["china"], e["russia"]],
            next(counter),
        )
        meeting = Meeting.objects.create(
            kind=kind,
            start_date=day,
            precision="month" if i % 7 == 3 else "day",
            occasion=e["g20"] if kind == "meeting" else None,
            location=e["bali"] if kind == "meeting" else None,
        )
        Participation.objects.bulk_create(
            [Participation(meeting=meeting, person=a), Participation(meeting=meeting, person=b)]
        )
        Evidence.objects.create(
            meeting=meeting, article=article, sentence=sentence, start=0, end=len(sentence)
        )
        world.articles.append(article)
        world.meetings.append(meeting)
    last = start + timedelta(days=23 * n)
    world.planned = Meeting.objects.create(
        kind="visit", start_date=last + timedelta(days=60), status="planned"
    )
    Participation.objects.bulk_create(
        [
            Participation(meeting=world.planned, person=e["xi-jinping"], role="visitor"),
            Participation(meeting=world.planned, person=e["vladimir-putin"], role="host"),
        ]
    )
    world.rejected = Meeting.objects.create(kind="call", start_date=start, review="rejected")
    Participation.objects.bulk_create(
        [
            Participation(meeting=world.rejected, person=e["xi-jinping"]),
            Participation(meeting=world.rejected, person=e["vladimir-putin"]),
        ]
    )
    return world
