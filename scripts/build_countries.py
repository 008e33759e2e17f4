"""Generate ``fixtures/catalog/countries.json`` from CLDR data, read through Babel.

Run from the repository root::

    .venv/bin/python scripts/build_countries.py

What comes from CLDR (``babel.Locale``):

- the Arabic name of each country (``Locale("ar").territories``), and any other
  spelling found in the regional Arabic locales (``ar_SA``, ``ar_EG`` ...) as an alias;
- the English name (``Locale("en").territories``), from which the slug is made;
- a nationality adjective where the country's own currency is named with one
  ("يوان صيني", "سول بيروفي"): CLDR spells the adjective, we add the article.

What is ours, in the small tables below: the list of UN members (ISO codes), the
few Arabic names news writes differently from CLDR, common news forms
("أمريكا", "روسيا الاتحادية"), irregular demonyms ("الأمريكي", "النمساوي") and
the Wikidata ids we are sure of. Every other demonym follows the rule in
:func:`rule_demonym`. Output is deterministic: running the script twice gives
the same file.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale, localedata
from babel.numbers import get_territory_currencies

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsapp.nlp.normalize import normalize_key, strip_tashkeel  # noqa: E402

OUTPUT = ROOT / "fixtures" / "catalog" / "countries.json"

# The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code.
UN_MEMBERS = (
    "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY", "BE", "BZ", "BJ", "BT",
    "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA", "CF", "TD", "CL", "CN", "CO", "KM", "CG", "CD",
    "CR", "CI", "HR", "CU", "CY", "CZ", "DK", "DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ", "FI",
    "FR", "GA", "GM", "GE", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT", "HN", "HU", "IS", "IN", "ID", "IR", "IQ",
    "IE", "IL", "IT", "JM", "JP", "JO", "KZ", "KE", "KI", "KP", "KR", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI",
    "LT", "LU", "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MR", "MU", "MX", "FM", "MD", "MC", "MN", "ME", "MA", "MZ", "MM",
    "NA", "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO", "OM", "PK", "PW", "PA", "PG", "PY", "PE", "PH", "PL", "PT",
    "QA", "RO", "RU", "RW", "KN", "LC", "VC", "WS", "SM", "ST", "SA", "SN", "RS", "SC", "SL", "SG", "SK", "SI", "SB", "SO",
    "ZA", "SS", "ES", "LK", "SD", "SR", "SE", "CH", "SY", "TJ", "TZ", "TH", "TL", "TG", "TO", "TT", "TN", "TR", "TM", "TV",
    "UG", "UA", "AE", "GB", "US", "UY", "UZ", "VU", "VE", "VN", "YE", "ZM", "ZW",
)  # fmt: skip
# Permanent observer states: Palestine is also a member of the Arab League.
OBSERVERS = ("PS", "VA")

# English names where CLDR's is not the short common one news uses; the slug is
# made from this name.
NAME_EN = {
    "TR": "Turkey", "MM": "Myanmar", "CD": "DR Congo", "CG": "Republic of the Congo",
    "CI": "Ivory Coast", "PS": "Palestine", "VA": "Vatican City",
    "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines",
}  # fmt: skip
SLUGS = {"CG": "congo", "VA": "vatican"}

# Arabic canonical names where news does not use CLDR's; CLDR's stays an alias.
NAME_AR = {
    "PS": "فلسطين",
    "MM": "ميانمار",
    # Oman's name, once its damma is dropped, is also Amman's; the long form is unique.
    "OM": "سلطنة عُمان",
    "CD": "جمهورية الكونغو الديمقراطية",
    "CG": "جمهورية الكونغو",
    "TL": "تيمور الشرقية",
}

# Further names as Arabic news writes them (official long forms, regional spellings).
# A leading "?" marks a name another entity shares, kept but flagged ambiguous.
EXTRA_ALIASES = {
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "RU": ["روسيا الاتحادية", "الاتحاد الروسي"],
    "CN": ["جمهورية الصين الشعبية", "الصين الشعبية"],
    "GB": ["بريطانيا", "بريطانيا العظمى"],
    "SA": ["السعودية", "المملكة السعودية"],
    "AE": ["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"],
    "KR": ["جمهورية كوريا"],
    "KP": ["جمهورية كوريا الديمقراطية الشعبية"],
    "IR": ["الجمهورية الإسلامية الإيرانية"],
    "EG": ["جمهورية مصر العربية"],
    "SY": ["سورية", "الجمهورية العربية السورية"],
    "JO": ["المملكة الأردنية الهاشمية"],
    "KW": ["دولة الكويت"],
    "QA": ["دولة قطر"],
    "BH": ["مملكة البحرين"],
    "OM": ["?عُمان"],
    "YE": ["الجمهورية اليمنية"],
    "IQ": ["جمهورية العراق"],
    "LB": ["الجمهورية اللبنانية"],
    "MA": ["المملكة المغربية"],
    "DZ": ["الجمهورية الجزائرية"],
    "TN": ["الجمهورية التونسية"],
    "MR": ["الجمهورية الإسلامية الموريتانية"],
    "PS": ["دولة فلسطين"],
    "TH": ["تايلند", "تايلاندا"],
    "KZ": ["قازاقستان"],
    "ZA": ["جمهورية جنوب أفريقيا"],
    "TR": ["الجمهورية التركية"],
    "PH": ["الفيليبين"],
    "CZ": ["جمهورية التشيك", "تشيكيا"],
    "BY": ["روسيا البيضاء"],
    "MK": ["مقدونيا"],
    "SZ": ["سوازيلاند"],
    "CI": ["كوت ديفوار"],
    "CV": ["كابو فيردي"],
    "VN": ["فيت نام"],
    "MM": ["بورما"],
    "CD": ["الكونغو الديمقراطية", "الكونغو كينشاسا"],
    "CG": ["الكونغو برازافيل"],
    "VA": ["الكرسي الرسولي", "دولة الفاتيكان"],
    "NL": ["هولاندا"],
    "HU": ["المجر"],
    "DK": ["الدنمارك"],
}

# Irregular demonyms, masculine and with the article; the feminine is derived
# unless given after a "|".
# A leading "?" marks a form that is also a common word or names more than one
# country, so it is kept but flagged ambiguous.
DEMONYMS = {
    "US": ["الأمريكي", "الأميركي"], "GB": ["البريطاني"], "AE": ["الإماراتي"],
    "SA": ["السعودي"], "KR": ["الكوري الجنوبي", "?الكوري"], "KP": ["الكوري الشمالي", "?الكوري"],
    "ZA": ["الجنوب أفريقي", "الجنوب الأفريقي"], "SS": ["الجنوب سوداني"], "PS": ["الفلسطيني"],
    "MM": ["الميانماري", "البورمي"], "CD": ["?الكونغولي"], "CG": ["?الكونغولي"],
    "CI": ["الإيفواري"], "TL": ["التيموري"], "BA": ["البوسني"], "ME": ["المونتينيغري"],
    "MK": ["المقدوني"], "AT": ["النمساوي"], "AM": ["الأرمني", "الأرميني"], "TG": ["التوغولي"],
    "BN": ["البروني"], "UY": ["الأوروغوياني", "الأوروغوائي"], "PY": ["الباراغوياني", "الباراغوائي"],
    "BS": ["البهامي"], "MV": ["المالديفي"], "SB": ["?السليماني"], "MH": ["المارشالي"],
    "KM": ["القمري"], "CV": ["الكابوفيردي"], "ST": ["الساوتومي"], "GW": ["البيساوي"],
    "GQ": ["الغيني الاستوائي"], "PG": ["?البابوي"], "CF": ["الأفريقي الأوسط|الأفريقية الوسطى"],
    "DO": ["الدومينيكاني"], "KN": ["الكيتسي"], "LC": ["اللوسياني"], "VC": ["الفنسنتي"],
    "AG": ["الأنتيغي"], "TT": ["الترينيدادي"], "SM": ["السانماريني"], "VA": ["الفاتيكاني"],
    "BF": ["البوركيني", "البوركينابي"], "ML": ["?المالي"],
    "TH": ["التايلاندي", "التايلندي"], "KZ": ["الكازاخستاني", "الكازاخي"],
    "NZ": ["النيوزيلندي", "النيوزلندي"], "IS": ["الآيسلندي", "الأيسلندي"],
    "AF": ["الأفغاني"], "UZ": ["الأوزبكي", "الأوزبكستاني"], "TJ": ["الطاجيكي", "الطاجيكستاني"],
    "TM": ["التركماني", "التركمانستاني"], "KG": ["القيرغيزي", "القرغيزي", "القيرغيزستاني"],
    "HU": ["المجري", "الهنغاري"], "DK": ["الدنماركي", "الدانماركي"],
}  # fmt: skip
# CLDR currency adjectives that are not nationality adjectives.
NOT_DEMONYMS = {"إسترليني"}

# Wikidata ids we are sure of: the G20, the Arab League and the usual neighbours in the news.
WIKIDATA = {
    "AR": "Q414", "AU": "Q408", "BR": "Q155", "CA": "Q16", "CN": "Q148", "FR": "Q142", "DE": "Q183",
    "IN": "Q668", "ID": "Q252", "IT": "Q38", "JP": "Q17", "MX": "Q96", "RU": "Q159", "SA": "Q851",
    "ZA": "Q258", "KR": "Q884", "TR": "Q43", "GB": "Q145", "US": "Q30",
    "DZ": "Q262", "BH": "Q398", "KM": "Q970", "DJ": "Q977", "EG": "Q79", "IQ": "Q796", "JO": "Q810",
    "KW": "Q817", "LB": "Q822", "LY": "Q1016", "MR": "Q1025", "MA": "Q1028", "OM": "Q842",
    "PS": "Q219060", "QA": "Q846", "SO": "Q1045", "SD": "Q1049", "SY": "Q858", "TN": "Q948",
    "AE": "Q878", "YE": "Q805",
    "IL": "Q801", "IR": "Q794", "UA": "Q212", "KP": "Q423", "KZ": "Q232", "TH": "Q869",
    "ES": "Q29", "PT": "Q45", "NL": "Q55", "BE": "Q31", "CH": "Q39", "AT": "Q40", "SE": "Q34",
    "NO": "Q20", "DK": "Q35", "FI": "Q33", "PL": "Q36", "GR": "Q41", "IE": "Q27", "PK": "Q843",
    "AF": "Q889", "VN": "Q881", "PH": "Q928", "SG": "Q334", "NZ": "Q664", "VA": "Q237",
}  # fmt: skip

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(english: str) -> str:
    """Lowercase ASCII slug of an English name: "São Tomé & Príncipe" → "sao-tome-and-principe"."""
    ascii_name = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("&", " and ").replace("'", "").lower()
    return _NON_SLUG.sub("-", ascii_name).strip("-")


def english_name(code: str) -> str:
    """Short common English name: CLDR's, with "&" and "St." spelt out, or an override."""
    if code in NAME_EN:
        return NAME_EN[code]
    return Locale("en").territories[code].replace(" & ", " and ").replace("St. ", "Saint ")


