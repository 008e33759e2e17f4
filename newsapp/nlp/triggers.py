"""The words Arabic news uses to report a call, a video call, a meeting or a visit.

Patterns run on the normalized key (ة→ه, ى→ي, أ→ا, ئ/ؤ→ء), so they are written
that way. Each match is a :class:`Trigger` with what it tells on its own:
its kind (None for "talks", which fits any kind), whether it can stand alone
(a definite "المكالمة" only refers back to a call reported elsewhere), whether
its verb is dual ("التقيا": the two people named before) or future ("سيلتقي").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .references import Reference
from .types import EntityKind, MeetingKind

_C, _V, _M, _T = MeetingKind.CALL, MeetingKind.VIDEO, MeetingKind.MEETING, MeetingKind.VISIT

# Glued before a noun: conjunction, preposition, article.
_NOUN = r"(?<!\w)(?P<pre>[وف]?(?:[بلك]|لل)?(?:ال)?)"
# Before a verb: conjunction, future سـ, person prefix.
_VERB = r"(?<!\w)[وف]?(?P<fut>س)?"
_END = r"(?!\w)"


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int  # key offsets
    end: int
    kind: MeetingKind | None
    strong: bool  # can report a meeting on its own
    verb: bool
    reception: bool = False  # استقبل: host and guest
    future: bool = False
    dual: bool = False  # "التقيا", "اجتماعهما": the subject is two people named before
    first_person: bool = False  # "التقيت", "سنتحدث": the speaker, not a named person
    modifier: bool = False  # "عبر الهاتف", "على هامش": qualifies a nearby trigger
    # "قمة تجمعه بـ..."، "لقاء جمعها مع...": the pronoun is the sentence's subject, a participant too.
    object_pronoun: bool = False
    # "وأخرى من ..."، "واتصالاً آخر مع ...": one more event like the one before, same subject.
    another: bool = False


@dataclass(frozen=True, slots=True)
class _Rule:
    regex: re.Pattern[str]
    kind: MeetingKind | None
    noun: bool = False
    reception: bool = False
    modifier: bool = False
    weak: bool = False  # weak even when indefinite
    object_pronoun: bool = False
    another: bool = False
    # Substrings every match contains: the rule only runs near them.
    anchors: tuple[str, ...] = ()


def _rule(pattern: str, kind: MeetingKind | None, anchors: tuple[str, ...] = (), **flags: bool) -> _Rule:
    prefix = _NOUN if flags.get("noun") else _VERB
    return _Rule(re.compile(prefix + "(?P<w>" + pattern + ")" + _END), kind, anchors=anchors, **flags)


_RULES: tuple[_Rule, ...] = (
    # --- calls
    _rule(
        r"(?:اتصال|اتصالا|اتصالات|مكالمه|مكالمات|محادثه|محادثات|مباحثات) هاتفي(?:ه|ا|ين)?",
        _C,
        noun=True,
        anchors=("هاتفي",),
    ),
    _rule(r"مكالم(?:ه|ات|ت\w*)", _C, noun=True, anchors=("مكالم",)),
    _rule(r"(?:المءتمر|مءتمر) الهاتفي|مهاتف\w*", _C, noun=True, anchors=("هاتفي", "مهاتف")),
    _rule(r"اتصالا|اتصالين", _C, noun=True, anchors=("اتصال",)),
    _rule(r"(?:في|خلال|اثناء|عبر) اتصال(?:ه|هما)?", _C, noun=True, anchors=("اتصال",)),
    _rule(r"هاتفيا|عبر الهاتف|علي الهاتف|بالهاتف", _C, modifier=True, anchors=("هاتف",)),
    _rule(r"[يتن]تصل(?:ان|ون)?|اتصل(?:ت|ا|وا)?", _C, anchors=("تصل",)),
    # --- video calls
    _rule(
        r"عبر (?:تقنيه )?(?:الاتصال المرءي|الفيديو|الفيديو كونفرانس|الفيديوكونفرانس|دايره تلفزيونيه مغلقه)"
        r"|بالفيديو|عبر الانترنت|افتراضيا",
        _V,
        modifier=True,
        anchors=("عبر", "بالفيديو", "افتراضيا"),
    ),
    _rule(
        r"(?:وصله|اتصال|اتصالا|مكالمه|مكالمات|لقاء|اجتماع|قمه|مءتمر|محادثات) (?:فيديو|الفيديو|مرءي\w*|افتراضي\w*)",
        _V,
        noun=True,
        anchors=("فيديو", "مرءي", "افتراضي"),
    ),
    _rule(r"(?<=و)(?:اخري|اخر)(?= (?:من|مع)(?!\w)| ب)", None, noun=True, anchors=("اخر",), another=True),
    # --- meetings
    _rule(r"التق(?:ي|ت|يا|وا|يت|ينا|يتم)|[يتن]لتق(?:ي|يان|ون)?|التقاء|ملتقي", _M, anchors=("لتق",)),
    _rule(r"اجتمع(?:ت|ا|وا)?|[يتن]جتمع(?:ان|ون)?", _M, anchors=("جتمع",)),
    _rule(r"استقبل(?:ت|ا|وا|ته|ه|ها)?|[يتن]ستقبل(?:ان|ون|ه)?", _M, reception=True, anchors=("ستقبل",)),
    _rule(r"عقد(?:ت|ا|وا)? (?:\w+ ){0,2}?(?:اجتماع|لقاء|قمه|محادثات|مباحثات|جلسه)\w*", _M, anchors=("عقد",)),
    _rule(r"لقاء(?:ا|ات|ه|هما|ها)?|اجتماع(?:ا|ات|ه|هما|ها)?", _M, noun=True, anchors=("لقاء", "اجتماع")),
    _rule(r"قمه (?:ثناءيه|مشتركه)", _M, noun=True, anchors=("قمه",)),
    _rule(r"قمه", _M, noun=True, modifier=True, anchors=("قمه",)),
    _rule(r"علي هامش", _M, modifier=True, anchors=("هامش",)),
    _rule(r"جمع(?:ت|ه)? (?:بين|بينه|بينهما)", _M, anchors=("جمع",)),
    _rule(r"(?:[يت]جمع|جمعت?)(?:ه|ها|هم|هما)(?= [بم]| ال)", _M, anchors=("جمع",), object_pronoun=True),
    # --- talks of any kind
    _rule(
        r"محادث(?:ات|ه|ته|تها|تهما|اتهما)|مباحث(?:ات|اتهما)|مشاورات",
        None,
        noun=True,
        anchors=("محادث", "مباحث", "مشاورات"),
    ),
    _rule(
        r"(?:[يتن]?)تحدث(?:ت|ا|وا|ان)? (?:[^\s.؟!]+ ){0,4}?مع|تباحث(?:ت|ا|وا)?|تحادث(?:ت|ا|وا)?"
        r"|بحث(?:ت|ا)? (?:[^\s.؟!]+ ){0,10}?مع",
        None,
        anchors=("تحدث", "تباحث", "تحادث", "بحث"),
    ),
    _rule(r"تحدث(?:ا|وا)|ناقش(?:ت|ا|وا)?|اتفق(?:ت|ا|وا)?", None, weak=True, anchors=("تحدث", "ناقش", "اتفق")),
    # --- visits
    # "وزارة" (ministry) is not "و + زاره" (and visited him).
    _rule(r"(?<!و)زار(?:ت|ا|وا|ه|ها)?|زار(?:ت|ا|وا)?|[يتن]زور(?:ان|ون)?", _T, anchors=("زار", "زور")),
    _rule(r"زيار(?:ه|ات|ته|تها|تهما|اته)", _T, noun=True, anchors=("زيار",)),
    _rule(
        r"وصل(?:ت|ا|وا)? (?:الي|ال)\w*|حل(?:ت)? ضيفا|[يت]?توجه(?:ت|ا)? (?:\S+ ){0,3}?الي (?!مدينه)\w+",
        _T,
        anchors=("وصل", "ضيفا", "توجه"),
    ),
    # "وسيختتم جولته في الدوحة بلقاء ...": his tour makes the meeting a visit.
    _rule(r"جول(?:ته|تها|تهم|تهما)", _T, noun=True, modifier=True, anchors=("جول",)),
)

_DUAL = re.compile(r"(?:هما|يا|ا|ان)$")
# A dual subject or light verb just before a noun ("أنهما أجريا عدة مكالمات"، "وعقدا لقاء"):
# the two people named before held it.
_DUAL_BEFORE = re.compile(r"(?:^|\s)(?:[وفل]*انهما|[وف]?هما|[وف]?(?:اجريا|عقدا|تبادلا))(?:\s\S+){0,2}\s$")


def find_triggers(key: str) -> list[Trigger]:
    """Every trigger in ``key``; a trigger inside a longer one is dropped.

    >>> [(t.kind, t.strong) for t in find_triggers("وتلقى اتصالا هاتفيا من نظيره")]
    [(<MeetingKind.CALL: 'call'>, True)]
    >>> [t.future for t in find_triggers("سيلتقي الرئيسان")]
    [True]
    """
    found: list[Trigger] = []
    for rule in _RULES:
        seen: set[tuple[int, int]] = set()
        for low, high in _windows(key, rule.anchors):
            for match in rule.regex.finditer(key, low, high):
                if match.span() not in seen:
                    seen.add(match.span())
                    found.append(_trigger(rule, match))
    found.sort(key=lambda t: (t.start - t.end, t.start))
    chosen: list[Trigger] = []
    for trigger in found:
        if all(trigger.end <= other.start or other.end <= trigger.start for other in chosen):
            chosen.append(trigger)
    chosen.sort(key=lambda t: t.start)
    return [replace(t, another=True) if key.startswith(_ANOTHER, t.end) else t for t in chosen]


_ANOTHER = (" اخر ", " اخري ")
_SUFFIXED = re.compile(r"(?:ته|تها|تهما|هما|ها|اءه|اعه|اله|اته)$")
_FIRST = re.compile(r"^[وف]?س?ن(?:لتقي|جتمع|تحدث|زور|ستقبل|تصل|بحث)|(?:نا|يت)$")


# "وتأتي زيارة أنقرة بعد يومين من ...": the visit the article reports, framed again.
_FRAMING = re.compile(r"(?<!\w)[وف]?(?:تاتي|جاءت|تجيء)\s+(?:هذه\s+)?[بل]?$")


def usable_triggers(key: str, triggers: list[Trigger], references: Iterable[Reference]) -> list[Trigger]:
    """``triggers`` without those inside a catalog name ("قمة أبيك"), naming a forum ("اجتماع
    أبيك") or framing the visit the article reports again ("وتأتي زيارة ...")."""
    refs = sorted(references, key=lambda r: r.key_start)
    kept: list[Trigger] = []
    for trigger in triggers:
        head_end = key.find(" ", trigger.start, trigger.end)
        head_end = trigger.end if head_end < 0 else head_end
        inside = any(r.key_start < head_end and trigger.start < r.key_end for r in refs)
        forum = next((r for r in refs if r.key_start >= trigger.end), None)
        names_forum = (
            forum is not None
            and forum.kind == EntityKind.ORGANIZATION
            and not key[trigger.end : forum.key_start].strip(" \"“”«»'")
            and trigger.kind == MeetingKind.MEETING
        )
        framed = trigger.kind == MeetingKind.VISIT and not trigger.verb
        framed = framed and bool(_FRAMING.search(key, max(0, trigger.start - 12), trigger.start))
        if not inside and not names_forum and not framed:
            kept.append(trigger)
    return kept


def _windows(key: str, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of ``key`` around each anchor, cut at spaces, overlapping ones joined."""
    spans: list[tuple[int, int]] = []
    for anchor in anchors:
        at = key.find(anchor)
        while at >= 0:
            low = key.rfind(" ", 0, max(0, at - _BEFORE))
            high = key.find(" ", at + len(anchor) + _AFTER)
            spans.append((low + 1, len(key) if high < 0 else high))
            at = key.find(anchor, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


_BEFORE, _AFTER = 16, 70


def _trigger(rule: _Rule, match: re.Match[str]) -> Trigger:
    head = match.group("w").split()[0]
    if rule.noun:
        pre = match.group("pre")
        definite = pre.endswith("ال") or pre.endswith("لل")
        # "زيارة"/"مكالمة" end in ه (teh marbuta) already: only these endings are pronouns.
        suffixed = bool(_SUFFIXED.search(head))
        return Trigger(
            match.start(),
            match.end(),
            rule.kind,
            not (definite or suffixed or rule.weak),
            False,
            dual=head.endswith("هما")
            or bool(_DUAL_BEFORE.search(match.string, max(0, match.start() - 40), match.start())),
            modifier=rule.modifier,
            another=rule.another,
        )
    kind = rule.kind
    if kind is None and "هاتف" in match.group("w"):
        # "بحث هاتفياً مع": talks by phone.
        kind = MeetingKind.CALL
    return Trigger(
        match.start(),
        match.end(),
        kind,
        not rule.weak,
        True,
        reception=rule.reception,
        future=match.group("fut") is not None or bool(re.match(r"س[يتن]", head)),
        dual=bool(_DUAL.search(head)) and not head.endswith("ها"),
        first_person=bool(_FIRST.search(head)),
        modifier=rule.modifier,
        object_pronoun=rule.object_pronoun,
    )
