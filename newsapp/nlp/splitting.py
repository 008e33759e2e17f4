"""One sentence, several events: a mention read as one candidate that tells many.

"التقى شي، كلا على حدة، ملك البحرين والرئيس التونسي"، "أجرى سلسلة اتصالات هاتفية مع
كل من ..."، "استقبل كلا من وزير الخارجية الجزائري ووزير الخارجية المصري" are one
event per counterpart, each with the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .merging import Candidate, member
from .triggers import Trigger
from .types import DateValue, MeetingKind, Participant

# "، ثم" between two objects of one verb: one after the other, so apart.
_SEPARATELY = re.compile(
    r"(?<!\w)(?:كل|كلا|كلا منهم|كل منهم) علي حده|(?<!\w)منفصل(?:ه|ين|تين)?(?!\w)|،\s*ثم(?!\w)"
)
# "سلسلة اتصالات"، "اتصالين هاتفيين"، "لقاءات": several events in one word.
_PLURAL_EVENTS = re.compile(
    r"\w{0,5}(?:اتصالات|مكالمات|اتصالين|مكالمتين|لقاءات|اجتماعات|لقاءين|اجتماعين)(?: هاتفي(?:ه|ين))?"
)
_EACH_OF = re.compile(r"(?<!\w)(?:كل|كلا) من(?!\w)")


def one_per_counterpart(
    key: str,
    candidate: Candidate,
    span: tuple[int, int],
    triggers: list[Trigger],
    country: Callable[[str], str | None],
    listed: bool = False,
) -> list[Candidate]:
    """``candidate`` split into one event per counterpart of its first participant, when the
    clause ``key[span[0]:span[1]]`` says they were separate. ``listed``: the counterparts are a
    list of guests after a subject told before ("كما التقى X، وY"), read like "كلا من".

    "أجرى السيسي سلسلة اتصالات هاتفية مع كل من الملك عبدالله الثاني وأمير قطر" → two calls.
    """
    if len(candidate.participants) < 3 or not _one_by_one(key, candidate, span, triggers, country, listed):
        return [candidate]
    first, *others = candidate.participants
    return [replace(candidate, participants=[first, other]) for other in others]


def _one_by_one(
    key: str,
    candidate: Candidate,
    span: tuple[int, int],
    triggers: list[Trigger],
    country: Callable[[str], str | None],
    listed: bool,
) -> bool:
    """ "كلا على حدة"، plural events, calls with "كل من"; guests received with "كلا من" when they
    come from different countries (guests of one country are one delegation)."""
    if _SEPARATELY.search(key, *span):
        return True
    if any(_PLURAL_EVENTS.fullmatch(key, t.start, t.end) for t in triggers):
        return True
    if not listed and not _EACH_OF.search(key, *span):
        return False
    if candidate.kind in (MeetingKind.CALL, MeetingKind.VIDEO):
        return True
    guests = candidate.participants[1:]
    countries = {country(p.slug) if p.slug else None for p in guests}
    return None not in countries and len(countries) == len(guests)


def per_date(
    candidate: Candidate,
    after: int,
    end: int,
    dates: list[tuple[int, int, DateValue]],
    omitted: Participant | None = None,
) -> list[Candidate]:
    """One event per object when each object of the clause has its own date.

    "التقى السيسي في القاهرة الاثنين، ونتنياهو في القدس أمس الثلاثاء" → a meeting on Monday
    with Sisi and one on Tuesday with Netanyahu, the subject in both. ``after`` is the key
    offset where the trigger ends, ``end`` where the clause does; ``dates`` hold key spans;
    ``omitted`` is the subject of earlier text, for a verb whose subject is left out.
    """
    later = sorted(d for d in dates if after <= d[0] < end)
    if len(later) < 2:
        return [candidate]
    where = {member(p): candidate.spots.get(member(p), -1) for p in candidate.participants}
    subject = [p for p in candidate.participants if where[member(p)] < after]
    groups: list[tuple[list[Participant], DateValue]] = []
    low = after
    for _, date_end, value in later:
        objects = [p for p in candidate.participants if low <= where[member(p)] < date_end]
        if not objects:
            return [candidate]
        groups.append((objects, value))
        low = date_end
    if any(where[member(p)] >= low for p in candidate.participants):
        return [candidate]
    if not subject and len(groups[0][0]) == 2:  # "التقى بلينكن السيسي الاثنين، ونتنياهو الثلاثاء"
        subject = groups[0][0][:1]
        groups[0] = (groups[0][0][1:], groups[0][1])
    elif not subject and omitted is not None and all(len(objects) == 1 for objects, _ in groups):
        subject = [omitted]  # "وكان قد التقى السيسي الاثنين، ونتنياهو الثلاثاء": told before
    if not subject or any(not objects for objects, _ in groups):
        return [candidate]
    return [replace(candidate, participants=subject + objects, date=value) for objects, value in groups]
