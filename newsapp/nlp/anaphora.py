"""Persons named by an honorific pronoun or a bare office: "سموه"، "جلالته"، "السيد الرئيس".

Agency prose names its principal once ("خادم الحرمين الشريفين الملك سلمان ...")
and then calls him "جلالته" or "الملك" without a country; the reader takes the
first person of the article who fits, never someone named later.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .normalize import normalize_key
from .offices import Offices
from .references import Reference
from .types import Office

_ANY = frozenset(Office)
# Which offices each honorific pronoun is used for; any other person is a fallback.
PRONOUNS: dict[str, frozenset[Office]] = {
    normalize_key(word): offices
    for words, offices in (
        ("جلالته جلالتها", frozenset({Office.HEAD_OF_STATE})),
        ("فخامته فخامتها", frozenset({Office.HEAD_OF_STATE, Office.VICE_PRESIDENT})),
        ("سموه سموها", frozenset({Office.CROWN_PRINCE, Office.HEAD_OF_STATE, Office.HEAD_OF_GOVERNMENT})),
        (
            "معاليه معاليها",
            frozenset({Office.FOREIGN_MINISTER, Office.OTHER, Office.NATIONAL_SECURITY_ADVISOR}),
        ),
    )
    for word in words.split()
}
# The honorific each pronoun echoes: "سموه" is whoever the text styled "صاحب السمو".
_STYLE = {
    normalize_key(pronoun): normalize_key(style)
    for pronoun, style in (
        ("جلالته", "جلالة"),
        ("جلالتها", "جلالة"),
        ("فخامته", "فخامة"),
        ("فخامتها", "فخامة"),
        ("سموه", "سمو"),
        ("سموها", "سمو"),
        ("معاليه", "معالي"),
        ("معاليها", "معالي"),
    )
}
STYLES = frozenset(_STYLE.values()) | {normalize_key("دولة"), normalize_key("سعادة")}
_GENERIC_HEADS = frozenset(
    normalize_key(w) for w in ["رئيس", "رئيسة", "وزير", "وزيرة", "نائب", "نائبة", "مستشار", "مستشارة", "أمين"]
)
_INTRO = 45  # key characters before a name that may hold its honorifics and title
# Adjectives after a title that say the holder is not today's: "الرئيس الأمريكي المنتخب".
NOT_SITTING = frozenset(
    normalize_key(w)
    for w in [
        "المنتخب",
        "المنتخبة",
        "السابق",
        "السابقة",
        "الأسبق",
        "الراحل",
        "الراحلة",
        "المقبل",
        "المقبلة",
        "المؤقت",
        # "الرئيس المكلف تشكيل الحكومة": the one asked to form a cabinet, not the president.
        "المكلف",
        "المكلفة",
    ]
)


# "الوزير السعودي" without a name: a minister of that country the text named before.
MINISTER_WORDS = frozenset(normalize_key(w) for w in ["الوزير", "الوزيرة"])
_MINISTERS = frozenset({Office.FOREIGN_MINISTER, Office.NATIONAL_SECURITY_ADVISOR, Office.OTHER})


def named_minister(refs: Iterable[Reference], of: str, offices: Offices, day: date | None) -> str | None:
    """The latest catalog person of ``refs`` who was a minister of ``of`` on ``day``.

    "استقبل عون وزير الخارجية السعودي فيصل بن فرحان ... وانتقل الوزير السعودي إلى السرايا"
    → Faisal bin Farhan.
    """
    for ref in sorted(refs, key=lambda r: r.start, reverse=True):
        if not ref.is_person or not ref.slug or ref.possessor:
            continue
        if any(p.office in _MINISTERS and p.of == of for p in offices.positions(ref.slug, day)):
            return ref.slug
    return None


def lead_person(
    refs: Iterable[Reference], offices: Offices, day: date | None, wanted: frozenset[Office], fallback: bool
) -> str | None:
    """The first catalog person of ``refs`` (text order) holding one of ``wanted`` on ``day``.

    With ``fallback``, the first person at all when nobody fits.
    """
    persons = [
        r.slug for r in sorted(refs, key=lambda r: r.start) if r.is_person and r.slug and not r.possessor
    ]
    for slug in persons:
        if any(p.office in wanted for p in offices.positions(slug, day)):
            return slug
    return persons[0] if fallback and persons else None


def pronoun_holder(
    refs: Iterable[Reference], key: str, pronoun_key: str, offices: Offices, day: date | None
) -> str | None:
    """Who an honorific pronoun ("سموه") stands for: the person styled with its honorific
    ("صاحب السمو ...") first, else the article's first person of a rank it is used for."""
    style = _STYLE.get(pronoun_key)
    held = styled_person(refs, key, (style,), offices, day, None) if style else None
    return held or lead_person(refs, offices, day, PRONOUNS.get(pronoun_key, frozenset()), True)


def styled_person(
    refs: Iterable[Reference], key: str, words: tuple[str, ...], offices: Offices, day: date | None,
    wanted: frozenset[Office] | None,
) -> str | None:  # fmt: skip
    """The first catalog person of ``refs`` introduced with the honorific or title word ``words[0]``
    (else ``words[1]``, ...): "صاحب السمو الملكي الأمير محمد بن سلمان ... وأكد سموه" → Mohammed bin
    Salman, even when "فخامة الرئيس مسعود بزشكيان" was named first (in a headline).

    With ``wanted``, only persons holding one of those offices on ``day`` count.
    """
    persons = sorted((r for r in refs if r.is_person and not r.possessor), key=lambda r: r.key_start)
    intros: list[tuple[str, set[str]]] = []
    previous_end = 0
    for ref in persons:
        intro = key[max(previous_end, ref.key_start - _INTRO) : ref.key_end]
        previous_end = max(previous_end, ref.key_end)
        if ref.slug and (wanted is None or any(p.office in wanted for p in offices.positions(ref.slug, day))):
            intros.append((ref.slug, {w[2:] if w.startswith("ال") else w for w in intro.split()}))
    for word in words:
        for slug, found in intros:
            if word in found:
                return slug
    return None


def bare_office_holder(
    refs: Iterable[Reference], key: str, start: int, title_key: str, offices: Offices, day: date | None,
    wanted: frozenset[Office],
) -> str | None:  # fmt: skip
    """ "جلالة الملك" at ``key[start:]``: the person the text styled "جلالة", else the one it called "الملك"."""
    words = key[max(0, start - 12) : start].split()
    head = title_key.split()[0]
    stems = [words[-1]] if words and words[-1] in STYLES else []
    head = head[2:] if head.startswith("ال") else head
    if head not in _GENERIC_HEADS:  # "الملك"، "السلطان" single one person out; "الرئيس"، "الوزير" do not
        stems.append(head)
    return styled_person(refs, key, tuple(stems), offices, day, wanted)


def is_definite(title_key: str) -> bool:
    """ "الرئيس"، "رئيس الجمهوريه"، "ولي العهد" stand alone; "رئيس" needs a complement."""
    return title_key.startswith("ال") or " ال" in title_key
