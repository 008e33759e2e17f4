"""Which of the dates a text tells is a contact's, for the meeting reader (:mod:`newsapp.nlp.meetings`).

The policy: the date written in the contact's own words, else the one unused
date of its sentence, else the last date of an earlier sentence of the same
paragraph that reported no contact itself. A date followed by "حين/عندما"
and a contact ("منذ 13 أكتوبر 2022، حين التقيا") belongs to that contact and
to no other. The publication date is never assumed: "اليوم" and "أمس" are
dates that :func:`newsapp.nlp.dates.find_dates` resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from .clauses import told_when
from .references import Reference
from .sentences import Sentence
from .triggers import Trigger
from .types import DateMention, Precision

# How far (key characters) a weak trigger ("بحث"، "مباحثات") reaches for a date of its own.
_WEAK_REACH = 80


@dataclass(slots=True)
class DateAt:
    """A date the text tells, where it tells it."""

    start: int  # key offsets
    end: int
    mention: DateMention
    used: bool = False


@dataclass(slots=True)
class ReadSentence:
    """A sentence as the meeting reader goes through it."""

    sentence: Sentence
    start: int  # key offsets
    end: int
    refs: list[Reference] = field(default_factory=list)
    dates: list[DateAt] = field(default_factory=list)
    reported: bool = False


class Contact(Protocol):
    """A contact as the reader groups it: its triggers and the key span of its words."""

    triggers: list[Trigger]
    start: int
    end: int

    @property
    def strong(self) -> bool:
        """Whether a trigger names the contact outright ("اتصالاً هاتفياً"), not only "بحث"."""
        ...


def own_date(key: str, sentence: ReadSentence, contact: Contact, triggers: list[Trigger]) -> DateAt | None:
    """The date told in ``contact``'s own words (``triggers``: all of the text's)."""
    first = contact.triggers[0].start
    # "منذ 13 أكتوبر 2022، حين التقيا": the date told just before "حين" is this contact's.
    when = [d for d in sentence.dates if d.end <= first and told_when(key, d.end, first)]
    if when:
        return when[-1]
    inside = [
        d
        for d in sentence.dates
        if contact.start <= d.start < contact.end and not _told_for_later(key, d, first, triggers)
    ]
    if not contact.strong:
        inside = [
            d
            for d in inside
            if min(abs(d.start - t.end) for t in contact.triggers) <= _WEAK_REACH
            or min(abs(t.start - d.end) for t in contact.triggers) <= _WEAK_REACH
        ]
    after = [d for d in inside if d.start >= first]
    if after:
        return after[0]
    return inside[-1] if inside else None


def borrowed_date(
    key: str, sentences: list[ReadSentence], number: int, triggers: list[Trigger]
) -> DateAt | None:
    """For a contact of sentence ``number`` that tells no date of its own: the one date its sentence
    has left, else the last date of an earlier sentence of the paragraph that reported no contact."""
    sentence = sentences[number]
    unused = [d for d in sentence.dates if not d.used and not _told_for_later(key, d, d.end - 1, triggers)]
    if len(unused) == 1:
        return unused[0]
    for earlier in reversed(sentences[:number]):
        if earlier.sentence.paragraph != sentence.sentence.paragraph:
            break
        if earlier.reported:
            return None
        if earlier.dates:
            return earlier.dates[-1]
    return None


def is_news_day(found: DateAt, published: date | None) -> bool:
    """Whether ``found`` is the day of the article's news: the publication day or the one before."""
    value = found.mention.value
    if published is None or value.precision != Precision.DAY:
        return False
    return 0 <= (published - value.start).days <= 1


def _told_for_later(key: str, found: DateAt, after: int, triggers: list[Trigger]) -> bool:
    """Whether ``found`` is the time of a contact told after offset ``after`` ("، حين التقيا")."""
    return any(t.start > after and told_when(key, found.end, t.start) for t in triggers)
