"""The search keys (newsapp.nlp.search_text): the same normalization and clitic handling on both sides."""

from pathlib import Path

from newsapp.nlp.normalize import clitic_variants, normalize_key
from newsapp.nlp.search_text import (
    fast_normalize,
    index_variants,
    parse_query,
    query_forms,
    stemmed_tsvector,
    tsquery_literal,
)

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def test_the_fast_key_is_the_matching_key_on_every_seed():
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert fast_normalize(text) == normalize_key(text)


def test_a_query_word_with_a_conjunction_finds_the_bare_word_but_a_bare_preposition_stays():
    assert "بوتين" in query_forms("وبوتين")
    assert query_forms("لقاء") == ("لقاء",)
    assert "الرءيس" in query_forms("بالرءيس")


def test_every_query_form_of_a_word_is_among_the_indexed_readings_of_the_same_word_with_clitics():
    for word in ["بوتين", "الرءيس", "العلاقات", "لقاء", "مكالمه"]:
        for glued in [word, "و" + word, "ف" + word, "ب" + word, "ل" + word]:
            assert word in index_variants(glued) or word == glued, glued
    assert "لقاء" in index_variants("للقاء")
    assert set(clitic_variants("وبالرءيس")) <= set(index_variants("وبالرءيس"))


def test_tashkeel_hamza_and_teh_marbuta_do_not_change_a_query():
    plain, marked = parse_query("الرءيس مكالمه"), parse_query("الرَّئِيسُ مُكَالَمَةٌ")
    assert [t.words for t in plain.terms] == [t.words for t in marked.terms]


def test_quoted_phrases_and_excluded_words_are_parsed():
    q = parse_query('«مكالمة هاتفية» -ترامب "شي"')
    assert [(t.words, t.phrase) for t in q.terms] == [(("مكالمه", "هاتفيه"), True), (("شي",), False)]
    assert [t.words for t in q.excluded] == [("ترامب",)]
    assert not parse_query("").terms and not parse_query('!!! "" -').terms


def test_a_phrase_is_a_sequence_in_the_index_where_all_readings_share_a_position():
    literal = stemmed_tsvector("", fast_normalize("اجرى مكالمة هاتفية"))
    assert "'مكالمه':3B" in literal and "'هاتفيه':4B" in literal
    assert tsquery_literal(parse_query('"مكالمة هاتفية"').terms[0]) == "('مكالمه' <-> 'هاتفيه')"


def test_lexemes_with_quotes_are_escaped():
    assert "'a''b'" not in stemmed_tsvector("", "a'b")  # punctuation never reaches the index
    assert stemmed_tsvector("", "") == ""
