"""Where a reported contact's clause starts and ends, and who after a comma is one more object.

"استقبل الرئيس، اليوم، أمير الكويت، ثم نائب رئيس الإمارات" is one clause with two
guests: commas that set off a day or a circumstance, or list more people met by
the same verb, do not end it. The meeting reader (:mod:`newsapp.nlp.meetings`)
takes the participants of a contact from this clause, and leaves out the dates
of "منذ ..." clauses, which say what time is counted from.
"""

from __future__ import annotations

import re

from .references import Reference
from .sentences import clause_breaks
from .triggers import Trigger

_COMMA = re.compile(r"[،,]")
# "، وذلك بمشاركة ولي العهد": one more person taking part in the same talks.
_TAKING_PART = re.compile(r"[،,]?\s*(?:وذلك\s+)?[وف]?بمشارك(?:ه|ته|تها)(?:\s+\S+){0,3}?\s*$")
_LIST_COMMA = re.compile(r"\s*[،,]\s*[^،,.؛:]{0,40}")
_LIST_AND = re.compile(r"[،,]\s*و")
_THEN = re.compile(r"ثم(?!\w)")
# The longest day or circumstance set off by two commas ("، الجمعة،"، "، في وقت سابق اليوم،").
_ASIDE_CHARS = 30
_OBJECT_GAP_CHARS = 40
_SINCE = re.compile(r"(?<!\w)(?:منذ|حتي|طوال|خلال عام|مطلع|بدايه|اوايل)\s*$")
# "منذ بدء الحرب في 24 فبراير"، "منذ توليه منصبه الشهر الماضي": the date of what time is counted from.
# "منذ 13 أكتوبر 2022، حين التقيا في أستانة": the date counted from is that of a meeting told right after.
_WHEN = re.compile(r"\s*[،,]?\s*(?:حين|حينما|عندما|لما|يوم)\s+")
_WHEN_REACH = 12
_SINCE_EVENT = re.compile(r"(?<!\w)منذ(?:\s+[^\s،,.؛:]+){1,4}\s+(?:في\s+)?$")


def clause_of(
    key: str,
    span: tuple[int, int],
    first: Trigger,
    last: Trigger,
    refs: list[Reference],
    triggers: list[Trigger],
) -> tuple[int, int]:
    """The clause around the triggers ``first``..``last`` of a contact told within ``span``.

    Commas that only set off a date or a place ("أجرى السيسي، اليوم، اتصالات") do
    not cut the subject off: the clause starts at the last break with a person after it.
    """
    before = clause_breaks(key, span[0], first.start)
    after = clause_breaks(key, last.end, span[1])
    start = span[0]
    for at in reversed(before):
        named = any(at <= r.key_start < first.start and r.is_person for r in refs)
        if named or not _COMMA.match(key, at):
            start = at
            break
    # "، ورئيس الوزراء ..." after a comma: one more object of the same verb, not a new clause.
    after = [b for b in after if not _more_objects(key, b, refs, triggers)]
    # "التقى زيلينسكي، الجمعة، ترامب": commas around a day or a circumstance with nobody in it
    # set it off; the clause, and its other side, go on after them.
    while len(after) > 1 and _aside(key, after[0], after[1], refs):
        after = after[2:]
    return start, (after[0] if after else span[1])


def listed_objects(
    key: str, lead: Trigger, refs: list[Reference], window: tuple[int, int], triggers: list[Trigger]
) -> bool:
    """Whether the people after ``lead`` in ``window``, and nobody before it, are a list of objects.

    "كما التقى رئيس الوزراء العراقي X، والرئيس التونسي Y": a comma and a title between the first
    two people after the verb, and "، و" in the list, make them objects; "كما التقى شي رئيس
    الوزراء" names its own subject, and so does "كما التقى الرئيس، في وقت سابق، بأخيه" (the
    commas set off a circumstance).
    """
    named = [r for r in refs if r.is_person and not r.possessor and window[0] <= r.key_start < window[1]]
    if any(r.key_start < lead.start for r in named):
        return False
    after = [r for r in named if r.key_start >= lead.end]
    if len(after) < 2 or not _LIST_COMMA.fullmatch(key, after[0].key_end, after[1].key_start):
        return False
    joined = _LIST_AND.search(key, after[0].key_end, after[-1].key_start) is not None
    return joined and not any(after[0].key_end <= t.start < after[1].key_start for t in triggers)


def counted_from(key: str, start: int, triggers: list[Trigger], end: int | None = None) -> bool:
    """Whether the date at key offset ``start`` (ending at ``end``) is what time is counted from
    ("منذ 2012"، "منذ بدء الحرب في 24 فبراير"), unless that clause is a meeting ("منذ لقائهما في
    أكتوبر 2022"، "منذ 13 أكتوبر 2022، حين التقيا")."""
    if _SINCE.search(key, max(0, start - 12), start):
        return end is None or not any(told_when(key, end, t.start) for t in triggers)
    clause = _SINCE_EVENT.search(key, max(0, start - 60), start)
    return clause is not None and not any(clause.start() <= t.start < start for t in triggers)


def told_when(key: str, end: int, start: int) -> bool:
    """Whether the date ending at key offset ``end`` is the time of the contact whose trigger starts
    at ``start``, joined by "حين"/"عندما": "منذ 13 أكتوبر 2022، حين التقيا في أستانة"."""
    when = _WHEN.match(key, end, start)
    return when is not None and when.end() <= start <= when.end() + _WHEN_REACH


def _aside(key: str, opening: int, closing: int, refs: list[Reference]) -> bool:
    return (
        _COMMA.match(key, opening) is not None
        and _COMMA.match(key, closing) is not None
        and closing - opening <= _ASIDE_CHARS
        and not any(opening < r.key_start < closing and r.is_person for r in refs)
    )


def _more_objects(key: str, at: int, refs: list[Reference], triggers: list[Trigger]) -> bool:
    following = next((r for r in refs if r.is_person and r.key_start > at), None)
    if following is None:
        return False
    if _TAKING_PART.match(key[at : following.key_start]):
        return True  # "اجتمع ترامب مع الشرع، وذلك بمشاركة ولي العهد": he took part too
    if not _COMMA.match(key, at):
        return False
    gap = key[at + 1 : following.key_start].strip()
    # "استقبل أمير الكويت، ثم نائب رئيس الإمارات": "ثم" lists the next guest of the same verb,
    # unless a verb of its own follows it ("، ثم زار ...").
    joined = gap[:1] == "و" or _THEN.match(gap) is not None
    verb = any(at < t.start < following.key_start for t in triggers)
    return (
        joined
        and not verb
        and len(gap) <= _OBJECT_GAP_CHARS
        and not clause_breaks(key, at + 1, following.key_start)
    )
