"""The search benchmark's rare words: planted in 1 to 20 articles, found by the search."""

import pytest

from newsapp.bench.search_corpus import RARE_DF, plant_rare_words
from newsapp.search import search
from newsapp.services.ingest import ingest_article

pytestmark = pytest.mark.django_db


def test_rare_words_are_planted_once_and_found(catalog):
    for i in range(25):
        ingest_article(body=f"لقاء رقم {i} في موسكو.", title=f"خبر {i}")
    planted = plant_rare_words()
    assert [n for _, n in planted] == list(RARE_DF)
    assert plant_rare_words() == planted  # idempotent: nothing planted twice
    for word, n in planted:
        assert search(word).count() == n