def cldr_arabic_names(code: str) -> list[str]:
    """Every Arabic name CLDR gives ``code`` across the Arabic locales, the ``ar`` one first."""
    names = [Locale("ar").territories[code]]
    for locale_id in sorted(localedata.locale_identifiers()):
        if locale_id.startswith("ar_"):
            names.append(Locale.parse(locale_id).territories.get(code, names[0]))
    expanded: list[str] = []
    for name in names:
        expanded.append(name)
        # "ميانمار (بورما)" → both names; "تيمور - ليشتي" → "تيمور ليشتي".
        if "(" in name:
            outer, inner = name.split("(", 1)
            expanded += [outer.strip(), inner.rstrip(")").strip()]
        if " - " in name:
            expanded.append(name.replace(" - ", " "))
    return list(dict.fromkeys(expanded))


def currency_demonym(code: str) -> str | None:
    """The nationality adjective in the Arabic name of the country's own currency, if any.

    "يوان صيني" → "الصيني"; "ليرة تركية" → "التركي". Shared currencies (the euro,
    the CFA franc) and currencies named after the country ("فرنك جزر القمر") give nothing.
    """
    for currency in get_territory_currencies(code, date(2024, 1, 1)):
        if not currency.startswith(code):
            continue
        words = strip_tashkeel(Locale("ar").currencies.get(currency, "")).split()
        if len(words) != 2 or words[1] in NOT_DEMONYMS:
            continue
        # CLDR writes Kenya's shilling "شلن كينيي": one ي is the nisba.
        adjective = words[1].removesuffix("ة").replace("يي", "ي")
        if adjective.endswith("ي"):
            return "ال" + adjective
    return None


