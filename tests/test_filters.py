"""The shared filter sets build their form class once, and each binding still validates on its own."""

import django_filters
import pytest
from django.http import QueryDict

from newsapp.filters import ArticleFilter, MeetingFilter
from newsapp.models import Article, Entity, Meeting

pytestmark = pytest.mark.django_db


def bind(filterset_class, query: str, queryset):
    filterset = filterset_class(QueryDict(query), queryset=queryset)
    filterset.is_valid()
    return filterset


@pytest.fixture
def xi():
    return Entity.objects.create(kind=Entity.Kind.PERSON, name="قائد الاختبار", slug="test-leader")


def test_bindings_share_one_form_class_but_not_their_fields(xi):
    first = bind(MeetingFilter, "leader=test-leader", Meeting.objects.all())
    second = bind(MeetingFilter, "kind=call", Meeting.objects.all())
    assert type(first.form) is type(second.form)
    assert first.form.fields["leader"] is not second.form.fields["leader"]
    assert list(first.form.cleaned_data["leader"]) == [xi]
    assert not second.form.cleaned_data["leader"]


def test_an_invalid_binding_leaves_the_next_one_valid(xi):
    bad = bind(MeetingFilter, "leader=nobody&from=yesterday", Meeting.objects.all())
    assert set(bad.errors) == {"leader", "from"}
    good = bind(MeetingFilter, "leader=test-leader&from=2024-01-01", Meeting.objects.all())
    assert good.is_valid(), good.errors


def test_a_person_created_after_the_first_binding_is_found():
    bind(MeetingFilter, "kind=call", Meeting.objects.all())
    late = Entity.objects.create(kind=Entity.Kind.PERSON, name="قائد لاحق", slug="late-leader")
    assert list(
        bind(MeetingFilter, "leader=late-leader", Meeting.objects.all()).form.cleaned_data["leader"]
    ) == [late]


def test_each_filter_set_class_has_its_own_form():
    meetings = bind(MeetingFilter, "", Meeting.objects.all())
    articles = bind(ArticleFilter, "", Article.objects.all())
    assert "kind" in meetings.form.fields and "kind" not in articles.form.fields

    class WithPlace(MeetingFilter):
        place = django_filters.CharFilter(field_name="location__slug")

    assert "place" in bind(WithPlace, "", Meeting.objects.all()).form.fields
    assert "place" not in bind(MeetingFilter, "", Meeting.objects.all()).form.fields
