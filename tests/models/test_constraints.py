from datetime import date

import pytest
from django.db import IntegrityError, transaction

from newsapp.models import Alias, Article, Entity, Meeting, Participation, Position

pytestmark = pytest.mark.django_db


def article(**fields) -> Article:
    defaults = {"title": "عنوان", "body": "نص", "raw_text": "نص", "content_hash": "a" * 64}
    return Article.objects.create(**{**defaults, **fields})


def test_two_articles_cannot_share_a_content_hash():
    article()
    with pytest.raises(IntegrityError), transaction.atomic():
        article(body="نص آخر")


def test_two_articles_cannot_share_a_url_but_many_may_have_none():
    article(url="https://example.com/a")
    article(content_hash="b" * 64)
    article(content_hash="c" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        article(content_hash="d" * 64, url="https://example.com/a")


def test_an_article_body_cannot_be_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        article(body="")


def test_one_entity_cannot_hold_the_same_spelling_twice_even_with_diacritics(person):
    putin = person("test-putin", "بوتين")
    Alias.objects.create(entity=putin, text="بوتين")
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(entity=putin, text="بُوتِين")


def test_an_alias_stores_its_matching_key(person):
    alias = Alias.objects.create(entity=person("test-xi", "شي"), text="شي جين بينغ")
    assert alias.key == "شي جين بينغ"
    alias.text = "الرَّئيس"
    alias.save(update_fields=["text"])
    alias.refresh_from_db()
    assert alias.key == "الرءيس"


def test_entity_slugs_are_lowercase_ascii(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        person("بوتين", "بوتين")
    with pytest.raises(IntegrityError), transaction.atomic():
        person("Vladimir-Putin", "بوتين")


def test_a_meeting_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(kind="visit", start_date=date(2024, 1, 29), end_date=date(2024, 1, 26))


def test_a_person_takes_part_in_a_meeting_once(person):
    xi = person("test-xi", "شي")
    meeting = Meeting.objects.create(kind="call", start_date=date(2024, 2, 8))
    Participation.objects.create(meeting=meeting, person=xi)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(meeting=meeting, person=xi, role="host")


def test_a_position_cannot_end_before_it_starts(person):
    country = Entity.objects.create(kind="country", slug="test-land", name="بلد")
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(
            person=person("test-p", "شخص"), office="head_of_state", of=country, title="الرئيس",
            start=date(2024, 1, 1), end=date(2023, 1, 1),
        )  # fmt: skip


def test_a_month_precision_meeting_lasts_to_the_end_of_its_month():
    meeting = Meeting.objects.create(kind="meeting", start_date=date(2023, 11, 1), precision="month")
    meeting.refresh_from_db()
    assert meeting.last_day == date(2023, 11, 30)
    year = Meeting.objects.create(kind="meeting", start_date=date(2022, 1, 1), precision="year")
    year.refresh_from_db()
    assert year.last_day == date(2022, 12, 31)
