"""Matching keys for Arabic text.

Stored text is never changed; these functions build the *keys* that matching,
deduplication and search compare. The same key function must be used on both
sides of every comparison (catalog aliases, article bodies, search queries).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks.
_TASHKEEL = {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x064B, 0x0660)}
_TASHKEEL |= {"\u0670"} | {chr(c) for c in range(0x06D6, 0x06EE)}
_TATWEEL = "\u0640"
# Zero-width and bidi control characters carry no letters.
_INVISIBLE = {
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
}  # fmt: skip
_DROP = frozenset(_TASHKEEL | _INVISIBLE | {_TATWEEL})

_LETTER_MAP = {
    # Alef with hamza or madda, and alef wasla, all become a bare alef.
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    # Hamza carried on waw or yeh is written either way ("مسؤول" / "مسئول",
    # "الرئيس" / "الرءيس"): keep only the hamza.
    "ؤ": "ء", "ئ": "ء",
    "ى": "ي", "ة": "ه",
    # Persian and Urdu forms that turn up in copied text.
    "ک": "ك", "ی": "ي", "ې": "ي", "ۀ": "ه", "ە": "ه", "ھ": "ه",
}  # fmt: skip
for _zero, _block in ((0x0660, "Arabic-Indic"), (0x06F0, "Extended Arabic-Indic")):
    for _i in range(10):
        _LETTER_MAP[chr(_zero + _i)] = str(_i)

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """The key of one character: "" when it is dropped, else one or more characters."""
    if char in _DROP:
        return ""
    mapped = _LETTER_MAP.get(char)
    if mapped is not None:
        return mapped
    if "\ufb50" <= char <= "\ufeff" or "\uff00" <= char <= "\uffef":
        # Presentation forms and full-width characters: NFKC gives the base letters
        # (some, like "﴾", have no decomposition and stay as they are).
        decomposed = unicodedata.normalize("NFKC", char)
        if decomposed != char:
            return "".join(_fold_char(c) for c in decomposed)
    if char.isspace():
        return " "
    return char.lower()


class _FoldTable(dict):
    """``str.translate`` table of ``_fold_char``, filled as characters are met (up to a bound)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < _FOLD_TABLE_MAX:  # hostile text of every code point must not grow it forever
            self[code] = folded
        return folded


_FOLD_TABLE_MAX = 1 << 16


_FOLD = _FoldTable()
_SPACE_RUNS = re.compile(" {2,}")
# Presentation forms and full-width characters fold through NFKC, to several characters or none.
_COMPOSED = re.compile("[\ufb50-\ufeff\uff00-\uffef]")
_DROPPED = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROP)) + "]+")


def strip_tashkeel(text: str) -> str:
    """Remove diacritics and tatweel, keep every letter as written.

    >>> strip_tashkeel("مُحَمَّـــد")
    'محمد'
    """
    return "".join(c for c in text if c not in _DROP)


def normalize_key(text: str) -> str:
    """The matching key of ``text``: one spelling for the ways Arabic writes a word.

    >>> normalize_key("الرَّئِيسُ  إلى مُسْؤُولَةٍ ٢٠٢٤")
    'الرءيس الي مسءوله 2024'
    """
    return _SPACES.sub(" ", text.translate(_FOLD)).strip()


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """The key of ``text`` and, for each key character, its index in ``text``.

    Runs of white space become one space, but leading and trailing space is kept
    so that every key index maps back. The extra last entry maps the end of the
    key to ``len(text)``, so a key span ``[a, b)`` is ``text[offsets[a]:offsets[b]]``
    in the original.

    >>> text = "قال بوتِين"
    >>> key, offsets = normalize_with_offsets(text)
    >>> key, text[offsets[4] : offsets[9]]
    ('قال بوتين', 'بوتِين')
    """
    if _COMPOSED.search(text) is None:
        fast = _fold_with_offsets(text)
        if fast is not None:
            return fast
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded == " " and out and out[-1] == " ":
            continue
        for piece in folded:
            out.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(out), offsets


def _fold_with_offsets(text: str) -> tuple[str, list[int]] | None:
    """``normalize_with_offsets`` built from slices, or None if a character folds to several.

    Without presentation forms, a character folds to none (``_DROP``) or to at
    least one; when the folded text is exactly as long as the kept characters, each
    kept character folded to one, and the result is the loop's.
    """
    size = len(text)
    folded = text.translate(_FOLD)
    if _DROPPED.search(text) is None:
        kept = list(range(size))
    else:
        kept = []
        position = 0
        for dropped in _DROPPED.finditer(text):
            kept.extend(range(position, dropped.start()))
            position = dropped.end()
        kept.extend(range(position, size))
    if len(folded) != len(kept):
        return None
    if "  " in folded:
        # A space right after a kept space is skipped: runs of spaces keep their first.
        pieces: list[str] = []
        offsets: list[int] = []
        position = 0
        for run in _SPACE_RUNS.finditer(folded):
            cut = run.start() + 1
            pieces.append(folded[position:cut])
            offsets.extend(kept[position:cut])
            position = run.end()
        pieces.append(folded[position:])
        offsets.extend(kept[position:])
        folded, kept = "".join(pieces), offsets
    kept.append(size)
    return folded, kept


# Proclitics glued to a word, longest first: conjunctions, prepositions and the
# article ("وبالرئيس" → "الرئيس" → "رئيس").
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_STEM = 2


def clitic_variants(word_key: str) -> tuple[str, ...]:
    """The ways a normalized word may read once proclitics are taken off.

    The word itself comes first; a variant is offered only if at least two
    letters remain, so short words are not eaten away.

    >>> clitic_variants("وبالرءيس")
    ('وبالرءيس', 'بالرءيس', 'الرءيس', 'رءيس')
    >>> clitic_variants("لبوتين")
    ('لبوتين', 'بوتين')
    """
    variants = [word_key]
    stem = word_key
    if stem[:1] in _CONJUNCTIONS and len(stem) - 1 >= _MIN_STEM:
        stem = stem[1:]
        variants.append(stem)
    if stem.startswith("لل") and len(stem) - 2 >= _MIN_STEM:
        # "للرئيس" is ل + الرئيس with the alef dropped.
        variants.append("ال" + stem[2:])
        variants.append(stem[2:])
        return tuple(dict.fromkeys(variants))
    if stem[:1] in _PREPOSITIONS and len(stem) - 1 >= _MIN_STEM:
        stem = stem[1:]
        variants.append(stem)
    if stem.startswith("ال") and len(stem) - 2 >= _MIN_STEM:
        variants.append(stem[2:])
    return tuple(dict.fromkeys(variants))


def content_key(text: str) -> str:
    """A key for deduplicating article bodies: letters and digits only.

    Two copies of the same article that differ in punctuation, spacing,
    diacritics or hamza spelling get the same key.

    >>> content_key("قالَ، بوتين!") == content_key("قال بوتين")
    True
    """
    # The key's only white space is single spaces; ``[^\w ]|_`` is every other character
    # that is not ``str.isalnum`` (``\w`` is exactly isalnum plus the underscore).
    return " ".join(_NOT_ALNUM.sub("", normalize_key(text)).split())


_NOT_ALNUM = re.compile(r"[^\w ]|_")
