"""filter_scope: what a filter set's querysets depend on, as plain data for the aggregates' keys."""

from datetime import date

import pytest
from django.http import QueryDict

from newsapp.filters import ArticleFilter, MeetingFilter
from newsapp.models import Article, Entity, Meeting
from newsapp.views.filtering import filter_scope

pytestmark = pytest.mark.django_db


def scope(query: str, *extra: str, filterset_class=MeetingFilter, model=Meeting):
    filterset = filterset_class(QueryDict(query), queryset=model.objects.all())
    assert filterset.is_valid(), filterset.errors
    return filter_scope(filterset, *extra)


def test_entities_are_their_keys_and_dates_their_iso_form(catalog):
    xi, china = Entity.objects.get(slug="xi-jinping"), Entity.objects.get(slug="china")
    values = dict(scope("leader=xi-jinping&country=china&from=2024-01-31&kind=call")[1:])
    assert values["leader"] == (xi.pk,)
    assert values["country"] == china.pk
    assert values["from"] == date(2024, 1, 31).isoformat()
    assert values["kind"] == "call"
    assert values["to"] is None


def test_each_filter_and_the_extra_values_tell_scopes_apart(catalog):
    scopes = [
        scope(""),
        scope("", "2"),
        scope("leader=xi-jinping"),
        scope("leader=xi-jinping&leader=vladimir-putin"),
        scope("kind=call"),
        scope("to=2024-01-01"),
        scope("", filterset_class=ArticleFilter, model=Article),
    ]
    assert len(set(scopes)) == len(scopes)
    assert scope("kind=call") == scope("kind=call&unknown=1")  # what no filter reads is no part of it


def test_a_text_query_has_no_scope(catalog):
    assert scope("q=قمة") is None
    assert scope("q=") is not None
