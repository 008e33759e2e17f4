"""Search keys for Arabic text: tokens, clitic forms, stored lexemes and parsed queries.

Pure Python (no Django). The index and the queries are built from the same
functions, so a word is always compared by the same key on both sides:

- the *index* stores, for every token of the normalized text, each way it may
  read once proclitics are removed (``clitic_variants``): "وبالرئيس" is stored
  as "وبالرءيس", "بالرءيس", "الرءيس" and "رءيس", all at one position;
- a *query word* is looked up by what the reader typed, without a leading
  conjunction, and without a preposition glued to the article
  (``query_forms``): "وبوتين" looks for "وبوتين" or "بوتين". A bare preposition
  is not taken off the query ("لقاء" must not look for "قاء", which "بقاء" has).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import _fold_char, clitic_variants, normalize_key

__all__ = [
    "ParsedQuery",
    "Term",
    "edit_distance",
    "fast_normalize",
    "parse_query",
    "query_forms",
    "stemmed_tsvector",
    "tokenize",
    "tsquery_literal",
]

# Longest stored position PostgreSQL keeps; later positions are clamped to it.
MAX_POSITION = 16383
# Tokens shorter than this are not searched for (a lone "و" or "ب").
MIN_TOKEN = 2
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


class _FoldTable(dict):
    """``str.translate`` table that folds each character as ``normalize_key`` does, lazily."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fast_normalize(text: str) -> str:
    """``normalize_key`` through ``str.translate``: the same key, many times faster on long bodies.

    >>> fast_normalize("وَبِالرَّئِيسِ  الصِّينيّ")
    'وبالرءيس الصيني'
    >>> fast_normalize("قالَ إنّ") == normalize_key("قالَ إنّ")
    True
    """
    return _SPACES.sub(" ", text.translate(_TABLE)).strip()


def tokenize(key: str) -> list[str]:
    """The words of a normalized text, punctuation dropped.

    >>> tokenize("قال بوتين، \\"الصين\\" شريك")
    ['قال', 'بوتين', 'الصين', 'شريك']
    """
    return _WORD.findall(key)


