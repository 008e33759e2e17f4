"""Read the name of a person the catalog does not know, right after a title.

"مستشار الكرملين، يوري أوشاكوف، في" → "يوري أوشاكوف"; "المتحدثة باسم البيت
الأبيض كارين جان بيير قالت" → "كارين جان بيير". A name is two to four words;
it ends at punctuation, a verb, a function word or anything the catalog knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import NAME_PARTICLES, STOP_WORDS
from .normalize import clitic_variants

_WORD = re.compile(r"[^\W\d_]+|\d+")
_MAX_WORDS = 4
_MIN_WORDS = 2
# How many words of complement ("اتصالات الأمن القومي"، "الخاص للأمين العام للأمم المتحدة إلى
# اليمن") may sit between a title and the name.
_MAX_SKIPPED = 9
# Prepositions that open such a complement: "السفير الروسي لدى القاهرة جورجي بوريسينكو".
_COMPLEMENT = frozenset({"لدي", "في", "الي", "عن", "لشءون", "لشوون"})

# "لاحتواء التصعيد"، "لتعزيز التعاون": لـ + a verbal noun, a purpose, not a first name.
_PURPOSE = re.compile(r"[لب](?:است|ا\wت|ت\w\wي)\w")


def word_spans(key: str) -> list[tuple[int, int]]:
    """Spans of the words of a normalized key.

    >>> word_spans("قال بوتين، امس")
    [(0, 3), (4, 9), (11, 14)]
    """
    return [m.span() for m in _WORD.finditer(key)]


def is_stop_word(word: str) -> bool:
    return any(v in STOP_WORDS for v in clitic_variants(word))


def read_unknown_name(
    key: str,
    words: list[tuple[int, int]],
    first_word: int,
    covered: Callable[[int, int], str | None],
) -> tuple[int, int] | None:
    """The key span of a name starting at or after word index ``first_word``.

    ``covered(start, end)`` tells whether a catalog hit overlaps a word: it
    returns "person", "title", "other" (a country, organization, place) or None.
    """
    name: list[tuple[int, int]] = []
    skipped = 0
    comma_used = False
    previous_end = words[first_word][0] if first_word < len(words) else len(key)
    for start, end in words[first_word : first_word + _MAX_SKIPPED + _MAX_WORDS + 1]:
        gap = key[previous_end:start].strip()
        previous_end = end
        if gap:
            if name:
                break
            if gap in ("،", ",") and not comma_used:
                comma_used = True
            else:
                return None
        word = key[start:end]
        hit = covered(start, end)
        if hit is not None:
            if name or hit == "person":
                break
            skipped += 1
            continue
        if not name and word in _COMPLEMENT and skipped < _MAX_SKIPPED:
            skipped += 1
            continue
        if word.isdigit() or len(word) < 2 or is_stop_word(word):
            break
        if word.startswith("ال") and word not in NAME_PARTICLES:
            if name and key[name[-1][0] : name[-1][1]] in NAME_PARTICLES:
                name.append((start, end))
                continue
            if len(name) >= _MIN_WORDS or (
                name and _ends_name(key, end, covered) and not _PURPOSE.match(key, *name[0])
            ):
                name.append((start, end))
                break
            # One word before an ال-word was a noun in construct ("اتصالات الأمن"), not a name.
            name = []
            skipped += 1
            if skipped > _MAX_SKIPPED:
                return None
            continue
        if name and word.startswith("و") and len(word) > 3 and word not in NAME_PARTICLES:
            # A conjunction starts the next phrase ("يوري أوشاكوف وقال").
            break
        name.append((start, end))
        if len(name) == _MAX_WORDS:
            break
    if len(name) < _MIN_WORDS:
        return None
    if key[name[-1][0] : name[-1][1]] in NAME_PARTICLES:
        name.pop()
        if len(name) < _MIN_WORDS:
            return None
    return name[0][0], name[-1][1]


def _ends_name(key: str, end: int, covered: Callable[[int, int], str | None]) -> bool:
    """ "محمد الشناوي، المتحدث": a family name ends here (punctuation, a title or a function word follows)."""
    rest = key[end : end + 30]
    if not rest.strip() or rest.lstrip()[:1] in '،,.:؛("':
        return True
    following = _WORD.search(key, end)
    if following is None:
        return True
    return covered(*following.span()) == "title" or is_stop_word(following.group())


def repeats(key: str, names: list[tuple[int, int, str]], seen: set[int]) -> list[tuple[int, int, str]]:
    """Later whole-word occurrences of each ``(start, end, name)`` span's text, not at ``seen`` starts."""
    found: list[tuple[int, int, str]] = []
    for start, end, name in names:
        needle = key[start:end]
        at = key.find(needle, end)
        while at >= 0:
            stop = at + len(needle)
            bounded = (at == 0 or not key[at - 1].isalnum()) and (stop == len(key) or not key[stop].isalnum())
            if bounded and at not in seen:
                seen.add(at)
                found.append((at, stop, name))
            at = key.find(needle, stop)
    return found
