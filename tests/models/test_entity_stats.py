"""EntityStats, kept by PostgreSQL's triggers, always equals the counts from mentions and meetings.

Each test writes through one path (Django, QuerySet.update, bulk_create, the
collector, merge_entities, the ingest services) and compares the table with
the counts the API computed before EntityStats existed.
"""

import itertools
from collections import defaultdict
from datetime import date

import pytest
from django.db import connection, transaction
from django.db.models import Count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsapp.models import Article, Entity, EntityStats, Meeting, Mention, Participation, Source
from newsapp.services.bulk import ingest_many
from newsapp.services.catalog import merge_entities
from newsapp.services.ingest import ingest_input
from newsapp.services.readers import ArticleInput, Defaults, read_paths

pytestmark = pytest.mark.django_db


def live() -> dict[int, tuple[int, int]]:
    """(articles, visible meetings) of every entity, counted from the rows."""
    articles = dict(
        Mention.objects.values_list("entity").annotate(n=Count("article", distinct=True)).order_by()
    )
    visible = Meeting.objects.visible()
    meetings = defaultdict(set)
    for meeting_id, person_id in Participation.objects.filter(meeting__in=visible).values_list(
        "meeting_id", "person_id"
    ):
        meetings[person_id].add(meeting_id)
    for meeting_id, *places in visible.values_list("id", "location_id", "occasion_id"):
        for place in filter(None, places):
            meetings[place].add(meeting_id)
    return {
        pk: (articles.get(pk, 0), len(meetings[pk])) for pk in Entity.objects.values_list("pk", flat=True)
    }


def stored() -> dict[int, tuple[int, int]]:
    return {s.entity_id: (s.articles, s.meetings) for s in EntityStats.objects.all()}


def assert_exact() -> None:
    assert stored() == live()


@pytest.fixture
def people(person):
    return [person(f"stats-{i}", f"شخص {i}") for i in range(5)]


@pytest.fixture
def places(db):
    return [Entity.objects.create(kind="place", name=f"مدينة {i}", slug=f"stats-city-{i}") for i in range(2)]


def meeting(*who: Entity, review="suggested", status="held", location=None, occasion=None) -> Meeting:
    m = Meeting.objects.create(
        kind="meeting",
        start_date=date(2024, 2, 8),
        status=status,
        review=review,
        location=location,
        occasion=occasion,
    )
    Participation.objects.bulk_create(Participation(meeting=m, person=p) for p in who)
    return m


_hashes = itertools.count()


def article(*named: Entity, times: int = 1) -> Article:
    """An article naming each of ``named`` ``times`` times."""
    source, _ = Source.objects.get_or_create(name="مصدر")
    names = " ".join(e.name for e in named for _ in range(times))
    a = Article.objects.create(title="خبر", body=names, source=source, content_hash=f"{next(_hashes):064x}")
    spans, start = [], 0
    for e in named:
        for _ in range(times):
            spans.append(Mention(article=a, entity=e, start=start, end=start + len(e.name), text=e.name))
            start += len(e.name) + 1
    Mention.objects.bulk_create(spans)
    return a


def test_a_new_entity_starts_at_zero(people):
    assert stored()[people[0].pk] == (0, 0)


def test_an_article_counts_once_however_often_it_names_someone(people):
    a, b = people[:2]
    article(a, b, times=3)
    article(a)
    assert stored()[a.pk] == (2, 0)
    assert stored()[b.pk] == (1, 0)
    assert_exact()


def test_removing_some_mentions_of_an_article_keeps_it_counted_until_the_last(people):
    a = people[0]
    art = article(a, times=3)
    mentions = list(art.mentions.order_by("start"))
    mentions[0].delete()
    assert stored()[a.pk] == (1, 0)
    Mention.objects.filter(pk__in=[m.pk for m in mentions[1:]]).delete()
    assert stored()[a.pk] == (0, 0)
    assert_exact()


def test_moving_a_mention_to_another_entity(people):
    a, b = people[:2]
    art = article(a, times=2)
    Mention.objects.filter(pk=art.mentions.order_by("start").first().pk).update(entity=b)
    assert (stored()[a.pk], stored()[b.pk]) == ((1, 0), (1, 0))
    art.mentions.update(entity=b)
    assert (stored()[a.pk], stored()[b.pk]) == ((0, 0), (1, 0))
    assert_exact()


def test_deleting_an_article(people):
    a, b = people[:2]
    article(a, b).delete()
    article(a)
    assert_exact()


def test_participants_places_and_occasions_count_a_meeting_once(people, places):
    a, b = people[:2]
    city, summit = places
    meeting(a, b, location=city, occasion=summit)
    meeting(a, location=city)
    meeting(a, b, status="planned")  # announced meetings count too
    assert stored()[a.pk][1] == 3
    assert stored()[city.pk][1] == 2
    assert stored()[summit.pk][1] == 1
    assert_exact()


def test_a_rejected_meeting_does_not_count_until_restored(people, places):
    a, b = people[:2]
    m = meeting(a, b, location=places[0])
    Meeting.objects.filter(pk=m.pk).update(review="rejected")
    assert stored()[a.pk][1] == stored()[places[0].pk][1] == 0
    m.refresh_from_db()
    m.review = "confirmed"
    m.save()
    assert stored()[a.pk][1] == stored()[places[0].pk][1] == 1
    assert_exact()


