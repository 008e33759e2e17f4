"""The judged queries (tests/data/search_eval.json): recall and precision stay high."""

from pathlib import Path

import pytest
from django.core.management import call_command

from newsapp.models import Article
from newsapp.search.evaluation import evaluate

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_every_judged_query_finds_what_it_should(catalog, seeds_dir):
    scores = evaluate(ROOT / "tests" / "data" / "search_eval.json", seeds_dir)
    assert len(scores) >= 20
    wrong = [(s.query, sorted(s.expected - s.found), sorted(s.found - s.expected)) for s in scores]
    assert [w for w in wrong if w[1] or w[2]] == []
    assert not Article.objects.exists()  # the evaluation rolls its articles back


def test_the_command_prints_recall_and_precision(catalog, capsys):
    call_command("evaluate_search")
    out = capsys.readouterr().out
    assert "الاستدعاء 1.000 الدقة 1.000" in out


def test_reindex_search_fills_missing_columns(catalog):
    from newsapp.search import search

    article = Article.objects.create(title="بوتين", body="قال بوتين", raw_text="", content_hash="x" * 64)
    assert search("بوتين").count() == 0
    call_command("reindex_search", "--missing")
    assert search("بوتين").count() == 1 and article.pk
