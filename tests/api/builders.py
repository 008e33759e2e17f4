"""Small builders for API tests: articles, meetings with their evidence, sources."""

from __future__ import annotations

import itertools
from datetime import date

from newsapp.models import Article, Entity, Evidence, Meeting, Participation, Source
from newsapp.search import index_article

_numbers = itertools.count(1)


def make_article(title: str = "خبر", body: str | None = None, **fields) -> Article:
    number = next(_numbers)
    body = body or f"نص الخبر رقم {number} عن لقاء القادة."
    fields.setdefault("published_on", date(2024, 2, 9))
    article = Article.objects.create(
        title=title, body=body, raw_text=body, content_hash=f"hash-{number}", **fields
    )
    index_article(article.pk, title, body)  # what the ingest service does
    return article


def make_meeting(*who: Entity, kind="call", start=date(2024, 2, 8), article: Article | None = None, **fields):
    meeting = Meeting.objects.create(kind=kind, start_date=start, **fields)
    Participation.objects.bulk_create(Participation(meeting=meeting, person=p) for p in who)
    article = article or make_article()
    sentence = "وبحث " + " و".join(p.name for p in who) + " العلاقات الثنائية."
    Evidence.objects.create(meeting=meeting, article=article, sentence=sentence, start=0, end=len(sentence))
    return meeting


def make_source(name: str = "وكالة الأنباء") -> Source:
    return Source.objects.create(name=name, url="https://example.com")


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["results"]]
