"""Sentences and clauses with offsets, for the meeting reader.

Arabic news ends sentences with "." "؟" "!" and, in scraped pages, with line
breaks: headlines and photo captions are lines of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A full stop counts only before white space, a closing quote or the end, so
# "3.5" and "NBCNews.com" stay whole.
_BOUNDARY = re.compile(r"\n+|[.!?؟]+(?=[\s\"”»'’)]|$)")
# Where a clause starts: punctuation, or a word that opens a subordinate clause.
_CLAUSE_PUNCT = re.compile(r"[،,؛;:(\"“”«»–—]")
_CLAUSE_WORDS = re.compile(
    r"(?<!\w)(?:[وف]?(?:بعد|قبل|منذ|حيث|عندما|بينما|لكن|لكنه|الذي|التي|الذين|وذلك|وسط|حين|فيما|اذ|ان|انه|انها))(?!\w)"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # original-text offsets, white space trimmed
    end: int
    paragraph: int  # index of the line block the sentence is in


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; each line break also ends a sentence.

    >>> text = "التقى شي بوتين. وقال إن 3.5 مليار\\nصورة: الرئيسان"
    >>> [text[s.start : s.end] for s in split_sentences(text)]
    ['التقى شي بوتين.', 'وقال إن 3.5 مليار', 'صورة: الرئيسان']
    """
    out: list[Sentence] = []
    paragraph = 0
    position = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        _append(out, text, position, end, paragraph)
        if "\n" in match.group():
            paragraph += 1
        position = match.end()
    _append(out, text, position, len(text), paragraph)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))


def clause_breaks(key: str, start: int, end: int) -> list[int]:
    """Key positions in ``[start, end)`` where a new clause may begin."""
    found = [m.start() for m in _CLAUSE_PUNCT.finditer(key, start, end)]
    found += [m.start() for m in _CLAUSE_WORDS.finditer(key, start, end)]
    return sorted(found)


def locate(spans: list[tuple[int, int]], position: int) -> int | None:
    """The index of the sorted, disjoint ``spans`` that holds ``position``, or None."""
    low, high = 0, len(spans) - 1
    while low <= high:
        middle = (low + high) // 2
        start, end = spans[middle]
        if position < start:
            high = middle - 1
        elif position >= end:
            low = middle + 1
        else:
            return middle
    return None
