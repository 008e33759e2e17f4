import pytest
from django.core.management import call_command

from newsapp.models import Evidence, Meeting, Mention
from newsapp.services.ingest import ingest_paths

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    return (
        sorted(Meeting.objects.values_list("id", "kind", "start_date", "precision", "status")),
        sorted(Evidence.objects.values_list("meeting_id", "article_id", "start")),
        Mention.objects.count(),
    )


def test_reprocessing_the_seeds_twice_changes_nothing(catalog, seeds_dir, capsys):
    ingest_paths([seeds_dir])
    before = snapshot()
    call_command("reprocess")
    call_command("reprocess")
    assert snapshot() == before
    assert "أعيد تحليل 5" in capsys.readouterr().out


def test_reprocess_keeps_what_an_editor_decided_and_does_not_bring_it_back_twice(catalog, seeds_dir):
    ingest_paths([seeds_dir])
    count = Meeting.objects.count()
    corrected = Meeting.objects.exclude(start_date=None).order_by("id").first()
    corrected.review = Meeting.Review.CONFIRMED
    corrected.start_date = editors_date = corrected.start_date.replace(year=corrected.start_date.year - 1)
    corrected.save(update_fields=["review", "start_date"])
    call_command("reprocess")
    call_command("reprocess")
    corrected.refresh_from_db()
    assert corrected.review == "confirmed"
    assert corrected.start_date == editors_date
    assert Meeting.objects.count() == count


def test_each_seed_event_is_one_meeting_row(catalog, seeds_dir):
    ingest_paths([seeds_dir])
    keys = [
        (m.kind, m.start_date, frozenset(p.person_id for p in m.participations.all()))
        for m in Meeting.objects.with_people()
    ]
    assert len(keys) == len(set(keys))
    # Bali 2022 and San Francisco 2023 are each told by two seed articles.
    assert Meeting.objects.filter(evidence__isnull=False).distinct().count() < Evidence.objects.count()
