"""An in-person contact in one side's own country is a visit: the home side hosts.

"استقبل الرئيس تبون رئيسة الوزراء الإيطالية ميلوني التي حلت اليوم بالجزائر في زيارة"
is one ``visit`` (Meloni visitor, Tebboune host), not a meeting beside a visit, and so
is "استقبل ولي العهد في جدة وزير الخارجية الأمريكي" without any visit word. An
in-person contact (a ``meeting`` or open "talks") between the sides of exactly two
countries becomes a visit when

- it takes place in the country of one side: its place, the country a trip of the
  same guest in the article went to, the receiver's ("استقبل") country, or the
  article's dateline; a third country leaves it a meeting, and
- it is not a summit's or a conference's side meeting ("على هامش"، "للمشاركة في
  القمة", an occasion, a summit named in the clause, or, without a trip word, a
  summit the article reports there on a near date): those stay ``meeting``, and
- no side is an organization's official (a UN envoy is nobody's host), and a visit whose
  guests all serve an organization ("الأمين العام للأمم المتحدة ... في إطار زيارته") is a meeting.

The side of the place's country hosts; the other side visits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from .matcher import Matcher
from .merging import Candidate, _dates_fit, _last_day
from .references import Reference
from .types import DateValue, EntityKind, MeetingKind, Participant, Precision, Role

# A trip told in the clause: the guest's visit, tour, arrival.
_TRIP = re.compile(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:زيار(?:ه|ات|ته|تها|تهم|تهما)|جول(?:ه|ته|تها|تهم|تهما)|وصول(?:ه|ها|هم|هما)?"
    r"|[يت]زور(?:ان|ون)?|(?<!و)زار(?:ت|ا|وا)?|وصل(?:ت|ا|وا)?|حل(?:ت)? ضيف(?:ا|ه)?|قادم(?:ا|ه)? من)(?!\w)"
)
# A side meeting of a multilateral gathering.
_SIDELINES = re.compile(
    r"هامش|(?:للمشاركه|لحضور|مشاركته|مشاركتها|مشاركتهم|المشاركين)(?: \S+){0,2}? (?:ال)?(?:مءتمر|قمه|منتدي|اجتماعات|اعمال|فعاليات|الدوره)"
)

# A multilateral gathering named in the clause ("قمة في كاليفورنيا"، "رئاسة بلاده للقمة").
_GATHERING = re.compile(r"(?<!\w)[وفبل]?(?:ال|لل)?(?:قمه|القمه|مءتمر|منتدي)(?!\w)")

# A gathering still ahead ("تمهيدا للقمة"): preparing for it is not being at it.
_AHEAD = re.compile(r"(?:تمهيدا|استعدادا|تحضيرا) $")

# What follows a dateline's place: a dash, a colon, the date ("جدة 10 رمضان"، "نواكشوط، 17/07").
_DATELINE = re.compile(r"\s*(?:[-–(:]|(?:في\s*|[،,]\s*)?\d)")
# A line of its own naming the agency and the place ("واس | جدة"، "الجزيرة نت - الدوحة").
_BYLINE_CHARS = 40
CountryOf = Callable[[str, date | None], str | None]
_TRIP_DAYS = 3  # a trip reported on one day covers contacts a few days around it


def place_country(matcher: Matcher, slug: str) -> str | None:
    """The country of a country or place entity ("جدة" → Saudi Arabia)."""
    entity = matcher.entities.get(slug)
    if entity is None or entity.kind not in (EntityKind.COUNTRY, EntityKind.PLACE):
        return None
    return slug if entity.kind == EntityKind.COUNTRY else entity.country


def dateline(
    key: str, heads: list[tuple[int, int, list[Reference]]], place_of: Callable[[str], str | None]
) -> str | None:
    """The country of a dateline opening the story: "الجزائر - استقبل"، "القاهرة في 22 مايو"،
    "جدة 10 رمضان"، or a short agency line ending in the place ("واس | جدة").

    ``heads`` are the first sentences as (key start, key end, references).
    """
    for start, end, refs in heads:
        for ref in refs:
            country = place_of(ref.slug) if ref.slug else None  # not the agency ("شينخوا")
            if country is None:
                continue
            if ref.key_start - start <= 12 and _DATELINE.match(key, ref.key_end):
                return country
            if end - start <= _BYLINE_CHARS and not key[ref.key_end : end].strip():
                return country
    return None


def settle_visits(
    candidates: Sequence[Candidate],
    key: str,
    country_of: CountryOf,
    place_country: Callable[[str], str | None],
    dateline: str | None,
    published: date | None,
    sentence_start: Callable[[int], int],
) -> list[Candidate]:
    """Candidates with each in-person contact of a visit turned into that visit (see module doc).

    ``country_of(slug, day)`` is a person's country on a day, ``place_country(slug)``
    the country of a place or country entity, ``dateline`` the country of the
    article's dateline ("الجزائر -"), ``sentence_start`` the key offset of a text offset.
    """
    trips = [c for c in candidates if c.kind == MeetingKind.VISIT]
    gatherings = _gatherings(candidates, key, place_country)
    out: list[Candidate] = []
    for cand in candidates:
        settled = None
        if cand.kind == MeetingKind.VISIT and _officials_only(cand, country_of, place_country, published):
            settled = replace(cand, kind=MeetingKind.MEETING)
        elif cand.kind == MeetingKind.VISIT:
            settled = _roles_by_place(cand, country_of, place_country, published)
        elif cand.kind in (MeetingKind.MEETING, None):
            settled = _as_visit(
                cand, trips, gatherings, key, country_of, place_country, dateline, published, sentence_start
            )
        out.append(settled or cand)
    # A guest received at home in one clause is on that trip when another host sees them the same day.
    received = [c for c in out if c.kind == MeetingKind.VISIT]
    out = [
        _as_visit(
            c, received, gatherings, key, country_of, place_country, dateline, published, sentence_start
        )
        or c
        if c.kind in (MeetingKind.MEETING, None)
        else c
        for c in out
    ]
    # A guest's trip told alone ("وصل إلى الجزائر في زيارة") is the visit its contacts report.
    visits = [c for c in out if c.kind == MeetingKind.VISIT and len(c.members) > 1]
    return [
        c for c in out if not (c.kind == MeetingKind.VISIT and len(c.members) == 1 and _reported(c, visits))
    ]


def _reported(trip: Candidate, visits: list[Candidate]) -> bool:
    for visit in visits:
        guests = {p.slug for p in visit.participants if p.role == Role.VISITOR}
        if trip.members <= guests and (
            trip.date is None or visit.date is None or _near(trip.date, visit.date)
        ):
            return True
    return False


def _gatherings(
    candidates: Sequence[Candidate], key: str, place_country: Callable[[str], str | None]
) -> list[tuple[str | None, DateValue]]:
    """Where and when the article's summits met: (country, date) of each dated side meeting."""
    found: list[tuple[str | None, DateValue]] = []
    for c in candidates:
        if c.date is None or c.kind not in (MeetingKind.MEETING, None):
            continue
        if c.occasion is not None or _SIDELINES.search(key, *c.span):
            where = c.location or c.occasion
            found.append((place_country(where.slug) if where and where.slug else None, c.date))
    return found


