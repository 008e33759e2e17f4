"""Hand-built gazetteers for the pipeline's tests: no database, no catalog files."""

from __future__ import annotations

from datetime import date

import pytest

from newsapp.nlp.types import (
    AliasKind,
    CatalogAlias,
    CatalogEntity,
    CatalogPosition,
    EntityKind,
    Gazetteer,
    Office,
)


def _alias(text: str) -> CatalogAlias:
    if text.startswith("~"):
        return CatalogAlias(text[1:], AliasKind.SHORT)
    if text.startswith("+"):
        return CatalogAlias(text[1:], AliasKind.DEMONYM)
    if text.startswith("?"):
        return CatalogAlias(text[1:], ambiguous=True)
    return CatalogAlias(text)


def person(slug: str, name: str, *aliases: str, country: str | None = None) -> CatalogEntity:
    return CatalogEntity(slug, name, EntityKind.PERSON, tuple(_alias(a) for a in aliases), country=country)


def country(slug: str, name: str, *aliases: str) -> CatalogEntity:
    return CatalogEntity(slug, name, EntityKind.COUNTRY, tuple(_alias(a) for a in aliases))


def place(slug: str, name: str, of: str, *aliases: str, capital: bool = False) -> CatalogEntity:
    return CatalogEntity(
        slug, name, EntityKind.PLACE, tuple(_alias(a) for a in aliases), country=of, is_capital=capital
    )


def org(slug: str, name: str, *aliases: str) -> CatalogEntity:
    return CatalogEntity(slug, name, EntityKind.ORGANIZATION, tuple(_alias(a) for a in aliases))


def seat(who: str, office: Office, of: str, start: str | None, end: str | None = None) -> CatalogPosition:
    return CatalogPosition(
        who,
        office,
        of,
        "",
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
    )


def small_gazetteer() -> Gazetteer:
    entities = (
        person("xi-jinping", "شي جين بينغ", "شي جين بينج", "شي جينبينغ", "~شي", country="china"),
        person("vladimir-putin", "فلاديمير بوتين", "بوتين", "بوتن", "فلاديمير بوتن", country="russia"),
        person("joe-biden", "جو بايدن", "بايدن", country="united-states"),
        person("donald-trump", "دونالد ترامب", "ترامب", country="united-states"),
        person("kamala-harris", "كامالا هاريس", "كامالا هاريس", "هاريس", "~كامالا", country="united-states"),
        person("wang-yi", "وانغ يي", "~وانغ", country="china"),
        person("mohammed-bin-salman", "محمد بن سلمان", "?محمد بن سلمان", country="saudi-arabia"),
        person("mohammed-bin-salman-qatar", "محمد بن سلمان القطري", "?محمد بن سلمان", country="qatar"),
        person("sergey-lavrov", "سيرغي لافروف", "لافروف", country="russia"),
        person("antony-blinken", "أنتوني بلينكن", "بلينكن", country="united-states"),
        person("recep-tayyip-erdogan", "رجب طيب أردوغان", "أردوغان", "اردوغان", country="turkey"),
        person("emmanuel-macron", "إيمانويل ماكرون", "ماكرون", country="france"),
        person("narendra-modi", "ناريندرا مودي", "مودي", country="india"),
        person("droupadi-murmu", "دروبادي مورمو", "مورمو", country="india"),
        person("jake-sullivan", "جيك سوليفان", "سوليفان", country="united-states"),
        country("china", "الصين", "+الصيني", "+الصينية", "جمهورية الصين الشعبية"),
        country("russia", "روسيا", "+الروسي", "+الروسية", "روسيا الاتحادية"),
        country(
            "united-states", "الولايات المتحدة", "أمريكا", "+الأمريكي", "+الأمريكية", "+الأميركي", "واشنطن"
        ),
        country("saudi-arabia", "السعودية", "المملكة العربية السعودية", "+السعودي", "+السعودية"),
        country("qatar", "قطر", "+القطري", "+القطرية"),
        country("turkey", "تركيا", "+التركي", "+التركية"),
        country("france", "فرنسا", "+الفرنسي", "+الفرنسية"),
        country("india", "الهند", "+الهندي", "+الهندية"),
        country("egypt", "مصر", "+المصري", "+المصرية"),
        country("thailand", "تايلاند", "+التايلاندي"),
        country("kazakhstan", "كازاخستان", "+الكازاخستاني"),
        country("indonesia", "إندونيسيا", "+الإندونيسي", "+الإندونيسية"),
        place("beijing", "بكين", "china", capital=True),
        place("moscow", "موسكو", "russia", capital=True),
        place("bangkok", "بانكوك", "thailand", capital=True),
        place("astana", "أستانا", "kazakhstan", capital=True),
        place("bali", "بالي", "indonesia"),
        place("san-francisco", "سان فرانسيسكو", "united-states"),
        org("sco", "منظمة شنغهاي للتعاون", "شنغهاي للتعاون"),
        org("g20", "مجموعة العشرين", "قمة العشرين"),
        org("apec", "أبيك", "منتدى التعاون الاقتصادي لآسيا والمحيط الهادئ"),
        org("kremlin", "الكرملين"),
        org("white-house", "البيت الأبيض"),
        org("un", "الأمم المتحدة"),
    )
    positions = (
        seat("xi-jinping", Office.HEAD_OF_STATE, "china", "2013-03-14"),
        seat("vladimir-putin", Office.HEAD_OF_STATE, "russia", "2012-05-07"),
        seat("joe-biden", Office.HEAD_OF_STATE, "united-states", "2021-01-20", "2025-01-20"),
        seat("donald-trump", Office.HEAD_OF_STATE, "united-states", "2017-01-20", "2021-01-20"),
        seat("donald-trump", Office.HEAD_OF_STATE, "united-states", "2025-01-20"),
        seat("kamala-harris", Office.VICE_PRESIDENT, "united-states", "2021-01-20", "2025-01-20"),
        seat("wang-yi", Office.FOREIGN_MINISTER, "china", "2023-07-25"),
        seat("sergey-lavrov", Office.FOREIGN_MINISTER, "russia", "2004-03-09"),
        seat("antony-blinken", Office.FOREIGN_MINISTER, "united-states", "2021-01-26", "2025-01-21"),
        seat("mohammed-bin-salman", Office.CROWN_PRINCE, "saudi-arabia", "2017-06-21"),
        seat("recep-tayyip-erdogan", Office.HEAD_OF_STATE, "turkey", "2014-08-28"),
        seat("emmanuel-macron", Office.HEAD_OF_STATE, "france", "2017-05-14"),
        seat("narendra-modi", Office.HEAD_OF_GOVERNMENT, "india", "2014-05-26"),
        seat("droupadi-murmu", Office.HEAD_OF_STATE, "india", "2022-07-25"),
        seat("jake-sullivan", Office.NATIONAL_SECURITY_ADVISOR, "united-states", "2021-01-20", "2025-01-20"),
    )
    return Gazetteer(entities, positions)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return small_gazetteer()
