"""Arabic temporal expressions → :class:`DateMention` with offsets into the original text.

Patterns run on the matching key (``normalize_with_offsets``): hamza, tashkeel, tatweel and
Eastern digits need no special case, spans map back to the original, overlaps go to the
longest. A day or month without a year is the latest on or before publication, unless the
clause before it is future ("سيزور", "من المقرر"), it falls within ``_SOON_DAYS`` after
publication, or an earlier phrase of its sentence names the year ("هذا العام ... في مايو").
"الثلاثاء الماضي" excludes the publication day. A Hijri month without a day ("رمضان 1445")
is a day-precision range over its Gregorian days (Hijri months straddle Gregorian ones);
without a year it is skipped, as is "صفر" (also "zero") with a day but no year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from .calendar_words import AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTH_CUES, MONTHS, ORDINALS, SHIFT, WEEKDAYS
from .daycount import COUNT_WORDS, days_ago, weekday_after, weekday_before
from .normalize import clitic_variants, normalize_key, normalize_with_offsets
from .types import DateMention, DateValue, Precision

__all__ = ["find_dates", "month_number", "weekday_after", "weekday_before"]

_SOON_DAYS = 14


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _mode_of(adjective: str) -> str:  # "past", "now" or "next"
    return ("now", "next", "past")[SHIFT[adjective.removesuffix("ه")]]


_ADJ = _alt(w + s for w in SHIFT for s in ("", "ه"))
_M = rf"(?:{_alt(MONTHS)})(?!\w)"
_HM = rf"(?:{_alt(HIJRI_MONTHS)})(?!\w)"
_WD = rf"(?:{_alt(WEEKDAYS)})(?!\w)"
_TOD = "(?:صباح|مساء|ظهر|ظهيره|عصر|ليل|ليله|فجر|نهار)"


def _mexpr(name: str) -> str:
    # A month, optionally paired with its other regional name: "فبراير/شباط", "(فبراير) شباط".
    return rf"(?P<{name}>{_M}(?: ?[/\\-] ?{_M}| ?\( ?{_M} ?\))?|\( ?{_M} ?\) ?{_M})"


_YEAR = r"(?:19|20)[0-9][0-9](?![0-9])"
_TAIL = (
    rf"(?: ?[،,]? (?:من )?(?:(?:ال)?(?:عام|سنه) )?(?P<y>{_YEAR})(?: ?م(?!\w))?"
    rf"| (?P<rel>{_ADJ})(?!\w)"
    rf"| من (?:(?:ال)?(?:عام|سنه) (?P<ry>{_ADJ})|(?P<rh>هذا العام|هذه السنه))(?!\w))"
)
_DAY = r"(?:ال)?(?P<{}>[0-3]?[0-9])(?![0-9])"
_D_START = r"(?<![0-9.,/:])"
_TO = " ?(?:الي|حتي|لغايه|و|-|–|—) ?"
_HSUFFIX = r"(?P<hs> ?(?:ه|هجري|هجريه|للهجره)(?!\w))?"
_COUNT = r"(?! ?(?:مليار|مليون|الف|الاف|شخص|اشخاص|دولار|يورو|طن|قتيل|جريح|جندي|برميل|نسمه|%))"


@dataclass(slots=True)
class _Ctx:
    text: str
    key: str
    offsets: list[int]
    published: date | None
    guessed: bool = False  # set when a year was inferred with no word to go by

    def prev_word(self, kstart: int) -> str:
        words = self.key[max(0, kstart - 30) : kstart].split()
        return words[-1] if words else ""

    def future(self, kstart: int) -> bool:  # is the clause leading to kstart future or planned?
        lo = self.offsets[max(0, kstart - 90)]
        before = re.split(r"[.!?؟؛\n]", self.text[lo : self.offsets[kstart]])[-1]
        key = normalize_key(before)
        return _PLANNED.search(key) is not None or _FUTURE.search(_COMPLEMENTIZER.split(key)[-1]) is not None


# A complementizer starts the clause the date belongs to: "قال يوم الثلاثاء إنه سيزور".
_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:ب?ان|ب?انه|ب?انها|ب?انهم|ب?انهما)(?!\w)")
# "من المقرر أن يزور" plans what follows; a future verb only speaks for its own clause.
_PLANNED = re.compile(
    r"(?<!\w)(?:من المقرر|المقرر|من المنتظر|المزمع|من المتوقع|مرتقب\w*|المرتقب\w*|[يت]عتزم\w*)"
)
# A future verb is "س" + a present prefix; the look-ahead, placed before the prefix so the
# words it names are whole, leaves out nouns and names that only start that way
# ("سياسة"، "سيادة"، "سنوات"، "سيرغي").
_FUTURE = re.compile(
    r"(?<!\w)(?:سوف|[يت]نوي|يرتقب|[وف]?س(?!ياس|ياد|يار|يد|يطر|يول|ينا|يرا|يبير|ته|تين|تار|نه|نوات|نوي|نغافور|يرغي|يرجي)[يتن]\w{3,})"
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick_year(ctx: _Ctx, kstart: int, month: int, day: int | None, mode: str) -> int | None:
    """The year of a month (and day) written without one, read against publication."""
    pub = ctx.published
    if pub is None:
        return None
    target, now = (month, day or 0), (pub.month, pub.day if day else 0)
    if mode == "past":  # a day may be the publication day itself, a month may not
        return pub.year - (target > now or (target == now and not day))
    if mode in ("now", "next"):
        return pub.year + (mode == "next" and target <= now)
    ctx.guessed = True
    if target <= now:
        return pub.year
    soon = _safe_date(pub.year, month, day or 1)
    if (soon is not None and (soon - pub).days <= _SOON_DAYS) or ctx.future(kstart):
        return pub.year
    return pub.year - 1


def _tail_year(ctx: _Ctx, m: re.Match[str], month: int, day: int | None) -> tuple[int, bool] | None:
    """(year, relative) from what follows the month: a year, "الماضي", "من العام المقبل"."""
    if m["y"]:
        return int(m["y"]), False
    if ctx.published is None:
        return None
    if m["ry"] or m["rh"]:
        shift = SHIFT[m["ry"].removesuffix("ه")] if m["ry"] else 0
        return ctx.published.year + shift, True
    year = _pick_year(ctx, m.start(), month, day, _mode_of(m["rel"]) if m["rel"] else "auto")
    return None if year is None else (year, True)


def _month_of(group: str) -> int | None:
    numbers = {MONTHS[n] for n in _MONTH_RE.findall(group)}
    return numbers.pop() if len(numbers) == 1 else None


_MONTH_RE = re.compile(_alt(MONTHS))
_Found = tuple[DateValue, bool] | None


def _dated(ctx: _Ctx, m: re.Match[str]) -> _Found:
    # A Gregorian day or month: "8 فبراير/شباط", "الثامن من فبراير", "مارس 2023", "في نونبر".
    groups = m.groupdict()
    day = int(groups["d"]) if groups.get("d") else ORDINALS.get(groups.get("od") or "")
    if not day and not (m["y"] or m["rel"] or m["ry"] or m["rh"]):
        words, before = set(_MONTH_RE.findall(m["mo"])), set(clitic_variants(ctx.prev_word(m.start())))
        named = bool(groups.get("sh")) or bool(before & {"شهر", "الشهر"})  # "شهر آب"
        if not named and ("اب" in words or (words & AMBIGUOUS_MONTHS and not before & MONTH_CUES)):
            return None
    month = _month_of(m["mo"])
    found = _tail_year(ctx, m, month, day) if month else None
    when = _safe_date(found[0], month, day or 1) if found and month else None
    return (DateValue(when, Precision.DAY if day else Precision.MONTH), found[1]) if when and found else None


def _range(ctx: _Ctx, m: re.Match[str]) -> _Found:
    month2 = _month_of(m["mo"])
    month1 = _month_of(m["mo1"]) if m["mo1"] else month2
    d1, d2 = int(m["d"]), int(m["d2"])
    if not month1 or not month2 or (month1 == month2 and d1 >= d2):
        return None
    if m["to"].strip() == "و" and m["pre"] not in ("بين", "يومي") and (month1 != month2 or d2 - d1 > 2):
        return None  # "في 5 و20 مايو" lists two days, it is no range
    # The year written (or implied) after the range belongs to its last day.
    by_end = not m["y1"] and bool(m["y"] or m["rel"] or m["ry"] or m["rh"])
    anchor = (month2, d2) if by_end else (month1, d1)
    found = (int(m["y1"]), False) if m["y1"] else _tail_year(ctx, m, *anchor)
    if not found:
        return None
    wrap = month2 < month1
    first = _safe_date(found[0] - (wrap and by_end), month1, d1)
    last = _safe_date(found[0] + (wrap and not by_end), month2, d2)
    if not first or not last or last <= first:
        return None
    return DateValue(first, Precision.DAY, last), found[1]


def _numeric(ctx: _Ctx, m: re.Match[str]) -> _Found:
    if not m.groupdict().get("a"):  # a year: "عام 2023", "في 2022"
        return DateValue(date(int(m["y"]), 1, 1), Precision.YEAR), False
    day, month = int(m["a"]), int(m["b"])
    if month > 12 >= day and m["s"] != "-":
        day, month = month, day  # a month-first date copied from English
    when = _safe_date(int(m["y"]), month, day)
    return (DateValue(when), False) if when else None


def _hijri(ctx: _Ctx, m: re.Match[str]) -> _Found:
    month, pub = HIJRI_MONTHS[m["hm"]], ctx.published
    try:
        if not m["d"]:  # a whole month: its Gregorian days
            first = Hijri(int(m["y"]), month, 1)
            last = _greg(Hijri(first.year, month, first.month_length()))
            return DateValue(_greg(first), Precision.DAY, last), False
        if m["y"]:
            return DateValue(_greg(Hijri(int(m["y"]), month, int(m["d"])))), False
        if pub is None or (m["hm"] == "صفر" and not m["hs"]):
            return None
        hyear = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
        options = [_greg(Hijri(y, month, int(m["d"]))) for y in (hyear - 1, hyear, hyear + 1)]
    except (ValueError, OverflowError):
        return None
    upcoming = min(d for d in options if d > pub)
    if (upcoming - pub).days <= _SOON_DAYS or ctx.future(m.start()):
        return DateValue(upcoming), True
    return DateValue(max(d for d in options if d <= pub)), True


def _greg(hijri: Hijri) -> date:
    return date(*hijri.to_gregorian().datetuple())


def _today(ctx: _Ctx, m: re.Match[str]) -> _Found:
    before = set(clitic_variants(ctx.prev_word(m.start())))
    if ctx.published is None or before & {"مثل", "ذلك", "نفس", "حتي", "الي", "لغايه"}:
        return None
    shift = 2 if m["before"] or m.groupdict().get("before2") else 1 if m["yesterday"] else 0
    if m.groupdict().get("tomorrow"):
        shift = -2 if m["tomorrow"].startswith("بعد") else -1
    return DateValue(ctx.published - timedelta(days=shift)), True


def _weekday(ctx: _Ctx, m: re.Match[str]) -> _Found:
    pub, weekday = ctx.published, WEEKDAYS[m["wd"]]
    if pub is None:
        return None
    # "الاثنين" is also "the two": alone, trust it only where "both" cannot fit.
    alone = m["wd"] == "الاثنين" and not m["lead"] and not m["dir"]
    if alone and set(clitic_variants(ctx.prev_word(m.start()))) & {"بين", "كلا", "مع", "من", "الي", "علي"}:
        return None
    mode = _mode_of(m["dir"]) if m["dir"] else "next" if ctx.future(m.start()) else "auto"
    if mode == "next":
        return DateValue(weekday_after(pub, weekday)), True
    return DateValue(weekday_before(pub - timedelta(days=mode == "past"), weekday)), True


def _period(ctx: _Ctx, m: re.Match[str]) -> _Found:
    pub = ctx.published
    if pub is None:
        return None
    shift = SHIFT[m["adj"].removesuffix("ه")] if m["adj"] else 0
    if "شهر" in (m["u1"] or m["u3"] or ""):
        months = pub.year * 12 + pub.month - 1 + shift
        return DateValue(date(months // 12, months % 12 + 1, 1), Precision.MONTH), True
    return DateValue(date(pub.year + shift, 1, 1), Precision.YEAR), True


def _ago(ctx: _Ctx, m: re.Match[str]) -> _Found:  # "قبل يومين"، "منذ 3 أيام"، "قبل أيام"
    value = days_ago(ctx.published, "2" if m["two"] else m["n"]) if ctx.published else None
    return (value, True) if value else None


_Handler = Callable[[_Ctx, re.Match[str]], _Found]
_W = r"(?<!\w)"  # start of a word
_MF = "[" + "".join({w[0] for w in MONTHS}) + "وفبلك(]"  # what a month phrase may start with
# Each pattern opens with a look-ahead on its first character: it lets the regex
# engine skip most positions at once, which is most of the speed.
# fmt: off
_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple((re.compile(p), h) for p, h in (
    (rf"(?=[0-9مبوف]){_D_START}(?:{_W}[وف]?(?=من|بين))?(?P<m>(?:(?<![^\sوف])(?P<pre>من|بين) )?{_DAY.format('d')} ?(?:من )?{_mexpr('mo1')}(?: (?P<y1>{_YEAR}))?(?P<to> ?(?:الي|حتي|لغايه|و|-|–|—) ?){_DAY.format('d2')} ?(?:من )?{_mexpr('mo')}{_TAIL}?)", _range),
    (rf"(?=[0-9مبيوف]){_D_START}(?:{_W}[وف]?(?=من|بين|يومي))?(?P<m>(?:(?<![^\sوف])(?P<pre>من|بين|يومي) )?{_DAY.format('d')}(?P<to> ?(?:الي|حتي|لغايه|و|-|–|—) ?){_DAY.format('d2')} ?(?:من )?(?:شهر )?{_mexpr('mo')}{_TAIL}?)(?P<mo1>)(?P<y1>)", _range),
    (rf"(?=[0-9]){_D_START}(?P<m>{_DAY.format('d')} ?(?:من )?(?:شهر )?{_mexpr('mo')}{_TAIL}?)", _dated),
    (rf"(?=ال){_W}(?P<m>(?P<od>{_alt(ORDINALS)}) من ?(?:شهر )?{_mexpr('mo')}{_TAIL}?)", _dated),
    (rf"(?={_MF}){_W}[وفبلك]{{0,2}}(?P<m>(?P<sh>شهر )?{_mexpr('mo')}{_TAIL}?)", _dated),
    (rf"(?=[0-9])(?<![0-9/.\-])(?P<m>(?P<a>[0-3]?[0-9])(?P<s>[/.\-])(?P<b>[01]?[0-9])(?P=s)(?P<y>{_YEAR}))(?![/\-]|\.[0-9])", _numeric),
    (rf"(?=[0-9])(?<![0-9/.\-])(?P<m>(?P<y>{_YEAR})(?P<s>-)(?P<b>[01][0-9])-(?P<a>[0-3][0-9]))(?![0-9])", _numeric),
    (rf"(?=[وفبلعس]){_W}[وفب]?(?P<m>(?:ال|ل)?(?:عام|عامي|سنه) (?P<y>{_YEAR})(?: ?م(?!\w))?){_COUNT}", _numeric),
    (rf"(?=[وفمخحبقان]){_W}[وف]?(?:في|منذ|خلال|حتي|بحلول|قبل|بعد|مطلع|اواءل|اواخر|منتصف|بدايه|نهايه) (?P<m>(?P<y>{_YEAR})(?: ?م(?!\w))?){_COUNT}", _numeric),
    (rf"(?=[0-9]){_D_START}(?P<m>{_DAY.format('d')} ?(?:من )?(?:شهر )?(?P<hm>{_HM})(?: (?:عام |سنه )?(?P<y>1[34][0-9][0-9])(?![0-9]))?{_HSUFFIX})", _hijri),
    (rf"(?=[وفبلشمصرجذ]){_W}[وفبل]?(?P<m>(?:شهر )?(?P<hm>{_HM}) (?:من )?(?:عام |سنه )?(?P<y>1[34][0-9][0-9])(?![0-9]){_HSUFFIX})(?P<d>)", _hijri),
    (rf"(?=[وفصمظعلنياب]){_W}[وف]?(?P<m>(?:(?:{_TOD}|يوم) )?(?:(?P<before>اول) )?(?P<yesterday>(?:بال|ال)?امس|البارحه)(?!\w)(?(before)|(?: (?P<before2>الاول)(?!\w))?)(?: {_WD})?)", _today),
    (rf"(?=[وفصمظعلنها]){_W}[وف]?(?P<m>(?:{_TOD} )?(?:هذا )?اليوم(?!\w)(?! (?:التالي|السابق|الاول|الثاني|الثالث|الاخير|العالمي|الوطني|الدولي|نفسه|ذاته|الذي|الموعود|المحدد|الواحد)(?!\w))(?: {_WD})?)(?P<before>)(?P<yesterday>)", _today),
    (rf"(?=[وفبغ]){_W}[وف]?(?P<m>(?:{_TOD} )?(?P<tomorrow>(?:بعد )?غد|غدا)(?!\w)(?: {_WD})?)(?P<before>)(?P<yesterday>)", _today),
    (rf"(?=[وفبصمظعلنيا]){_W}[وفب]?(?P<m>(?P<lead>(?:{_TOD} )?يوم |{_TOD} )?(?P<wd>{_alt(WEEKDAYS)})(?!\w)(?: (?P<dir>{_ADJ})(?!\w))?)", _weekday),
    (rf"(?=[وفقم]){_W}[وف]?(?P<m>(?:قبل|منذ) (?:(?P<two>يومين)|(?P<n>[2-6]|{_alt(COUNT_WORDS)}) ايام|(?:بضعه |عده )?ايام(?: قليله)?)(?!\w))", _ago),
    (rf"(?=[وفبلها]){_W}[وف]?[بل]?(?P<m>هذا (?P<u1>الشهر|العام)|هذه السنه|(?:ال|ل)(?P<u3>شهر|عام|سنه) (?P<adj>{_ADJ}))(?!\w)", _period),
))
# fmt: on
_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
_JOINER = re.compile(r"[\s،,]*")
_EXPLICIT = (_dated, _range, _numeric)


def find_dates(
    text: str, published: date | None, normalized: tuple[str, list[int]] | None = None
) -> list[DateMention]:
    """Every temporal expression in ``text``, sorted by start and non-overlapping.

    Relative expressions resolve against ``published`` and are skipped without it.
    ``normalized``: ``normalize_with_offsets(text)``, when the caller has it already.

    >>> [(d.text, d.value.start.isoformat()) for d in find_dates("اتصل بوتين أمس السبت بشي", date(2024, 1, 28))]
    [('أمس السبت', '2024-01-27')]
    >>> [(d.text, str(d.value.precision)) for d in find_dates("في أيلول/سبتمبر ٢٠٢٣", None)]
    [('أيلول/سبتمبر ٢٠٢٣', 'month')]
    """
    key, offsets = normalized if normalized is not None else normalize_with_offsets(text)
    ctx = _Ctx(text, key, offsets, published)
    found: list[_Candidate] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(key):
            ctx.guessed = False
            try:
                result = handler(ctx, match)
            except (ValueError, OverflowError):  # "last year" in year 1, "tomorrow" on 31/12/9999
                result = None
            if result is not None:
                start, end = offsets[match.start("m")], offsets[match.end("m")]
                found.append(_Candidate(start, end, result[0], result[1], handler, ctx.guessed))
    chosen: list[_Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= other.start or other.end <= cand.start for other in chosen):
            chosen.append(cand)
    chosen = _tidy(text, sorted(chosen, key=lambda c: c.start))
    return [DateMention(c.start, c.end, text[c.start : c.end], c.value, c.relative) for c in chosen]


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    value: DateValue
    relative: bool
    handler: _Handler = field(repr=False)
    guessed: bool = False


def _tidy(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    # Fold a weekday into the date it introduces ("الأحد، 7 يناير"); a guessed year yields
    # to one an earlier phrase of the sentence names ("هذا العام ... في مايو").
    out: list[_Candidate] = []
    for cand in chosen:
        prev = out[-1] if out else None
        gap = text[prev.end if prev else 0 : cand.start]
        joins = prev is not None and prev.handler is _weekday and cand.handler in _EXPLICIT
        if joins and cand.value.precision is Precision.DAY and _JOINER.fullmatch(gap):
            cand.start = prev.start
            out.pop()
        if cand.guessed and cand.value.end is None:
            for anchor in reversed(out):
                if _SENTENCE_END.search(text, anchor.end, cand.start):
                    break
                if anchor.value.precision is Precision.YEAR:
                    moved = _safe_date(anchor.value.start.year, cand.value.start.month, cand.value.start.day)
                    if moved:
                        cand.value = DateValue(moved, cand.value.precision)
                    break
        if out and cand.value.end is None and _SAME_YEAR.match(normalize_key(text[cand.end : cand.end + 24])):
            # "في يونيو من العام نفسه": the year of the date before it.
            moved = _safe_date(out[-1].value.start.year, cand.value.start.month, cand.value.start.day)
            cand.value = DateValue(moved, cand.value.precision) if moved else cand.value
        out.append(cand)
    return out


_SAME_YEAR = re.compile(r"\W*(?:من |في )?(?:(?:العام|السنه) (?:نفسه|نفسها|ذاته|ذاتها)|نفس (?:العام|السنه))")


def month_number(word: str) -> int | None:
    """The Gregorian month a word names, in any regional spelling, clitics allowed.

    >>> month_number("بنوفمبر"), month_number("كانون الثاني"), month_number("إبريل"), month_number("رمضان")
    (11, 1, 4, None)
    """
    first, *rest = normalize_key(word).split(" ")
    names = (" ".join([variant, *rest]) for variant in (clitic_variants(first) if first else ()))
    return next((MONTHS[name] for name in names if name in MONTHS), None)