def _as_visit(
    cand: Candidate,
    trips: list[Candidate],
    gatherings: list[tuple[str | None, DateValue]],
    key: str,
    country_of: CountryOf,
    place_country: Callable[[str], str | None],
    dateline: str | None,
    published: date | None,
    sentence_start: Callable[[int], int],
) -> Candidate | None:
    sides = _sides(cand, country_of, published)
    countries = set(sides.values()) if sides is not None else set()
    if sides is None or len(countries) != 2 or cand.occasion is not None:
        return None
    if any(place_country(c) != c for c in countries):  # a UN or league official is no country's side
        return None
    low, high = cand.span
    if _SIDELINES.search(key, low, high):
        return None
    place = place_country(cand.location.slug) if cand.location and cand.location.slug else None
    # A contact at home is a visit only when the article tells of the guest's trip there.
    trip = bool(_TRIP.search(key, sentence_start(cand.evidence_start), high))
    for visit in trips:
        host = _trip_host(visit, country_of, place_country, published)
        if host in countries and _same_trip(visit, cand, sides, host):
            trip = True
            place = place or host
    hosts = [p for p in cand.participants if p.role == Role.HOST and p.slug in sides]
    if place is None and hosts:
        place = sides[hosts[0].slug or ""]  # "استقبل ... في مستهل زيارته": at the receiver's home
    if place is None:
        place = dateline
    if place not in countries:
        return None
    if not trip and _at_gathering(cand, key, sentence_start, gatherings, place):
        return None
    if cand.date is None:  # "وصل مساء أمس في زيارة، حيث استقبله": the trip's day
        told = [
            t
            for t in trips
            if t.evidence_start == cand.evidence_start and t.date and t.members & cand.members
        ]
        cand = replace(cand, date=told[0].date) if told else cand
    return replace(cand, kind=MeetingKind.VISIT, participants=_roles(cand.participants, sides, place))


