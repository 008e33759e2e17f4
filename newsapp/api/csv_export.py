"""CSV files of meetings and articles: UTF-8 with a BOM, so spreadsheet programs show the Arabic."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse

from newsapp.models import Article, Meeting

BOM = "\ufeff"
CHUNK = 1000

MEETING_COLUMNS = [
    "id",
    "kind",
    "kind_label",
    "date",
    "date_end",
    "precision",
    "status",
    "review",
    "participants",
    "participant_names",
    "location",
    "location_name",
    "occasion",
    "occasion_name",
    "articles",
    "original_urls",
    "evidence",
    "url",
]

ARTICLE_COLUMNS = ["id", "published", "title", "source", "original_url", "url"]


# A cell starting with one of these is a formula to spreadsheet programs; an
# article title like "=HYPERLINK(...)" must stay text (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def _csv_response(
    filename: str, columns: list[str], rows: Iterable, to_row: Callable[[object], list]
) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in to_row(row)])
    return response


def _iso(value) -> str:
    return value.isoformat() if value else ""


def meetings_csv(meetings: QuerySet, request) -> HttpResponse:
    def row(meeting: Meeting) -> list:
        people = [p.person for p in meeting.participations.all()]
        evidence = list(meeting.evidence.all())
        return [
            meeting.pk,
            meeting.kind,
            meeting.get_kind_display(),
            _iso(meeting.start_date),
            _iso(meeting.end_date),
            meeting.precision,
            meeting.status,
            meeting.review,
            "; ".join(p.slug for p in people),
            "؛ ".join(p.name for p in people),
            meeting.location.slug if meeting.location else "",
            meeting.location.name if meeting.location else "",
            meeting.occasion.slug if meeting.occasion else "",
            meeting.occasion.name if meeting.occasion else "",
            " ".join(
                request.build_absolute_uri(reverse("api:article-detail", args=[e.article_id]))
                for e in evidence
            ),
            " ".join(e.article.url for e in evidence if e.article.url),
            "\n".join(e.sentence for e in evidence),
            request.build_absolute_uri(reverse("api:meeting-detail", args=[meeting.pk])),
        ]

    return _csv_response("marsad-meetings.csv", MEETING_COLUMNS, meetings.iterator(chunk_size=CHUNK), row)


def articles_csv(articles: QuerySet, request) -> HttpResponse:
    def row(article: Article) -> list:
        return [
            article.pk,
            _iso(article.published_on),
            article.title,
            article.source.name if article.source else "",
            article.url,
            request.build_absolute_uri(reverse("api:article-detail", args=[article.pk])),
        ]

    return _csv_response("marsad-articles.csv", ARTICLE_COLUMNS, articles.iterator(chunk_size=CHUNK), row)
