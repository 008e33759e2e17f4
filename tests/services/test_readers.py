import json
from datetime import date
from pathlib import Path

import pytest

from newsapp.services.readers import ArticleInput, Defaults, Rejection, decode, parse_date, read_paths

ARABIC = "التقى الرئيس الصيني نظيره الروسي في موسكو يوم الثلاثاء."


def read(*paths: Path, max_bytes: int = 100_000, **defaults) -> list:
    return list(read_paths(paths, Defaults(**defaults), max_bytes=max_bytes))


def test_decode_reads_utf8_with_or_without_a_bom():
    assert decode(ARABIC.encode()) == ARABIC
    assert decode(b"\xef\xbb\xbf" + ARABIC.encode()) == ARABIC


def test_decode_accepts_windows_1256_only_when_it_is_arabic():
    assert decode(ARABIC.encode("cp1256")) == ARABIC
    with pytest.raises(ValueError, match="UTF-8"):
        decode("Ça coûte très cher, déjà vu".encode("latin-1"))


def test_decode_names_a_png_for_what_it_is():
    with pytest.raises(ValueError, match="PNG"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "09/02/2024", 20240209])
def test_parse_date_rejects_what_is_not_an_iso_date(value):
    with pytest.raises(ValueError, match="تاريخ غير صالح"):
        parse_date(value)


def test_parse_date_takes_the_day_of_a_timestamp():
    assert parse_date("2024-02-09T23:10:00+03:00") == date(2024, 2, 9)
    assert parse_date(None) is None


def test_a_text_file_takes_its_date_and_source_from_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    [item] = read(tmp_path / "a.txt", published_on=date(2024, 2, 9), source="وكالة")
    assert isinstance(item, ArticleInput)
    assert (item.published_on, item.source) == (date(2024, 2, 9), "وكالة")
    assert ARABIC in item.body


def test_a_json_list_yields_one_item_per_article_and_rejects_a_missing_body(tmp_path):
    rows = [{"title": "أ", "body": ARABIC, "published": "2024-02-09"}, {"title": "بلا نص"}]
    (tmp_path / "batch.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    good, bad = read(tmp_path / "batch.json")
    assert isinstance(good, ArticleInput) and good.published_on == date(2024, 2, 9)
    assert isinstance(bad, Rejection) and "body" in bad.reason and bad.origin.endswith("#2")


def test_a_jsonl_file_reports_its_broken_line_and_keeps_the_others(tmp_path):
    good = json.dumps({"body": ARABIC, "published": "2024-02-09"}, ensure_ascii=False)
    (tmp_path / "feed.jsonl").write_text(f"{good}\n{{broken\n", encoding="utf-8")
    first, second = read(tmp_path / "feed.jsonl")
    assert isinstance(first, ArticleInput)
    assert isinstance(second, Rejection) and second.origin.endswith(":2")


def test_a_bad_date_in_json_rejects_that_article(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"body": ARABIC, "published": "أمس"}), encoding="utf-8")
    [item] = read(tmp_path / "a.json")
    assert isinstance(item, Rejection) and "تاريخ غير صالح" in item.reason


def test_a_manifest_gives_its_text_files_their_metadata_and_they_are_not_read_twice(seeds_dir):
    items = read(seeds_dir)
    assert len(items) == 5
    assert all(isinstance(i, ArticleInput) and i.published_on and i.source for i in items)
    assert items[0].title.startswith("نائبة بايدن")
    # No title in the manifest: a headline-like first line becomes it.
    assert items[2].title.startswith("يناقش بايدن وشي جين بينغ")
    assert not items[2].body.startswith("يناقش")


def test_oversized_empty_and_unsupported_files_are_rejected_with_reasons(tmp_path):
    (tmp_path / "big.txt").write_text("ا" * 60_000, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    reasons = {Path(i.origin).name: i.reason for i in read(tmp_path)}
    assert "أكبر من الحد" in reasons["big.txt"]
    assert reasons["empty.txt"] == "ملف فارغ"
    assert "غير مدعوم" in reasons["photo.png"]


def test_an_html_page_keeps_its_article_and_loses_the_page_around_it(tmp_path):
    page = f"""<html><head><title>قمة - موقع</title>
    <meta property="article:published_time" content="2024-02-09T10:00:00Z"></head>
    <body><nav>الرئيسية أخبار رياضة</nav><article><h1>قمة في موسكو</h1><p>{ARABIC}</p></article>
    <footer>جميع الحقوق محفوظة</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [item] = read(tmp_path / "page.html")
    assert ARABIC in item.body and "الرئيسية أخبار رياضة" not in item.body
    assert item.published_on == date(2024, 2, 9)
    assert item.raw_text == page
