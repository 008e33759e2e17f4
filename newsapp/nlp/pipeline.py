"""The pipeline's entry point: one text in, entities and meetings out.

``analyze`` never raises on text: whatever Unicode it gets, it returns an
:class:`Analysis` (possibly empty). The automaton of a gazetteer is built once
and cached (:func:`prepare`), so a batch of articles against one catalog pays
for it once.
"""

from __future__ import annotations

import logging
from datetime import date

from .dates import find_dates
from .entities import group_entities, scan_text
from .matcher import Matcher, prepare_matcher
from .meetings import find_meetings
from .types import Analysis, Gazetteer

logger = logging.getLogger(__name__)

# What ``prepare`` returns: the gazetteer's automaton and office index.
Prepared = Matcher


def prepare(gazetteer: Gazetteer) -> Prepared:
    """Build (once) and return what analyzing against ``gazetteer`` needs.

    >>> prepare(Gazetteer()) is prepare(Gazetteer()) or True
    True
    """
    return prepare_matcher(gazetteer)


def analyze(text: str, published: date | None, gazetteer: Gazetteer | Prepared) -> Analysis:
    """Entities and meetings of one article body (already cleaned by ``clean_text``).

    "وفي مكالمة هاتفية يوم 8 فبراير/شباط مع الرئيس الروسي فلاديمير بوتن، قال الرئيس
    الصيني شي جين بينج" (published 2024-02-09) → entities Putin, Xi, Russia, China;
    one meeting: call, 2024-02-08 (day), held, participants Putin and Xi.
    """
    matcher = gazetteer if isinstance(gazetteer, Matcher) else prepare_matcher(gazetteer)
    text = text if isinstance(text, str) else str(text)
    try:
        return analyze_strict(text, published, matcher)
    except Exception:  # the contract is "never raises": log the bug, keep what can be read
        logger.exception("analysis failed on a %d-character text", len(text))
    try:
        scan = scan_text(text, published, matcher)
        return Analysis(published=published, entities=group_entities(scan, matcher))
    except Exception:
        logger.exception("entity reading failed on a %d-character text", len(text))
        return Analysis(published=published)


def analyze_strict(text: str, published: date | None, prepared: Prepared) -> Analysis:
    """:func:`analyze` without its safety net: errors propagate (for tests and debugging)."""
    scan = scan_text(text, published, prepared)
    meetings = find_meetings(scan, find_dates(text, published, (scan.key, scan.offsets)), prepared)
    return Analysis(published=published, entities=group_entities(scan, prepared), meetings=tuple(meetings))
