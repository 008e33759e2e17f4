import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsapp.models import Article, Entity, Meeting
from newsapp.nlp.clean import clean_text

pytestmark = pytest.mark.django_db

SEED_CALL = "003_02857b5b3c3f65ff.txt"


def analyze(path, *args, capsys) -> dict:
    call_command("analyze", str(path), *args)
    return json.loads(capsys.readouterr().out)


def test_analyze_prints_the_contract_json_and_writes_nothing(catalog, seeds_dir, capsys):
    before = (Article.objects.count(), Entity.objects.count(), Meeting.objects.count())
    document = analyze(seeds_dir / SEED_CALL, "--published", "2024-02-09", "--format", "json", capsys=capsys)
    assert (Article.objects.count(), Entity.objects.count(), Meeting.objects.count()) == before
    assert set(document) == {"published", "entities", "meetings"}
    assert document["published"] == "2024-02-09"
    body = clean_text((seeds_dir / SEED_CALL).read_text(encoding="utf-8"))
    xi = next(e for e in document["entities"] if e["slug"] == "xi-jinping")
    assert xi["kind"] == "person" and xi["name"] == "شي جين بينغ"
    for mention in xi["mentions"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]
    call = next(m for m in document["meetings"] if m["date"] == "2024-02-08")
    assert call["kind"] == "call" and call["precision"] == "day" and call["status"] == "held"
    assert {p["slug"] for p in call["participants"]} == {"xi-jinping", "vladimir-putin"}
    assert set(call) >= {"date_end", "location", "occasion", "evidence"}


def test_analyze_reports_a_person_outside_the_catalog_with_a_null_slug(catalog, tmp_path, capsys):
    text = "وقالت المتحدثة باسم الخارجية الصينية ماو نينغ إن الرئيس شي جين بينغ سيزور باريس."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    document = analyze(tmp_path / "a.txt", "--published", "2024-05-01", capsys=capsys)
    unknown = [e for e in document["entities"] if e["kind"] == "person" and e["slug"] is None]
    assert [e["name"] for e in unknown] == ["ماو نينغ"]


def test_analyze_refuses_a_file_it_cannot_read(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(CommandError, match="PNG"):
        call_command("analyze", str(tmp_path / "image.txt"))
