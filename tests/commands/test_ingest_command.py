import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsapp.models import Article

pytestmark = pytest.mark.django_db


def test_ingest_prints_counts_and_exits_1_after_processing_the_rest(catalog, tmp_path, capsys):
    (tmp_path / "good.txt").write_text(
        "لقاء\nالتقى وزير الخارجية الصيني وانغ يي نظيره الروسي.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(tmp_path), "--published", "2024-02-09")
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    assert "جديد: 1" in out and "مرفوض: 1" in out
    assert "empty.txt" in err and "ملف فارغ" in err
    assert Article.objects.count() == 1


def test_ingest_refuses_a_malformed_published_date_before_reading_anything(tmp_path):
    with pytest.raises(CommandError, match="تاريخ غير صالح"):
        call_command("ingest", str(tmp_path), "--published", "yesterday")


def test_ingest_with_a_reading_worker_stores_the_same_articles(catalog, seeds_dir, capsys):
    call_command("ingest", str(seeds_dir), "--workers", "1")
    out, _ = capsys.readouterr()
    assert "جديد: 5" in out and "مرفوض: 0" in out
    assert Article.objects.count() == 5 and all(a.analyzed_at for a in Article.objects.all())


def test_ingest_refuses_a_negative_number_of_workers(tmp_path):
    with pytest.raises(CommandError, match="عدد غير صالح"):
        call_command("ingest", str(tmp_path), "--workers", "-1")
