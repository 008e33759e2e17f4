import json
from datetime import date

import pytest

from newsapp.models import Article, Evidence, Meeting, Mention, Source
from newsapp.services import ingest as ingest_module
from newsapp.services.ingest import Outcome, ingest_article, ingest_paths

pytestmark = pytest.mark.django_db

BODY = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين في موسكو يوم الثلاثاء.\nوبحث الجانبان العلاقات."


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Article, Source, Mention, Meeting, Evidence))


def test_ingesting_the_seeds_twice_creates_nothing_the_second_time(catalog, seeds_dir):
    first = ingest_paths([seeds_dir])
    assert (first.created, first.duplicates, len(first.rejected)) == (5, 0, 0)
    after_first = counts()
    second = ingest_paths([seeds_dir])
    assert (second.created, second.duplicates, len(second.rejected)) == (0, 5, 0)
    assert counts() == after_first


def test_seed_articles_are_stored_clean_with_their_raw_text_and_titles(catalog, seeds_dir):
    ingest_paths([seeds_dir])
    khabarayn = Article.objects.get(published_on=date(2025, 1, 21))
    assert "Loading..." not in khabarayn.body and "Loading..." in khabarayn.raw_text
    assert "شاهد ايضاً" not in khabarayn.body
    assert khabarayn.title == "شي وبوتين يعززان شراكتهما في مواجهة ترامب"
    untitled = Article.objects.get(published_on=date(2024, 4, 2))
    assert untitled.title.startswith("يناقش بايدن وشي جين بينغ")
    assert all(a.title and a.source for a in Article.objects.all())


def test_a_copy_that_differs_only_in_junk_and_diacritics_is_a_duplicate(catalog):
    first = ingest_article(body=BODY, published_on=date(2024, 2, 9))
    copy = ingest_article(body="Loading...\n" + BODY.replace("الرئيس", "الرَّئيس") + "\nتعليق (0)")
    assert (first.outcome, copy.outcome) == (Outcome.CREATED, Outcome.DUPLICATE)
    assert copy.article == first.article


def test_the_same_url_is_one_article(catalog):
    ingest_article(body=BODY, url="https://example.com/x")
    again = ingest_article(body=BODY + " تحديث.", url="https://example.com/x")
    assert again.outcome == Outcome.DUPLICATE


def test_a_folder_of_mixed_files_imports_the_good_ones_and_names_every_rejection(catalog, tmp_path):
    (tmp_path / "good.txt").write_text("قمة في موسكو\n" + BODY, encoding="utf-8")
    (tmp_path / "windows.txt").write_bytes(
        ("زيارة إلى الرياض\n" + BODY.replace("موسكو", "بكين")).encode("cp1256")
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "nobody.json").write_text(json.dumps({"title": "عنوان بلا نص"}), encoding="utf-8")
    report = ingest_paths([tmp_path], published_on=date(2024, 2, 9))
    assert report.created == 2
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in report.rejected}
    assert set(reasons) == {"empty.txt", "image.txt", "nobody.json"}
    assert "PNG" in reasons["image.txt"] and "body" in reasons["nobody.json"]
    assert len(report.results) == 5


def test_a_failing_article_rolls_back_alone(catalog, tmp_path, monkeypatch):
    real = ingest_module.record_analysis

    def fail_on_marker(article, analysis=None, **options):
        real(article, analysis, **options)
        if "مفخخ" in article.body:
            raise RuntimeError("pipeline bug")

    monkeypatch.setattr(ingest_module, "record_analysis", fail_on_marker)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("موسكو", "بكين") + " نص مفخخ.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(BODY.replace("موسكو", "أستانا"), encoding="utf-8")
    report = ingest_paths([tmp_path], published_on=date(2024, 2, 9))
    assert (report.created, len(report.rejected)) == (2, 1)
    assert "RuntimeError" in report.rejected[0].reason
    assert not Article.objects.filter(body__contains="مفخخ").exists()
    assert not Evidence.objects.filter(sentence__contains="بكين").exists()


def test_an_article_with_nothing_left_after_cleaning_is_rejected(catalog):
    result = ingest_article(body="Loading...\nتعليق (0)\n")
    assert result.outcome == Outcome.REJECTED and Article.objects.count() == 0
