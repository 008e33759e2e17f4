"""Meetings: who called, met or visited whom, when and where, read sentence by sentence.

For each sentence the triggers (:mod:`newsapp.nlp.triggers`) are grouped into
clusters, one per event: a date between two triggers, or a trigger of another
family (a call after a meeting), starts a new one ("تحدثا عبر الهاتف في يوليو
2022، التقى الزعيمان في بالي في نوفمبر 2022 وعقدا اجتماع قمة في نوفمبر من العام
الماضي" is three events). Each cluster takes its date, its participants (named,
by title resolved on that date, "نظيره الروسي", "الزعيمان", or the subject of
the previous sentence), its place and its occasion; then
:mod:`newsapp.nlp.merging` merges the mentions of one event.

Which date a contact takes is :mod:`newsapp.nlp.contact_dates`' policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from .bystanders import mark_attendees
from .circumstances import location, occasion
from .clauses import clause_of, counted_from, listed_objects
from .contact_dates import DateAt, ReadSentence, borrowed_date, is_news_day, own_date
from .cues import BACKGROUND, DURING, FOR_FORUM, GROUP_OBJECT, OBJECT_PRONOUN, VISIT_CLAUSE
from .hosting import dateline, place_country, settle_visits
from .matcher import Matcher
from .merging import Candidate, member, merge_candidates
from .participants import Person, Resolver
from .references import Reference, Scan
from .sentences import clause_breaks, locate, split_sentences
from .splitting import one_per_counterpart, per_date
from .status import Verdict, verdict
from .triggers import Trigger, find_triggers, usable_triggers
from .types import (
    DateMention,
    FoundMeeting,
    MeetingKind,
    MeetingStatus,
    Participant,
)

_PUNCT = re.compile(r"[،,؛;:\"“”«»]")
_DURING_REACH = 14
_ALSO_BEFORE = re.compile(r"(?<!\w)كما\s+$")
_ALSO_AFTER = re.compile(r"(?<!\w)(?:كذلك|ايضا)(?!\w)")
_SAME_DAY = re.compile(r"(?<!\w)(?:اليوم (?:نفسه|ذاته)|نفس اليوم)(?!\w)")
_ONWARD = re.compile(r"[وف][يت]?توجه")
# The sentences that may hold the dateline: a headline cut at ".." comes first.
_HEAD_SENTENCES = 4
_ARRIVED = re.compile(r"(?<!\w)[وف]?(?:وصل|حل)(?:ت|ا|وا)?(?!\w)")


@dataclass(slots=True)
class _Cluster:
    triggers: list[Trigger]
    start: int = 0  # key span of the cluster within its sentence
    end: int = 0
    # "كما التقى X، وY": guests listed after a verb whose subject was told before, one event each.
    listed: bool = False

    @property
    def kind(self) -> MeetingKind | None:
        kinds = {t.kind for t in self.triggers}
        for kind in (MeetingKind.VIDEO, MeetingKind.CALL, MeetingKind.VISIT, MeetingKind.MEETING):
            if kind in kinds:
                return kind
        return None

    @property
    def strong(self) -> bool:
        return any(t.strong and not t.modifier for t in self.triggers) or all(
            t.modifier and t.strong and t.kind != MeetingKind.MEETING for t in self.triggers
        )


def find_meetings(scan: Scan, dates: list[DateMention], matcher: Matcher) -> list[FoundMeeting]:
    """Every meeting the text reports, one per real-world event.

    "التقى الرئيس الصيني شي جين بينغ بنظيره الأمريكي جو بايدن في 14 نوفمبر في بالي"
    → one meeting, 2022-11-14 (day), participants Xi and Biden, location Bali.
    """
    return _Reader(scan, dates, matcher).read()


class _Reader:
    def __init__(self, scan: Scan, dates: list[DateMention], matcher: Matcher) -> None:
        self.scan, self.key, self.matcher = scan, scan.key, matcher
        self.resolver = Resolver(scan, matcher)
        self.candidates: list[Candidate] = []
        self.sentences: list[ReadSentence] = []
        for sentence in split_sentences(scan.text):
            start, end = scan.key_index(sentence.start), scan.key_index(sentence.end)
            self.sentences.append(ReadSentence(sentence, start, end))
        spans = [(s.start, s.end) for s in self.sentences]
        for ref in scan.references:
            index = locate(spans, ref.key_start)
            if index is not None:
                self.sentences[index].refs.append(ref)
        for sentence in self.sentences:
            sentence.refs = mark_attendees(self.key, sentence.refs, sentence.start, sentence.end)
        self.triggers = usable_triggers(self.key, find_triggers(self.key), self.scan.references)
        for mention in dates:
            start, end = scan.key_index(mention.start), scan.key_index(mention.end)
            index = locate(spans, start)
            if index is not None and not counted_from(self.key, start, self.triggers, end):
                self.sentences[index].dates.append(DateAt(start, end, mention))
        # The day of the article's news ("اليوم"، "أمس"): "كما تلقى سموه اتصالاً" happened then too.
        self.news_day: DateAt | None = None
        # The date of the latest event told with a date of its own (not as background): "والتقى شي
        # كذلك ..."، "كما التقى ..." add one more meeting to that occasion.
        self.lead_day: DateAt | None = None
        # The date of the latest event read, for "في اليوم نفسه" (the same day as the one just told).
        self.last_day: DateAt | None = None

    def read(self) -> list[FoundMeeting]:
        position = 0
        for number, sentence in enumerate(self.sentences):
            own: list[Trigger] = []
            while position < len(self.triggers) and self.triggers[position].start < sentence.end:
                if self.triggers[position].start >= sentence.start:
                    own.append(self.triggers[position])
                position += 1
            if own:
                self._read_sentence(number, sentence, own)
            self.resolver.remember(sentence.refs, sentence.start)
        published = self.scan.published
        place_of = partial(place_country, self.matcher)
        heads = [(s.start, s.end, s.refs) for s in self.sentences[:_HEAD_SENTENCES]]
        settled = settle_visits(
            self.candidates, self.key, self.resolver.country, place_of, dateline(self.key, heads, place_of),
            published, self.scan.key_index,
        )  # fmt: skip
        return merge_candidates(settled, published)

    # --- one sentence --------------------------------------------------------

    def _read_sentence(self, number: int, sentence: ReadSentence, triggers: list[Trigger]) -> None:
        clusters = self._clusters(sentence, triggers)
        pending: list[tuple[_Cluster, DateAt | None]] = []
        for cluster in clusters:
            pending.append((cluster, own_date(self.key, sentence, cluster, self.triggers)))
        previous: list[Participant] = []
        told: DateAt | None = None
        background = BACKGROUND.search(self.key, sentence.start, sentence.end) is not None
        for cluster, found in pending:
            if found is not None and cluster.strong and not background:
                self.lead_day = found
            if found is None and _SAME_DAY.search(self.key, cluster.start, cluster.end):
                found = self.last_day
            # "زار موسكو الخميس، حيث التقى نظيره، كما استقبله الرئيس": the same trip's day.
            if found is None and told is not None and cluster.strong and self._also(cluster):
                found = told
            # "سيلتقي بوتين": a contact still ahead takes no date told for what already happened.
            ahead = any(t.future for t in cluster.triggers)
            if found is None and cluster.strong and not ahead:
                found = borrowed_date(self.key, self.sentences, number, self.triggers)
            if found is None and cluster.strong and not background and not ahead:
                found = self.news_day
            if found is None and cluster.strong and not background and self._also(cluster):
                found = self.lead_day
            candidate = self._candidate(sentence, cluster, found, previous)
            if candidate is None:
                continue
            dated = [(d.start, d.end, d.mention.value) for d in sentence.dates]
            omitted = None
            if len(dated) > 1:
                day = candidate.date.start if candidate.date else self.scan.published
                omitted = self.resolver.subject_before(sentence.refs, cluster.triggers[0].start, day)
            for one in per_date(candidate, cluster.triggers[-1].end, cluster.end, dated, omitted):
                self.candidates.extend(self._separately(one, cluster))
            if (
                found is not None
                and candidate.status == MeetingStatus.HELD
                and is_news_day(found, self.scan.published)
            ):
                self.news_day = found
            previous = candidate.participants
            if found is not None:
                found.used = True
                self.last_day = told = found
            sentence.reported = True

    def _clusters(self, sentence: ReadSentence, triggers: list[Trigger]) -> list[_Cluster]:
        clusters: list[_Cluster] = []
        for trigger in triggers:
            if not clusters:
                clusters.append(_Cluster([trigger]))
                continue
            current = clusters[-1]
            last = current.triggers[-1]
            dated = any(last.end <= d.start and d.end <= trigger.start for d in sentence.dates)
            conflict = (
                trigger.kind is not None
                and current.kind is not None
                and (trigger.kind in (MeetingKind.CALL, MeetingKind.VIDEO))
                != (current.kind in (MeetingKind.CALL, MeetingKind.VIDEO))
            )
            punct = bool(_PUNCT.search(self.key, last.end, trigger.start))
            # "يلتقي السيسي بالعلمين ويتوجه إلى الدوحة": the subject then leaves for another place,
            # which is no place of the meeting told before; a trip of its own.
            onward = (
                current.kind == MeetingKind.MEETING
                and trigger.kind == MeetingKind.VISIT
                and _ONWARD.match(self.key, trigger.start) is not None
            )
            if onward:
                clusters.append(_Cluster([trigger]))
            elif conflict and not current.strong and all(t.modifier for t in current.triggers):
                clusters[-1] = _Cluster([trigger])  # "عقب القمة اتصالاً": the summit only dates the call
            elif trigger.another:
                clusters.append(_Cluster([replace(trigger, kind=trigger.kind or current.kind)]))
            elif (
                trigger.modifier
                or self._part_of_visit(current, trigger)
                or not (dated or conflict or (punct and trigger.strong))
                or not conflict
                and not current.strong
                and all(t.modifier for t in current.triggers)
            ):
                current.triggers.append(trigger)
            else:
                clusters.append(_Cluster([trigger]))
        start = sentence.start
        for index, cluster in enumerate(clusters):
            cluster.start = start
            if index + 1 < len(clusters):
                following = clusters[index + 1].triggers[0].start
                breaks = clause_breaks(self.key, cluster.triggers[-1].end, following)
                start = breaks[-1] if breaks else following
                cluster.end = start
            else:
                cluster.end = sentence.end
        return clusters

    def _part_of_visit(self, current: _Cluster, trigger: Trigger) -> bool:
        """ "استقبل ... ضيفه الذي يقوم بزيارة رسمية"، "وصل إلى جدة، حيث استقبله ...": one visit."""
        if trigger.kind == MeetingKind.VISIT and current.kind in (MeetingKind.MEETING, None):
            return bool(VISIT_CLAUSE.search(self.key, max(0, trigger.start - 40), trigger.start))
        if current.kind != MeetingKind.VISIT or trigger.kind not in (MeetingKind.MEETING, None):
            return False
        if _ALSO_BEFORE.search(self.key, max(0, trigger.start - 6), trigger.start):
            return False  # "حيث أجرى مباحثات مع نظيره، كما استقبله الرئيس": one more host, seen apart
        if not trigger.verb:  # "بزيارة إلى موسكو، أجرى خلالها مباحثات": the talks of that visit
            return bool(DURING.search(self.key, max(0, trigger.start - _DURING_REACH), trigger.start))
        present = trigger.future or self.key[trigger.start : trigger.start + 2].lstrip("وف")[:1] in "يتن"
        if present and not any(t.kind == MeetingKind.VISIT and self._planned(t) for t in current.triggers):
            return False  # "يلتقي خلالها غداً": a later meeting of a trip under way, unless it is all ahead
        near = self.key[max(0, trigger.start - 8) : trigger.end + 10]
        return bool(OBJECT_PRONOUN.search(self.key, trigger.start, trigger.end) or DURING.search(near))

    def _planned(self, trigger: Trigger) -> bool:
        start = max(0, trigger.start - 60)
        return (
            trigger.future
            or verdict(self.key, trigger.start, trigger.end, start, trigger.end + 40) == Verdict.PLANNED
        )

    def _separately(self, candidate: Candidate, cluster: _Cluster) -> list[Candidate]:
        day = candidate.date.start if candidate.date else self.scan.published
        return one_per_counterpart(
            self.key, candidate, (cluster.start, cluster.end), cluster.triggers,
            lambda slug: self.resolver.country(slug, day), listed=cluster.listed,
        )  # fmt: skip

    def _subjectless_list(
        self, cluster: _Cluster, lead: Trigger, refs: list[Reference], window: tuple[int, int]
    ) -> bool:
        """ "كما التقى رئيس الوزراء العراقي X، والرئيس التونسي Y": one more contact of the occasion
        just told, its subject left out (:func:`newsapp.nlp.clauses.listed_objects`)."""
        return self._also(cluster) and listed_objects(self.key, lead, refs, window, self.triggers)

    def _also(self, cluster: _Cluster) -> bool:
        """ "كما التقى"، "والتقى شي كذلك"، "التقى أيضاً": one more contact of the occasion just told."""
        first, last = cluster.triggers[0], cluster.triggers[-1]
        return bool(
            _ALSO_BEFORE.search(self.key, max(0, first.start - 6), first.start)
            or _ALSO_AFTER.search(self.key, last.end, min(cluster.end, last.end + 20))
        )

    def _candidate(
        self, sentence: ReadSentence, cluster: _Cluster, found: DateAt | None, previous: list[Participant]
    ) -> Candidate | None:
        lead = next((t for t in cluster.triggers if not t.modifier), cluster.triggers[0])
        judged = verdict(self.key, lead.start, lead.end, sentence.start, sentence.end)
        if judged == Verdict.DROP:
            return None
        value = found.mention.value if found else None
        day: date | None = value.start if value else self.scan.published
        status = MeetingStatus.HELD
        published = self.scan.published
        if (
            judged == Verdict.PLANNED
            or any(t.future for t in cluster.triggers)
            or value is not None
            and published is not None
            and value.start > published
        ):
            status = MeetingStatus.PLANNED
        span, triggers = (cluster.start, cluster.end), cluster.triggers
        window = clause_of(self.key, span, triggers[0], triggers[-1], sentence.refs, self.triggers)
        kind = cluster.kind
        people = self.resolver.participants(
            sentence.refs, window, (cluster.start, cluster.end), cluster.triggers, day, previous,
            carry=cluster.strong
            and not any(t.first_person for t in cluster.triggers)
            and not all(t.modifier for t in cluster.triggers),
        )  # fmt: skip
        if not cluster.strong and (value is None or people.carried or len(people.persons) < 2):
            return None
        if self._subjectless_list(cluster, lead, sentence.refs, window):
            subject = self.resolver.subject_before(sentence.refs, lead.start, day)
            if subject is not None and not any(
                member(p.participant) == member(subject) for p in people.persons
            ):
                people.persons.insert(0, Person(subject, -1))
                people.carried = cluster.listed = True
        if people.carried and GROUP_OBJECT.match(self.key, lead.end):
            return None  # "يلتقي خلالها قادة هذه الدول": nobody named on the other side
        host = None
        if kind == MeetingKind.VISIT:
            visit = next(t for t in cluster.triggers if t.kind == MeetingKind.VISIT)
            host = self.resolver.host_country(sentence.refs, visit.start, cluster.end)
            # "وصلت ... إلى الجزائر في زيارة": the destination told before the word.
            if host is None and _ARRIVED.search(self.key, cluster.start, visit.start):
                host = self.resolver.host_country(sentence.refs, cluster.start, visit.start)
            if host is None and any(t.kind == MeetingKind.MEETING for t in cluster.triggers):
                kind = MeetingKind.MEETING  # "زار السراي الحكومي حيث التقى": a building, not a country
            elif FOR_FORUM.search(self.key, visit.end, min(cluster.end, visit.end + 70)):
                kind = MeetingKind.MEETING  # "الذي يزور مسقط للمشاركة في مؤتمر": a guest of a conference
        if kind == MeetingKind.VISIT:
            persons = self.resolver.visit_roles(people.persons, host, day, sentence.refs)
            if not persons or (host is None and len(persons) < 2):
                return None
        else:
            persons = self.resolver.reception_roles(people.persons, cluster.triggers, sentence.refs)
            if len(persons) < 2:
                return None
        text = self.scan.text
        return Candidate(
            spots={member(p.participant): p.position for p in people.persons},
            kind=kind,
            date=value,
            status=status,
            participants=persons,
            evidence=text[sentence.sentence.start : sentence.sentence.end],
            evidence_start=sentence.sentence.start,
            evidence_end=sentence.sentence.end,
            location=location(
                self.matcher,
                self.key,
                sentence.refs,
                (cluster.start, cluster.end),
                host if kind == MeetingKind.VISIT else None,
            ),
            occasion=occasion(self.matcher, self.key, sentence.refs, (cluster.start, cluster.end)),
            span=(cluster.start, cluster.end),
        )
