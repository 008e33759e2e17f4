"""Highlighted snippets in the original text: matched on keys, cut and marked on what was written.

Words are cut on the stored text and compared by their keys, so a match found
on the key ("الرءيس") is marked on the stored spelling ("الرَّئيس"). Every
piece of text is escaped; only the ``<mark>`` tags are markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsapp.nlp.normalize import clitic_variants
from newsapp.nlp.search_text import MIN_TOKEN, ParsedQuery, fast_normalize, query_forms, tokenize

WINDOW = 32  # words in a snippet
LEAD = 6  # words shown before the first match
# A written word: letters and digits with the diacritics, tatweel and joiners inside it.
_ORIGINAL_WORD = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]+")


class Matcher:
    """Decides whether a body word is one the query looked for."""

    def __init__(self, query: ParsedQuery):
        self.exact: set[str] = set()
        self.stems: set[str] = set()
        for term in query.terms:
            for word in term.words:
                for form in query_forms(word):
                    self.exact.add(form)
                    if len(form) >= 4:
                        # The ``arabic`` stemmer also matched other endings ("مكالمة" / "مكالمات").
                        self.stems.add(form[: len(form) - (2 if len(form) >= 6 else 1)])
            for spelling in term.alternatives:
                self.exact.update(spelling)
        self._cache: dict[str, bool] = {}
        # Whether a word as written (diacritics and all) holds a matched token; words repeat.
        self.written = _WrittenCache(self)

    def __call__(self, token: str) -> bool:
        known = self._cache.get(token)
        if known is None:
            known = len(token) >= MIN_TOKEN and any(self._matches(v) for v in _variants(token))
            self._cache[token] = known
        return known

    def _matches(self, variant: str) -> bool:
        if variant in self.exact:
            return True
        return any(variant.startswith(stem) and len(variant) - len(stem) <= 3 for stem in self.stems)


class _WrittenCache(dict):
    def __init__(self, matcher: Matcher):
        super().__init__()
        self.matcher = matcher

    def __missing__(self, word: str) -> bool:
        known = any(self.matcher(token) for token in _tokens(word))
        self[word] = known
        return known


_variants = lru_cache(maxsize=200_000)(clitic_variants)


@lru_cache(maxsize=200_000)
def _tokens(word: str) -> tuple[str, ...]:
    """The normalized tokens of a written word; the same words recur from one search to the next."""
    return tuple(tokenize(fast_normalize(word)))


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out: list[str] = []
    cursor = start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(escape(text[cursor:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        cursor = b
    out.append(escape(text[cursor:end]))
    return "".join(out)


def _matched_words(text: str, matcher: Matcher) -> tuple[list[tuple[int, int]], list[bool]]:
    """Each word of ``text`` as an original ``(start, end)`` span, and whether it matched.

    Words are cut on the original text (letters with their diacritics and
    tatweel) and each is compared by its key, so no offset mapping is needed.
    """
    matches = list(_ORIGINAL_WORD.finditer(text))
    spans = [m.span() for m in matches]
    hits = list(map(matcher.written.__getitem__, [m.group() for m in matches]))
    return spans, hits


def highlight_all(text: str, matcher: Matcher) -> SafeString:
    """``text`` with every matched word marked (for titles)."""
    spans, hits = _matched_words(text, matcher)
    marked = [s for s, hit in zip(spans, hits, strict=True) if hit]
    return mark_safe(_marked(text, marked, 0, len(text)))  # noqa: S308 (escaped piece by piece)


def snippet(text: str, matcher: Matcher, words: int = WINDOW) -> SafeString:
    """The passage of ``text`` with the most matched words, marked, with "…" where it was cut."""
    spans, hits = _matched_words(text, matcher)
    if not spans:
        return mark_safe(escape(text[:200]))  # noqa: S308
    best_start, best_score = 0, -1
    positions = [i for i, hit in enumerate(hits) if hit]
    for first in positions:
        start = max(0, first - LEAD)
        score = sum(1 for p in positions if start <= p < start + words)
        if score > best_score:
            best_start, best_score = start, score
    stop = min(len(spans), best_start + words)
    begin = 0 if best_start == 0 else spans[best_start][0]
    end = len(text) if stop == len(spans) else spans[stop - 1][1]
    marked = [s for i, s in enumerate(spans) if hits[i] and best_start <= i < stop]
    html = _marked(text, marked, begin, end).strip()
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 (escaped piece by piece)