def _at_gathering(
    cand: Candidate,
    key: str,
    sentence_start: Callable[[int], int],
    gatherings: list[tuple[str | None, DateValue]],
    place: str,
) -> bool:
    """A contact without a trip told during a summit there: the summit's side meeting, not a visit."""
    for said in _GATHERING.finditer(key, sentence_start(cand.evidence_start), cand.span[1]):
        if not _AHEAD.search(key, max(0, said.start() - 12), said.start()):
            return True
    return any(
        where in (None, place) and (cand.date is None or _near(when, cand.date)) for where, when in gatherings
    )


def _sides(cand: Candidate, country_of: CountryOf, published: date | None) -> dict[str, str] | None:
    """Each catalog participant's country on the day; None when one has none (a UN official)."""
    day = cand.date.start if cand.date else published
    sides: dict[str, str] = {}
    for p in cand.participants:
        if p.slug is None:
            continue
        country = country_of(p.slug, day)
        if country is None:
            return None
        sides[p.slug] = country
    return sides


def _roles(people: list[Participant], sides: dict[str, str], place: str) -> list[Participant]:
    return [
        p
        if p.slug is None
        else Participant(p.slug, p.name, Role.HOST if sides[p.slug] == place else Role.VISITOR)
        for p in people
    ]


def _officials_only(
    cand: Candidate, country_of: CountryOf, place_country: Callable[[str], str | None], published: date | None
) -> bool:
    """ "استقبل الرئيس الأمين العام للأمم المتحدة في إطار زيارته": every guest serves an
    organization, which is no country; the talks are a meeting, not a state's visit."""
    day = cand.date.start if cand.date else published
    guests = [p.slug for p in cand.participants if p.role != Role.HOST]
    if not guests or len(guests) == len(cand.participants) or None in guests:
        return False
    countries = [country_of(slug, day) for slug in guests if slug]
    return all(c is not None and place_country(c) != c for c in countries)


def _roles_by_place(
    cand: Candidate, country_of: CountryOf, place_country: Callable[[str], str | None], published: date | None
) -> Candidate | None:
    """A visit whose clause names the place: the side at home there hosts ("استقبل ... في الرياض")."""
    if cand.location is None or not cand.location.slug:
        return None
    place = place_country(cand.location.slug)
    sides = _sides(cand, country_of, published)
    if sides is None or len(set(sides.values())) != 2 or place not in sides.values():
        return None
    return replace(cand, participants=_roles(cand.participants, sides, place))


def _trip_host(
    visit: Candidate,
    country_of: CountryOf,
    place_country: Callable[[str], str | None],
    published: date | None,
) -> str | None:
    if visit.location is not None and visit.location.slug:
        return place_country(visit.location.slug)
    day = visit.date.start if visit.date else published
    for p in visit.participants:
        if p.role == Role.HOST and p.slug:
            return country_of(p.slug, day)
    return None


def _same_trip(visit: Candidate, cand: Candidate, sides: dict[str, str], host: str) -> bool:
    """The visit brought one of the contact's guests to ``host`` within days of the contact."""
    guests = {slug for slug, country in sides.items() if country != host}
    visitors = {p.slug for p in visit.participants if p.slug and p.role != Role.HOST}
    if not guests & visitors or visit.date is None:
        return False
    return cand.date is None or _near(visit.date, cand.date)


def _near(a: DateValue, b: DateValue) -> bool:
    if _dates_fit(a, b):
        return True
    days = abs((_last_day(a) if b.start > a.start else a.start) - b.start).days
    return a.precision == b.precision == Precision.DAY and days <= _TRIP_DAYS
