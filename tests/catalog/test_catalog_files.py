"""The entity catalog under fixtures/catalog/ is consistent, complete where it promises to be.

Pure checks on the JSON files (no database): they parse with the pipeline's own
reader, slugs are clean and unique, no spelling silently names two entities,
every position points at something real and no office has two holders at once.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from newsapp.nlp.catalog_files import CatalogRecord, catalog_paths, load_gazetteer, read_records
from newsapp.nlp.normalize import normalize_key
from newsapp.nlp.types import AliasKind, EntityKind, Office

CATALOG = Path(__file__).resolve().parents[2] / "fixtures" / "catalog"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Every person named in the seed articles (fixtures/seeds/).
SEED_PERSONS = [
    "xi-jinping", "joe-biden", "kamala-harris", "vladimir-putin", "donald-trump", "wang-yi",
    "jake-sullivan", "john-kirby", "yuri-ushakov", "volodymyr-zelensky", "parnpree-bahiddha-nukara",
    "antony-blinken", "janet-yellen", "tucker-carlson", "kim-jong-un",
]  # fmt: skip
SEED_PLACES_AND_BODIES = [
    "bangkok", "bali", "san-francisco", "woodside", "california", "astana", "taiwan", "gaza-strip",
    "south-china-sea", "taiwan-strait", "great-hall-of-the-people", "hong-kong", "korean-peninsula",
    "beijing", "moscow", "washington", "g20", "apec", "sco", "white-house", "kremlin",
    "chinese-foreign-ministry", "xinhua", "tass", "reuters", "cnn", "afp",
]  # fmt: skip
FORUMS = [
    "g20", "g7", "apec", "sco", "brics", "asean", "arab-league", "united-nations", "un-general-assembly",
    "un-security-council", "european-union", "european-commission", "nato", "african-union", "gcc",
    "oic", "opec", "world-economic-forum", "cop",
]  # fmt: skip
G20 = [
    "argentina", "australia", "brazil", "canada", "china", "france", "germany", "india", "indonesia",
    "italy", "japan", "mexico", "russia", "saudi-arabia", "south-africa", "south-korea", "turkey",
    "united-kingdom", "united-states",
]  # fmt: skip
ARAB_LEAGUE = [
    "algeria", "bahrain", "comoros", "djibouti", "egypt", "iraq", "jordan", "kuwait", "lebanon", "libya",
    "mauritania", "morocco", "oman", "palestine", "qatar", "saudi-arabia", "somalia", "sudan", "syria",
    "tunisia", "united-arab-emirates", "yemen",
]  # fmt: skip
CHECK_DATES = [date(2020, 1, 1), date(2023, 6, 1), date(2025, 6, 1)]
# Offices that really stood empty on a checked date; anything else missing is a gap in the data.
VACANT = {
    # Between Michel Aoun (left 2022-10-31) and Joseph Aoun (elected 2025-01-09).
    ("lebanon", Office.HEAD_OF_STATE, date(2023, 6, 1)),
}
# Palestine has no capital entity: its claimed capital, Jerusalem, is in the
# catalog as a place without a country, and Ramallah is only the seat of government.
NO_CAPITAL = {"palestine"}
EXAMPLE_DEMONYMS = {
    "united-states": {"الأمريكي", "الأمريكية", "الأميركي", "الأميركية"},
    "russia": {"الروسي", "الروسية"},
    "china": {"الصيني", "الصينية"},
    "egypt": {"المصري"},
    "saudi-arabia": {"السعودي"},
    "united-arab-emirates": {"الإماراتي"},
    "thailand": {"التايلاندي", "التايلندي"},
    "indonesia": {"الإندونيسي"},
    "kazakhstan": {"الكازاخستاني"},
    "united-kingdom": {"البريطاني"},
}


@cache
def records() -> tuple[CatalogRecord, ...]:
    return tuple(read_records(catalog_paths(CATALOG)))


@cache
def by_slug() -> dict[str, CatalogRecord]:
    return {r.entity.slug: r for r in records()}


@cache
def raw_entities() -> tuple[dict[str, Any], ...]:
    return tuple(
        e for path in catalog_paths(CATALOG) for e in json.loads(path.read_text("utf-8"))["entities"]
    )


def spellings(record: CatalogRecord) -> list[tuple[str, bool, bool]]:
    """(key, ambiguous, is_canonical) for the canonical name and every alias."""
    entity = record.entity
    return [(normalize_key(entity.name), False, True)] + [
        (normalize_key(a.text), a.ambiguous, False) for a in entity.aliases
    ]


def holders_by_key(kinds: set[EntityKind]) -> dict[str, list[tuple[str, bool, bool]]]:
    out: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
    for record in records():
        if record.entity.kind in kinds:
            for key, ambiguous, canonical in dict.fromkeys(spellings(record)):
                out[key].append((record.entity.slug, ambiguous, canonical))
    return out


def unflagged_clashes(kinds: set[EntityKind]) -> dict[str, list[str]]:
    """Keys naming several entities where some alias is not flagged ambiguous.

    A canonical name cannot carry a flag, so at most one of the entities may
    have the key as its canonical name; all the others must hold it as an
    ambiguous alias.
    """
    clashes = {}
    for key, holders in holders_by_key(kinds).items():
        slugs = {slug for slug, _, _ in holders}
        if len(slugs) < 2:
            continue
        canonical = [h for h in holders if h[2]]
        unflagged = [h for h in holders if not h[1] and not h[2]]
        if unflagged or len(canonical) > 1:
            clashes[key] = sorted(slugs)
    return clashes


@pytest.mark.parametrize("path", catalog_paths(CATALOG), ids=lambda p: p.name)
def test_every_catalog_file_parses_with_the_pipeline_reader(path):
    assert list(read_records([path]))


def test_the_gazetteer_loads_from_the_folder():
    gazetteer = load_gazetteer(CATALOG)
    assert len(gazetteer.entities) == len(records()) > 600
    assert gazetteer.holders(Office.HEAD_OF_STATE, "united-states", date(2024, 4, 2)) == ["joe-biden"]
    assert gazetteer.holders(Office.HEAD_OF_STATE, "united-states", date(2025, 2, 1)) == ["donald-trump"]


def test_slugs_are_unique_lowercase_ascii():
    slugs = [r.entity.slug for r in records()]
    assert len(slugs) == len(set(slugs)), sorted(s for s in set(slugs) if slugs.count(s) > 1)
    assert [s for s in slugs if not SLUG.match(s)] == []


def test_every_entity_has_an_arabic_name_and_an_english_name():
    missing = [r.entity.slug for r in records() if not r.entity.name.strip() or not r.entity.name_en.strip()]
    assert missing == []


def test_wikidata_ids_look_like_wikidata_ids():
    assert [
        r.entity.slug for r in records() if r.wikidata and not re.fullmatch(r"Q[1-9][0-9]*", r.wikidata)
    ] == []


def test_no_spelling_names_two_persons_unless_marked_ambiguous():
    assert unflagged_clashes({EntityKind.PERSON}) == {}


def test_no_spelling_names_two_countries_unless_marked_ambiguous():
    assert unflagged_clashes({EntityKind.COUNTRY}) == {}


@pytest.mark.parametrize("kinds", list(combinations(list(EntityKind), 2)), ids=lambda k: "-".join(k))
def test_no_spelling_is_shared_across_two_kinds_unless_marked_ambiguous(kinds):
    shared = {
        key: slugs
        for key, slugs in unflagged_clashes(set(kinds)).items()
        if len({by_slug()[s].entity.kind for s in slugs}) > 1
    }
    assert shared == {}


def test_no_capital_shares_a_spelling_with_its_country():
    for record in records():
        if record.entity.is_capital:
            country = by_slug()[record.entity.country]
            common = {k for k, _, _ in spellings(record)} & {k for k, _, _ in spellings(country)}
            assert not common, (record.entity.slug, common)


def test_places_persons_and_capitals_point_at_existing_countries():
    dangling = [
        r.entity.slug
        for r in records()
        if r.entity.country
        and by_slug().get(r.entity.country, None) is None
        or r.entity.country
        and by_slug()[r.entity.country].entity.kind != EntityKind.COUNTRY
    ]
    assert dangling == []
    assert all(r.entity.country for r in records() if r.entity.is_capital)


def test_positions_belong_to_persons_and_are_of_countries_or_organizations():
    for record in records():
        for position in record.positions:
            assert record.entity.kind == EntityKind.PERSON, record.entity.slug
            assert position.person == record.entity.slug
            of = by_slug().get(position.of)
            assert of is not None, (record.entity.slug, position.of)
            assert of.entity.kind in {EntityKind.COUNTRY, EntityKind.ORGANIZATION}, position
            assert position.title.strip(), position


def test_positions_start_before_they_end_and_always_have_a_start():
    # The loader upserts positions on (person, office, of, start): a null start
    # would add a new row on every reload.
    for position in load_gazetteer(CATALOG).positions:
        assert position.start is not None, position
        assert position.end is None or position.start < position.end, position


def test_no_position_is_listed_twice_under_the_loaders_key():
    keys = [(p.person, p.office, p.of, p.start) for p in load_gazetteer(CATALOG).positions]
    assert len(keys) == len(set(keys))


def office_key(position) -> tuple[str, ...]:
    # "other" gathers unrelated posts (a treasury secretary, a presidential aide),
    # so there only the same title counts as the same office.
    if position.office == Office.OTHER:
        return (position.office, position.of, position.title)
    return (position.office, position.of)


def test_no_office_has_two_holders_at_the_same_time():
    by_office = defaultdict(list)
    for position in load_gazetteer(CATALOG).positions:
        by_office[office_key(position)].append(position)
    overlaps = []
    for office, positions in by_office.items():
        ordered = sorted(positions, key=lambda p: p.start)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if earlier.end is None or earlier.end > later.start:
                overlaps.append((office, earlier.person, later.person, str(later.start)))
    assert overlaps == []


@pytest.mark.parametrize("slug", SEED_PERSONS)
def test_every_person_in_the_seed_articles_is_in_the_catalog(slug):
    assert by_slug()[slug].entity.kind == EntityKind.PERSON


@pytest.mark.parametrize("slug", SEED_PLACES_AND_BODIES + FORUMS)
def test_the_places_forums_and_institutions_of_the_seeds_are_in_the_catalog(slug):
    assert by_slug()[slug].entity.kind in {EntityKind.PLACE, EntityKind.ORGANIZATION}


@pytest.mark.parametrize(
    ("slug", "spelling"),
    [
        ("xi-jinping", "شي جين بينج"),
        ("xi-jinping", "شي جينبينغ"),
        ("vladimir-putin", "بوتن"),
        ("donald-trump", "ترمب"),
        ("wang-yi", "وانج يي"),
        ("abdel-fattah-el-sisi", "عبدالفتاح السيسي"),
        ("united-states", "أميركا"),
        ("russia", "روسيا الاتحادية"),
        ("saudi-arabia", "السعودية"),
        ("g20", "قمة العشرين"),
        ("xinhua", "وكالة أنباء الصين الجديدة"),
    ],
)
def test_the_usual_spellings_are_aliases(slug, spelling):
    assert normalize_key(spelling) in {key for key, _, _ in spellings(by_slug()[slug])}


@pytest.mark.parametrize(("slug", "short"), [("xi-jinping", "شي"), ("wang-yi", "وانغ")])
def test_short_forms_are_marked_short(slug, short):
    kinds = {a.kind for a in by_slug()[slug].entity.aliases if a.text == short}
    assert kinds == {AliasKind.SHORT}


def test_all_un_members_are_countries_with_at_least_two_demonyms():
    members = [e for e in raw_entities() if e.get("un_member")]
    assert len(members) == 193
    assert len({e["iso"] for e in members}) == 193
    for entity in members:
        record = by_slug()[entity["slug"]]
        assert record.entity.kind == EntityKind.COUNTRY
        demonyms = {normalize_key(a.text) for a in record.entity.aliases if a.kind == AliasKind.DEMONYM}
        # Saudi Arabia's feminine demonym "السعودية" is kept once, as its name.
        names = {normalize_key(a.text) for a in record.entity.aliases if a.kind == AliasKind.NAME}
        assert len(demonyms) + len(names & {normalize_key(d + "ة") for d in demonyms}) >= 2, entity["slug"]


@pytest.mark.parametrize(("slug", "expected"), sorted(EXAMPLE_DEMONYMS.items()))
def test_countries_carry_the_demonyms_news_writes(slug, expected):
    demonyms = {a.text for a in by_slug()[slug].entity.aliases if a.kind == AliasKind.DEMONYM}
    assert expected <= demonyms


@pytest.mark.parametrize("slug", ["palestine", "vatican"])
def test_the_observer_states_are_countries_too(slug):
    assert by_slug()[slug].entity.kind == EntityKind.COUNTRY


@pytest.mark.parametrize("slug", sorted(set(G20) | set(ARAB_LEAGUE)))
def test_g20_and_arab_league_countries_have_a_wikidata_id_and_a_capital(slug):
    assert by_slug()[slug].wikidata
    capitals = [r.entity.slug for r in records() if r.entity.is_capital and r.entity.country == slug]
    assert len(capitals) == (0 if slug in NO_CAPITAL else 1), capitals


@pytest.mark.parametrize("day", CHECK_DATES, ids=str)
@pytest.mark.parametrize("office", [Office.HEAD_OF_STATE, Office.FOREIGN_MINISTER])
@pytest.mark.parametrize("slug", sorted(set(G20) | set(ARAB_LEAGUE)))
def test_g20_and_arab_league_countries_have_a_head_of_state_and_a_foreign_minister(slug, office, day):
    holders = load_gazetteer(CATALOG).holders(office, slug, day)
    if (slug, office, day) in VACANT:
        assert holders == []
    else:
        assert len(holders) == 1, holders


@pytest.mark.parametrize("day", CHECK_DATES, ids=str)
@pytest.mark.parametrize("office", [Office.HEAD_OF_STATE, Office.HEAD_OF_GOVERNMENT, Office.FOREIGN_MINISTER])
def test_the_european_union_has_its_three_leaders_on_every_checked_date(office, day):
    # Stored as: European Council president, Commission president, High Representative.
    assert len(load_gazetteer(CATALOG).holders(office, "european-union", day)) == 1


@pytest.mark.parametrize(
    ("office", "of", "day", "person"),
    [
        (Office.VICE_PRESIDENT, "united-states", date(2022, 11, 19), "kamala-harris"),
        (Office.NATIONAL_SECURITY_ADVISOR, "united-states", date(2024, 1, 27), "jake-sullivan"),
        (Office.FOREIGN_MINISTER, "china", date(2024, 1, 27), "wang-yi"),
        (Office.FOREIGN_MINISTER, "china", date(2023, 5, 1), "qin-gang"),
        (Office.HEAD_OF_GOVERNMENT, "germany", date(2023, 1, 1), "olaf-scholz"),
        (Office.CROWN_PRINCE, "saudi-arabia", date(2024, 1, 1), "mohammed-bin-salman"),
        (Office.SECRETARY_GENERAL, "united-nations", date(2024, 1, 1), "antonio-guterres"),
        (Office.SECRETARY_GENERAL, "arab-league", date(2024, 1, 1), "ahmed-aboul-gheit"),
        (Office.HEAD_OF_STATE, "united-kingdom", date(2023, 1, 1), "charles-iii"),
    ],
)
def test_positions_answer_who_held_an_office_on_a_day(office, of, day, person):
    assert load_gazetteer(CATALOG).holders(office, of, day) == [person]
