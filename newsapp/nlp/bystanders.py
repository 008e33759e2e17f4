"""People a sentence names without them taking part: senders, principals, attendees.

"نقل عراقجي تحيات الرئيس الإيراني مسعود بزشكيان" names Pezeshkian, who was not
in the room; "رسالة خطية من الرئيس عبد المجيد تبون" names the sender of a
letter, not a participant; "المبعوث الخاص للرئيس الأمريكي دونالد ترامب" names
the envoy's principal; "حضر اللقاء ..." and "بحضور ..." list attendees. Such
references are kept as entities (they are named) but marked so the meeting
reader never counts them as participants or as a sentence's subject.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .references import Reference

# Honorifics and kinship words that may stand between a marker and the name.
_HONORIFICS = r"(?: (?:اخيه|اخيها|اخيهم|شقيقه|صديقه|فخامه|سمو|جلاله|معالي|دوله|سعاده|السيد|السيده|الشيخ|حضره|صاحب|الجلاله|السمو|الملكي|الفخامه))*"

# A greeting, letter, invitation or mandate: the person after it sent it, he is not there.
_SENT_BY = re.compile(
    r"(?<!\w)[وفب]?(?:ال)?(?:تحيات|تحياته|تحياتها|تحياتهما|تعازي|تهاني|تمنيات|رساله|رسالتين|برقيه|دعوه|دعوته|تكليف"
    r"|نيابه عن|ممثلا عن|ممثلا ل|موفدا من|مبعوثا من)"
    r"(?: (?:خطيه|شفهيه|شفويه|رسميه|تهنءه|تعزيه|مماثله))?(?: من| الي)?" + _HONORIFICS + r"\s*$"
)
# "مبعوث الرئيس"، "المبعوث الخاص للرئيس"، "مساعد وزير الخارجية": the office after it is the principal's.
_SERVES = re.compile(
    r"(?<!\w)[وف]?(?:ال)?(?:مبعوث|موفد|ممثل|مستشار|مساعد|متحدث|ناطق|مندوب|مدير مكتب|رءيس ديوان)(?:ه)?"
    r"(?: (?:ال)?(?:خاص|شخصي|رسمي|اعلامي)(?:ه)?)?(?: باسم)?\s*[لب]?$"
)
# Substrings each pattern needs: most titles have none of them before, and skip the regex.
_SENT_ANCHORS = re.compile("تحي|تعاز|تهان|تمني|رسال|برقي|دعو|تكليف|نيابه|ممثلا|موفدا|مبعوثا")
_SERVES_ANCHORS = re.compile("مبعوث|موفد|ممثل|مستشار|مساعد|متحدث|ناطق|مندوب|مكتب|ديوان")
# "حضر اللقاء"، "بحضور"، "في حضور": the people named after it attended.
_ATTENDED = re.compile(
    r"(?<!\w)(?:[وف]?حضر(?:ه|ها|ت)? (?:ال)?(?:لقاء|لقاءين|مقابله|اجتماع|استقبال|مباحثات|محادثات|اتصال|جلسه|مراسم)\w*"
    r"|[وف]?(?:ب|في )حضور)(?!\w)"
)


# A summit, prize, airport or mosque named after someone: "قمة السلطان قابوس"، "مطار الملك خالد".
_NAMED_AFTER = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:قمه|قمتي|دوره|جاءزه|مطار|مسجد|جامع|جامعه|مستشفي|وسام|قلاده|ميناء|شارع|مدينه)"
    r"\s*[(«\"“]?" + _HONORIFICS + r"\s*$"
)


# "يرافقه"، "ترافقها"، "برفقته"، "مرفوقا بـ": who travels with the subject.
_ESCORTED = re.compile(
    r"(?<!\w)[وف]?(?:[يت]رافق(?:ه|ها|هما|هم)|رافق(?:ه|ها|هما|هم|ته|تها)|برفقت(?:ه|ها|هما|هم)"
    r"|مرفوق(?:ا|ه|ين)? ب|[يت]صحب(?:ه|ها|هما|هم)|بصحبت(?:ه|ها|هما|هم))(?!\w)"
)
_ESCORT_END = re.compile(r"[،,؛;:.]")


def namesake(before: str) -> bool:
    """Whether a person named right after ``before`` (a key) only lends a name to a place or event.

    >>> namesake("لاعمال الدوره الحاديه والاربعين (قمه")
    True
    >>> namesake("علي هامش القمه التقي")
    False
    """
    return bool(_NAMED_AFTER.search(before[-40:]))


def sent_by(before: str) -> bool:
    """Whether a person named right after ``before`` (a key) is a sender, not a participant.

    >>> sent_by("ونقل عراقجي تحيات")
    True
    >>> sent_by("تلقى اتصالا هاتفيا من اخيه")
    False
    """
    tail = before[-80:]
    return _SENT_ANCHORS.search(tail) is not None and bool(_SENT_BY.search(tail))


def serves(before: str) -> bool:
    """Whether an office right after ``before`` names someone's principal ("مبعوث الرئيس").

    >>> serves("ستيف ويتكوف المبعوث الخاص ل")
    True
    """
    tail = before[-40:]
    return _SERVES_ANCHORS.search(tail) is not None and bool(_SERVES.search(tail))


def mark_attendees(key: str, refs: list[Reference], start: int, end: int) -> list[Reference]:
    """``refs`` of the sentence ``key[start:end]``, attendees marked as bystanders.

    "استقبل الرئيس ضيفه بحضور رئيس الوزراء" → the prime minister attended.
    """
    refs = _mark_escorts(key, refs, start, end)
    marker = _ATTENDED.search(key, start, end)
    if marker is None:
        return refs
    return [replace(r, possessor=True) if r.is_person and r.key_start >= marker.start() else r for r in refs]


def _mark_escorts(key: str, refs: list[Reference], start: int, end: int) -> list[Reference]:
    """ "وصل الرئيس إلى أنقرة، يرافقه وزير الخارجية ...": the escort, up to the next comma, is
    the guest's delegation, not another side."""
    spans = []
    for marker in _ESCORTED.finditer(key, start, end):
        stop = _ESCORT_END.search(key, marker.end(), end)
        spans.append((marker.end(), stop.start() if stop else end))
    if not spans:
        return refs
    return [
        replace(r, possessor=True) if r.is_person and any(a <= r.key_start < b for a, b in spans) else r
        for r in refs
    ]