def rule_demonym(name: str) -> str | None:
    """Nisba adjective of a one-word country name: strip ال, drop final ا/ة/ي/يا, add ي.

    "الصين" → "الصيني", "روسيا" → "الروسي", "سنغافورة" → "السنغافوري". Names of
    several words get ``None``: they need an entry in :data:`DEMONYMS`.
    """
    stem = strip_tashkeel(name)
    if " " in stem:
        return None
    stem = stem.removeprefix("ال")
    if stem.endswith("يا"):
        stem = stem[:-2]
    elif stem[-1] in "اةي":
        stem = stem[:-1]
    return "ال" + stem + "ي"


def feminine(masculine: str) -> str:
    """ "الكوري الجنوبي" → "الكورية الجنوبية": every word ending in ي takes ة."""
    return " ".join(word + "ة" if word.endswith("ي") else word for word in masculine.split())


def demonyms(code: str, name: str) -> list[dict[str, Any]]:
    """Demonym aliases of one country, masculine then feminine for each form."""
    forms = DEMONYMS.get(code) or [form for form in (currency_demonym(code), rule_demonym(name)) if form]
    if not forms:
        raise SystemExit(f"{code} {name}: no demonym rule applies, add it to DEMONYMS")
    out: list[dict[str, Any]] = []
    for form in dict.fromkeys(forms):
        ambiguous = form.startswith("?")
        masculine, _, female = form.removeprefix("?").partition("|")
        for text in (masculine, female or feminine(masculine)):
            alias: dict[str, Any] = {"text": text, "kind": "demonym"}
            if ambiguous:
                alias["ambiguous"] = True
            out.append(alias)
    return out


