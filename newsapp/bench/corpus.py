"""A realistic, seeded corpus of Arabic diplomacy news for benchmarks.

Same seed, same corpus: every choice comes from one ``random.Random(seed)``.
The corpus is built in three layers:

1. **People.** The real catalog (``fixtures/catalog``) plus generated people with
   plausible Arabic names and offices ("وزير الاقتصاد المصري أحمد الخطيب"), up to
   the requested number of entities. Popularity is Zipf-like: the catalog's
   first leaders (Xi, Biden, Putin, Trump ...) appear in most articles.
2. **Events.** ``meetings`` real-world events (call, video, meeting, visit)
   between two people chosen by popularity, with a date and, for meetings and
   visits, a city.
3. **Articles.** Each event is reported by at least one article, popular ones by
   several (the ingest keeps one meeting per event). A body of 2–4 KB mixes the
   meeting sentence (its date as "اليوم", "أمس" or "8 فبراير/شباط 2024" in a
   regional month form) with background sentences naming popular leaders.

Nothing here touches the database; :mod:`newsapp.bench.load` writes it.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from newsapp.nlp.catalog_files import CatalogRecord, catalog_paths, read_records
from newsapp.nlp.types import AliasKind, EntityKind, Office
from newsapp.services.readers import ArticleInput

from . import words

CATALOG = Path(__file__).resolve().parent.parent.parent / "fixtures" / "catalog"
FIRST_DAY = date(2018, 1, 1)
LAST_DAY = date(2025, 6, 30)
KIND_WEIGHTS = {"call": 35, "video": 10, "meeting": 40, "visit": 15}
# Offices whose title the text may use before a real person's name.
TITLED_OFFICES = {
    Office.HEAD_OF_STATE,
    Office.HEAD_OF_GOVERNMENT,
    Office.FOREIGN_MINISTER,
    Office.CROWN_PRINCE,
    Office.VICE_PRESIDENT,
}


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    country: str | None
    # (title with demonym, start, end): what the news calls them on a given day.
    titles: tuple[tuple[str, date | None, date | None], ...] = ()

    def phrase(self, day: date) -> str:
        for title, start, end in self.titles:
            if (start is None or start <= day) and (end is None or day < end):
                return f"{title} {self.name}"
        return self.name


@dataclass(frozen=True)
class Event:
    kind: str
    a: Person  # the caller, the visitor
    b: Person  # the host
    day: date
    city: str | None = None
    country: str | None = None  # the visited country's name


@dataclass
class Corpus:
    """The generated catalog additions, events and a lazy stream of articles."""

    seed: int
    people: list[Person]
    new_records: list[dict[str, Any]]
    events: list[Event]
    articles: int
    countries: dict[str, str] = field(default_factory=dict)  # slug → name
    _demonyms: dict[str, str] = field(default_factory=dict)
    _capitals: dict[str, str] = field(default_factory=dict)

    def stream(self, start: int = 0, stop: int | None = None) -> Iterator[ArticleInput]:
        """Articles ``start``..``stop`` (each one reproducible by its number alone)."""
        stop = self.articles if stop is None else stop
        weights = list(itertools.accumulate(_zipf(len(self.events), 0.6)))
        for number in range(start, stop):
            rng = random.Random(f"{self.seed}:{number}")
            if number < len(self.events):
                event = self.events[number]
            else:
                event = rng.choices(self.events, cum_weights=weights)[0]
            yield self._article(number, event, rng)

    def _article(self, number: int, event: Event, rng: random.Random) -> ArticleInput:
        lag = rng.choices((0, 1, 2, 3), weights=(30, 40, 20, 10))[0]
        published = event.day + timedelta(days=lag)
        source, domain, _country = rng.choice(words.SOURCES)
        when = _when(event.day, lag, rng)
        template = rng.choice(words.MEETING_SENTENCES[event.kind])
        lead = template.format(
            a=event.a.phrase(event.day),
            b=event.b.phrase(event.day),
            when=when,
            city=event.city or "",
            country=event.country or "",
        )
        if rng.random() < 0.4:
            lead = f"{lead[:-1]}، {rng.choice(words.REPORTERS).format(source=source)}."
        sentences = [lead]
        target = rng.randint(2000, 4000)
        size = len(sentences[0].encode())
        popular = [event.a, event.b]
        while size < target:
            sentence = self._background(rng, popular, published)
            sentences.append(sentence)
            size += len(sentence.encode()) + 1
        paragraphs = ["".join(" " + s if i % 3 else "\n" + s for i, s in enumerate(sentences)).strip()]
        headline = rng.choice(words.HEADLINES).format(a=event.a.name, b=event.b.name)
        return ArticleInput(
            origin=f"corpus#{number}",
            body="\n".join(paragraphs),
            title=headline,
            published_on=published,
            source=source,
            source_url=f"https://{domain}/",
            url=f"https://{domain}/news/{self.seed}/{number}",
        )

    def _background(self, rng: random.Random, involved: list[Person], day: date) -> str:
        template = rng.choice(words.BACKGROUND_SENTENCES)
        person = rng.choice(involved) if rng.random() < 0.3 else _pick(rng, self.people)
        c1, c2 = rng.sample(sorted(self.countries.values()), 2)
        return template.format(p=person.phrase(day), c1=c1, c2=c2, n=rng.randint(2, 90))


def _zipf(n: int, exponent: float) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(n)]


_WEIGHTS_CACHE: dict[int, list[float]] = {}


def _pick(rng: random.Random, people: list[Person]) -> Person:
    cumulative = _WEIGHTS_CACHE.get(len(people))
    if cumulative is None:
        cumulative = _WEIGHTS_CACHE[len(people)] = list(itertools.accumulate(_zipf(len(people), 1.1)))
    return rng.choices(people, cum_weights=cumulative)[0]


def _when(day: date, lag: int, rng: random.Random) -> str:
    if lag == 0 and rng.random() < 0.7:
        return "اليوم"
    if lag == 1 and rng.random() < 0.7:
        return "أمس"
    egypt, levant, maghreb = words.MONTHS[day.month - 1]
    month = rng.choice((egypt, f"{egypt}/{levant}", levant, maghreb))
    return f"في {day.day} {month} {day.year}"


def _demonym(record: CatalogRecord) -> str | None:
    for alias in record.entity.aliases:
        if alias.kind == AliasKind.DEMONYM and not alias.text.endswith("ة"):
            return alias.text
    return None


def _real_people(records: list[CatalogRecord], demonyms: dict[str, str]) -> list[Person]:
    people = []
    for record in records:
        if record.entity.kind != EntityKind.PERSON:
            continue
        titles = tuple(
            (f"{p.title} {demonyms[p.of]}", p.start, p.end)
            for p in record.positions
            if p.office in TITLED_OFFICES and p.of in demonyms and p.title in {"الرئيس", "وزير الخارجية"}
        )
        people.append(Person(record.entity.slug, record.entity.name, record.entity.country, titles))
    return people


def _generated_people(
    rng: random.Random, count: int, countries: list[str], demonyms: dict[str, str], taken: set[str]
) -> tuple[list[Person], list[dict[str, Any]]]:
    names = list(itertools.product(words.FIRST_NAMES, words.LAST_NAMES))
    rng.shuffle(names)
    people: list[Person] = []
    records: list[dict[str, Any]] = []
    for (first, first_en), (last, last_en) in names:
        if len(people) >= count:
            break
        name = f"{first} {last}"
        if name in taken:
            continue
        taken.add(name)
        country = rng.choice(countries)
        office = rng.choice(words.OFFICES)
        slug = f"gen-{first_en}-{last_en}".replace("--", "-")
        records.append(
            {
                "slug": slug,
                "kind": "person",
                "name": name,
                "name_en": f"{first_en.title()} {last_en.title()}",
                "country": country,
                "aliases": [],
                "positions": [
                    {"office": "other", "of": country, "title": office, "start": None, "end": None}
                ],
            }
        )
        people.append(Person(slug, name, country, ((f"{office} {demonyms[country]}", None, None),)))
    return people, records


def build_corpus(*, articles: int, meetings: int, entities: int, seed: int = 1) -> Corpus:
    """The corpus for these sizes and seed; ``entities`` counts the real catalog too."""
    rng = random.Random(seed)
    records = list(read_records(catalog_paths(CATALOG)))
    demonyms = {
        r.entity.slug: d for r in records if r.entity.kind == EntityKind.COUNTRY and (d := _demonym(r))
    }
    country_names = {r.entity.slug: r.entity.name for r in records if r.entity.kind == EntityKind.COUNTRY}
    capitals = {r.entity.country: r.entity.name for r in records if r.entity.is_capital and r.entity.country}
    cities = sorted(capitals.values())
    people = _real_people(records, demonyms)
    taken = {r.entity.name for r in records} | {a.text for r in records for a in r.entity.aliases}
    generated, new_records = _generated_people(
        rng, max(entities - len(records), 0), sorted(demonyms), demonyms, taken
    )
    # Leaders first (the catalog's order puts the most reported first), generated people last.
    people = people + generated
    weights = list(itertools.accumulate(_zipf(len(people), 1.1)))
    span = (LAST_DAY - FIRST_DAY).days
    events: list[Event] = []
    for _ in range(meetings):
        a, b = rng.choices(people, cum_weights=weights, k=2)
        while b.slug == a.slug:
            b = rng.choices(people, cum_weights=weights)[0]
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        day = FIRST_DAY + timedelta(days=rng.randint(0, span))
        city = country = None
        if kind == "meeting":
            city = capitals.get(b.country or "") or rng.choice(cities)
        elif kind == "visit" and b.country in capitals and b.country != a.country:
            city, country = capitals[b.country], country_names.get(b.country, "")
        else:
            kind = "call" if kind == "visit" else kind
        events.append(Event(kind, a, b, day, city, country))
    return Corpus(
        seed=seed,
        people=people,
        new_records=new_records,
        events=events,
        articles=articles,
        countries=country_names,
        _demonyms=demonyms,
        _capitals=capitals,
    )