def test_moving_a_meeting_and_its_people(people, places):
    a, b, c = people[:3]
    m = meeting(a, b, location=places[0])
    Meeting.objects.filter(pk=m.pk).update(location=places[1], occasion=places[0])
    assert_exact()
    Participation.objects.filter(meeting=m, person=b).update(person=c)
    Participation.objects.create(meeting=m, person=b)
    Participation.objects.filter(meeting=m, person=a).delete()
    assert_exact()


def test_an_entity_that_is_both_participant_and_place_counts_the_meeting_once(people):
    a = people[0]
    m = meeting(a, location=a)
    assert stored()[a.pk][1] == 1
    Participation.objects.filter(meeting=m).delete()
    assert stored()[a.pk][1] == 1
    Meeting.objects.filter(pk=m.pk).update(location=None)
    assert stored()[a.pk][1] == 0
    assert_exact()


def test_deleting_meetings_in_either_order(people, places):
    a, b = people[:2]
    meeting(a, b, location=places[0]).delete()
    assert_exact()
    m = meeting(a, b, occasion=places[1])
    # The foreign keys are deferred: raw SQL may delete in the order Django does not.
    with transaction.atomic():
        Meeting.objects.filter(pk=m.pk)._raw_delete(Meeting.objects.db)
        assert stored()[a.pk][1] == 0
        Participation.objects.filter(meeting_id=m.pk)._raw_delete(Participation.objects.db)
    assert_exact()


def test_deleting_and_merging_entities(people, places):
    xi, copy, putin = people[:3]
    meeting(xi, copy, putin, location=places[0])
    meeting(copy, putin, occasion=copy)
    article(xi, copy)
    article(copy)
    merge_entities(xi, [copy])
    assert not EntityStats.objects.filter(entity_id=copy.pk).exists()
    assert stored()[xi.pk] == (2, 2)
    putin.delete()
    assert putin.pk not in stored()
    assert_exact()


def test_truncating_recounts(people, places):
    a, b = people[:2]
    meeting(a, b, location=places[0])
    article(a, b)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred check left on the rows truncated
        cursor.execute("TRUNCATE newsapp_mention")
    assert stored()[a.pk] == (0, 1)
    assert_exact()


def test_the_ingest_paths(catalog, seeds_dir):
    items = [i for i in read_paths([seeds_dir], Defaults(), max_bytes=2**21) if isinstance(i, ArticleInput)]
    for item in items[: len(items) // 2]:
        ingest_input(item)
    assert_exact()
    ingest_many(items, batch_size=5)
    xi = Entity.objects.get(slug="xi-jinping")
    assert xi.stats.articles > 0 and xi.stats.meetings > 0
    assert_exact()


# One write: an operation and numbers that pick its meeting, entities and values.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "meeting", "add", "remove", "move", "review", "place", "delete",
                "article", "unmention", "remention", "unpublish", "merge", "drop",
            ]
        ),
        st.integers(0, 30),
        st.integers(0, 30),
        st.integers(0, 30),
    ),
    max_size=20,
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_sequence_of_writes_keeps_the_table_exact(person, steps):
    with transaction.atomic():
        pool = [person(f"random-{i}", f"عشوائي {i}") for i in range(5)]
        meetings: list[Meeting] = []
        articles: list[Article] = []
        for op, i, j, k in steps:
            m = meetings[i % len(meetings)] if meetings else None
            art = articles[i % len(articles)] if articles else None
            p, q = pool[j % len(pool)], pool[k % len(pool)]
            if op == "meeting" or (
                m is None and op in {"add", "remove", "move", "review", "place", "delete"}
            ):
                who = {pool[x % len(pool)].pk: pool[x % len(pool)] for x in (i, j, k)[: 1 + i % 3]}
                meetings.append(
                    meeting(
                        *who.values(),
                        review=("suggested", "rejected")[k % 2],
                        location=q if i % 2 else None,
                        occasion=p if j % 3 == 0 else None,
                    )
                )
            elif op == "add":
                Participation.objects.get_or_create(meeting=m, person=p)
            elif op == "remove":
                Participation.objects.filter(meeting=m, person=p).delete()
            elif op == "move" and not m.participations.filter(person=q).exists():
                Participation.objects.filter(meeting=m, person=p).update(person=q)
            elif op == "review":
                Meeting.objects.filter(pk=m.pk).update(review=("confirmed", "rejected", "suggested")[j % 3])
            elif op == "place":
                Meeting.objects.filter(pk=m.pk).update(location=(None, p)[j % 2], occasion=(None, q)[k % 2])
            elif op == "delete":
                meetings.remove(m)
                m.delete()
            elif op == "article" or (art is None and op in {"unmention", "remention", "unpublish"}):
                articles.append(article(*{p.pk: p, q.pk: q}.values(), times=1 + i % 2))
            elif op == "unmention":
                Mention.objects.filter(pk__in=art.mentions.filter(entity=p).values("pk")[:1]).delete()
            elif op == "remention":
                art.mentions.filter(entity=p).update(entity=q)
            elif op == "unpublish":
                articles.remove(art)
                art.delete()
            elif op == "merge" and p != q and len(pool) > 2:
                merge_entities(p, [q])
                pool.remove(q)
            elif op == "drop" and len(pool) > 2:
                pool.remove(p)
                p.delete()
            assert_exact()
        transaction.set_rollback(True)