def build_country(code: str) -> dict[str, Any]:
    """One catalog entity for the country ``code``."""
    cldr_names = cldr_arabic_names(code)
    name = NAME_AR.get(code, cldr_names[0])
    extra = EXTRA_ALIASES.get(code, [])
    shared = {normalize_key(text[1:]) for text in extra if text.startswith("?")}
    aliases: list[Any] = []
    seen = {normalize_key(name)}
    for text in [*cldr_names, *extra]:
        text = text.removeprefix("?")
        key = normalize_key(text)
        if key not in seen:
            seen.add(key)
            aliases.append({"text": text, "ambiguous": True} if key in shared else text)
    for alias in demonyms(code, name):
        # "السعودية" is both a name of the country and its feminine demonym:
        # one key per entity, and the name wins because it matches anywhere.
        if normalize_key(alias["text"]) not in seen:
            seen.add(normalize_key(alias["text"]))
            aliases.append(alias)
    english = english_name(code)
    entity: dict[str, Any] = {
        "slug": SLUGS.get(code) or slugify(english),
        "kind": "country",
        "name": name,
        "name_en": english,
        "iso": code,
    }
    if code in WIKIDATA:
        entity["wikidata"] = WIKIDATA[code]
    entity["un_member"] = code in UN_MEMBERS
    entity["aliases"] = aliases
    return entity


def check(entities: list[dict[str, Any]]) -> None:
    """Refuse to write a file where one alias names two countries without saying so."""
    owners: dict[str, set[str]] = defaultdict(set)
    flagged: set[str] = set()
    for entity in entities:
        for alias in [entity["name"], *entity["aliases"]]:
            text = alias if isinstance(alias, str) else alias["text"]
            owners[normalize_key(text)].add(entity["slug"])
            if isinstance(alias, dict) and alias.get("ambiguous"):
                flagged.add(normalize_key(text))
    clashes = {key: slugs for key, slugs in owners.items() if len(slugs) > 1 and key not in flagged}
    if clashes:
        raise SystemExit(f"aliases shared by several countries: {clashes}")


def main() -> None:
    """Write the countries file, sorted by slug."""
    assert len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
    entities = sorted((build_country(code) for code in [*UN_MEMBERS, *OBSERVERS]), key=lambda e: e["slug"])
    check(entities)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    lines = ",\n".join("  " + json.dumps(entity, ensure_ascii=False) for entity in entities)
    OUTPUT.write_text('{"entities": [\n' + lines + "\n]}\n", encoding="utf-8")
    print(f"{len(entities)} countries → {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