def token_spans(key: str) -> list[tuple[int, int, str]]:
    """Each word of ``key`` with its start and end in ``key``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(key)]


def query_forms(word: str) -> tuple[str, ...]:
    """What a typed (normalized) query word is looked up as in the index.

    >>> query_forms("وبوتين")
    ('وبوتين', 'بوتين')
    >>> query_forms("وللرءيس")
    ('وللرءيس', 'للرءيس', 'الرءيس')
    >>> query_forms("لقاء")
    ('لقاء',)
    """
    forms = [word]
    stem = word
    if stem[:1] in ("و", "ف") and len(stem) - 1 >= MIN_TOKEN:
        stem = stem[1:]
        forms.append(stem)
    if stem.startswith("لل") and len(stem) - 2 >= MIN_TOKEN:
        forms.append("ال" + stem[2:])
    elif stem[:1] in ("ب", "ك", "ل") and stem[1:3] == "ال" and len(stem) - 3 >= MIN_TOKEN:
        forms.append(stem[1:])
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=1 << 16)  # a body repeats its words, and news the language's
def index_variants(token: str) -> tuple[str, ...]:
    """The readings of a normalized token stored in the index: its clitic variants, and for
    "لل" also a single "ل" off ("للقاء" is ل + لقاء as well as ل + ال + قاء).

    >>> index_variants("للقاء")
    ('للقاء', 'القاء', 'قاء', 'لقاء')
    """
    variants = clitic_variants(token)
    stem = token[1:] if token[:1] in ("و", "ف") else token
    if stem.startswith("لل") and len(stem) - 1 >= MIN_TOKEN:
        variants = (*variants, stem[1:]) if stem[1:] not in variants else variants
    return variants


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _add_tokens(lexemes: dict[str, list[str]], tokens: Iterable[str], start: int, weight: str) -> int:
    position = start
    for token in tokens:
        if len(token) >= MIN_TOKEN:
            entry = f"{min(position, MAX_POSITION)}{weight}"
            for variant in index_variants(token):
                lexemes.setdefault(variant, []).append(entry)
        position += 1
    return position


_MAX_LEXEME_BYTES = 2046
_MAX_TSVECTOR_BYTES = 1_000_000  # PostgreSQL's limit is 1 MiB; keep a margin


def stemmed_tsvector(title_key: str, body_key: str) -> str:
    """The stored ``tsvector`` literal of a normalized title (weight A) and body (weight B).

    Each token is stored with every clitic-free reading at the same position,
    so phrases still match. A gap of one position keeps the title and the body
    from forming a phrase together.

    >>> stemmed_tsvector("وبوتين", "قال بوتين")
    "'بوتين':1A,4B 'قال':3B 'وبوتين':1A 'وتين':1A,4B"
    """
    lexemes: dict[str, list[str]] = {}
    after_title = _add_tokens(lexemes, tokenize(title_key), 1, "A")
    _add_tokens(lexemes, tokenize(body_key), after_title + 1, "B")
    # PostgreSQL keeps at most 256 positions per lexeme, refuses a lexeme of 2 KiB or more (a
    # base64 blob in scraped text: left out, as to_tsvector does) and a tsvector of 1 MiB or more
    # (a huge article of distinct words: the words read first are kept).
    kept, size = [], 0
    for lex, pos in sorted(lexemes.items(), key=lambda item: int(item[1][0][:-1])):
        cost = len(lex.encode("utf-8")) + 8 + 2 * min(len(pos), 256)
        if cost - 8 < _MAX_LEXEME_BYTES and size + cost < _MAX_TSVECTOR_BYTES:
            kept.append((lex, pos))
            size += cost
    return " ".join(f"{_quote(lex)}:{','.join(pos[:256])}" for lex, pos in sorted(kept))


@dataclass(frozen=True)
class Term:
    """One unit of a query: a word, a "quoted phrase", or a name that expands to its spellings.

    ``words`` are normalized tokens; ``alternatives`` (for names) are whole
    spellings, each a tuple of tokens, any of which may match instead.
    """

    words: tuple[str, ...]
    raw: str
    phrase: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()
    entity_ids: tuple[int, ...] = ()

    @property
    def is_name(self) -> bool:
        return bool(self.entity_ids)


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    text: str = ""
    notes: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def all_words(self) -> tuple[str, ...]:
        """Every positive word and spelling token, for highlighting."""
        out: list[str] = []
        for term in self.terms:
            out.extend(term.words)
            for alternative in term.alternatives:
                out.extend(alternative)
        return tuple(dict.fromkeys(out))


# A quoted phrase (straight, curly or Arabic guillemets), optionally negated, or a bare word.
_PIECE = re.compile(r'(-?)(?:"([^"]*)"|“([^”]*)”|«([^»]*)»|(\S+))')


def parse_query(text: str) -> ParsedQuery:
    """Split a reader's query into words, "quoted phrases" and ``-excluded`` terms.

    Normalization is the index's: tashkeel, hamza and teh marbuta do not matter.

    >>> q = parse_query('الرَّئِيس "مكالمة هاتفية" -ترامب')
    >>> [t.words for t in q.terms], [t.phrase for t in q.terms], [t.words for t in q.excluded]
    ([('الرءيس',), ('مكالمه', 'هاتفيه')], [False, True], [('ترامب',)])
    """
    terms: list[Term] = []
    excluded: list[Term] = []
    for match in _PIECE.finditer(text):
        negated = match.group(1) == "-"
        quoted = next((g for g in match.group(2, 3, 4) if g is not None), None)
        raw = quoted if quoted is not None else match.group(5)
        words = tuple(w for w in tokenize(fast_normalize(raw)) if len(w) >= MIN_TOKEN)
        if not words:
            continue
        if quoted is not None and len(words) > 1:
            (excluded if negated else terms).append(Term(words=words, raw=raw, phrase=True))
        else:
            # An unquoted piece with punctuation inside ("الصين-روسيا") is several words.
            target = excluded if negated else terms
            target.extend(Term(words=(w,), raw=w) for w in words)
    return ParsedQuery(terms=tuple(terms), excluded=tuple(excluded), text=text)


def _word_query(word: str, *, expand: bool) -> str:
    forms = query_forms(word) if expand else (word,)
    if len(forms) == 1:
        return _quote(forms[0])
    return "(" + " | ".join(_quote(f) for f in forms) + ")"


def _sequence_query(words: Sequence[str], *, expand: bool) -> str:
    parts = [_word_query(w, expand=expand) for w in words]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def tsquery_literal(term: Term) -> str:
    """The ``tsquery`` (text form) that finds ``term`` in the stored clitic-free lexemes.

    >>> tsquery_literal(Term(words=("وبوتين",), raw="وبوتين"))
    "('وبوتين' | 'بوتين')"
    >>> tsquery_literal(Term(words=("مكالمه", "هاتفيه"), raw="", phrase=True))
    "('مكالمه' <-> 'هاتفيه')"
    """
    pieces = [_sequence_query(term.words, expand=True)] if term.words else []
    # Catalog spellings are already bare names: look them up as written.
    pieces.extend(_sequence_query(alt, expand=False) for alt in term.alternatives)
    return pieces[0] if len(pieces) == 1 else "(" + " | ".join(pieces) + ")"


def _arabic_forms(word: str) -> tuple[str, ...] | None:
    """The forms of a query word handed to the ``arabic`` stemmer, or ``None`` to skip it.

    The stemmer takes a bare preposition off ("بقاء" → "قاء", like "للقاء"), so
    a word that starts with one is looked up in the clitic-free column only. It
    also stems the definite and bare forms differently ("هاتفيه" → "هاتف",
    "الهاتفيه" → "هاتفيه"): both are asked for.
    """
    form = query_forms(word)[-1]
    if form[:1] in ("ب", "ك", "ل") and form[1:3] != "ال":
        return None
    other = form[2:] if form.startswith("ال") else "ال" + form
    return (form, other) if len(other) >= MIN_TOKEN + 1 else (form,)


def arabic_query_text(term: Term) -> str | None:
    """The text for ``to_tsquery('arabic', ...)`` of an ordinary word or phrase, if the stemmer can help.

    >>> arabic_query_text(Term(words=("والعلاقات",), raw=""))
    '(العلاقات | علاقات)'
    >>> arabic_query_text(Term(words=("بقاء",), raw="")) is None
    True
    """
    parts: list[str] = []
    for word in term.words:
        forms = _arabic_forms(word)
        if forms is None:
            return None
        parts.append(forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")")
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``.

    >>> edit_distance("بوتيين", "بوتين", 2), edit_distance("بايدن", "بوتين", 1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def keys_equal_normalize(text: str) -> bool:
    """Self-check used by the tests: the fast path agrees with ``normalize_key``.

    >>> keys_equal_normalize("ﻻ إلى ٢٠٢٤ مسؤولة")
    True
    """
    return fast_normalize(text) == normalize_key(text)
