"""Entities with offsets: catalog names, clitics, nationalities, titles by date, unknown people."""

from __future__ import annotations

from datetime import date

from newsapp.nlp.entities import find_entities
from newsapp.nlp.matcher import prepare_matcher
from newsapp.nlp.types import CatalogEntity, CatalogPosition, EntityKind, FoundEntity, Gazetteer, Office


def _by_slug(
    text: str, gazetteer: Gazetteer, on: date | None = date(2024, 4, 2)
) -> dict[str | None, FoundEntity]:
    found = find_entities(text, on, gazetteer)
    return {e.slug if e.slug else e.name: e for e in found}


def _persons(text: str, gazetteer: Gazetteer, on: date | None = date(2024, 4, 2)) -> set[str]:
    return {e.slug or e.name for e in find_entities(text, on, gazetteer) if e.kind == EntityKind.PERSON}


def test_a_name_glued_to_proclitics_is_found_and_offsets_point_at_the_name(gazetteer):
    text = "واتصل لبوتين، ثم قال وبوتين إن فلاديمير بوتن"
    putin = _by_slug(text, gazetteer)["vladimir-putin"]
    assert [m.text for m in putin.mentions] == ["بوتين", "بوتين", "فلاديمير بوتن"]
    assert all(text[m.start : m.end] == m.text for m in putin.mentions)


def test_offsets_survive_diacritics_and_tatweel_in_the_original(gazetteer):
    text = "قالَ الرَّئيسُ بوتِـــين"
    mention = _by_slug(text, gazetteer)["vladimir-putin"].mentions[0]
    assert text[mention.start : mention.end] == "بوتِـــين"


def test_the_longest_alias_wins_over_its_parts(gazetteer):
    putin = _by_slug("التقى فلاديمير بوتين", gazetteer)["vladimir-putin"]
    assert [m.text for m in putin.mentions] == ["فلاديمير بوتين"]


def test_a_name_inside_a_longer_word_is_not_a_mention(gazetteer):
    assert _persons("تحدث المترامبون عن البوتينية", gazetteer) == set()


def test_a_nationality_after_a_title_names_the_office_holder_on_the_date(gazetteer):
    assert _persons("وقال الرئيس الأمريكي إن", gazetteer, date(2024, 4, 2)) == {"joe-biden"}
    assert _persons("وقال الرئيس الأمريكي إن", gazetteer, date(2025, 3, 1)) == {"donald-trump"}


def test_a_nationality_alone_is_its_country(gazetteer):
    found = _by_slug("العلاقات الصينية الأمريكية", gazetteer)
    assert {"china", "united-states"} <= set(found)
    assert found["china"].kind == EntityKind.COUNTRY


def test_capitals_act_for_their_countries(gazetteer):
    found = _by_slug("ودعا إلى تقارب بكين وموسكو", gazetteer)
    assert [m.text for m in found["china"].mentions] == ["بكين"]
    assert [m.text for m in found["russia"].mentions] == ["موسكو"]


def test_titles_of_foreign_ministers_and_crown_princes_resolve(gazetteer):
    assert _persons("صرح وزير الخارجية الصيني للصحفيين", gazetteer) == {"wang-yi"}
    assert _persons("استقبل ولي العهد السعودي ضيفه", gazetteer) == {"mohammed-bin-salman"}
    assert _persons("وقال رئيس الدبلوماسية الصينية", gazetteer) == {"wang-yi"}


def test_a_title_before_or_after_the_name_gives_one_person(gazetteer):
    assert _persons("قال الرئيس الصيني شي جين بينغ", gazetteer) == {"xi-jinping"}
    assert _persons("قال شي جين بينغ، الرئيس الصيني، إن", gazetteer) == {"xi-jinping"}


def test_the_leader_of_a_parliamentary_country_is_its_head_of_government(gazetteer):
    assert _persons("قال الزعيم الهندي", gazetteer) == {"narendra-modi"}
    assert _persons("قال الزعيم الصيني", gazetteer) == {"xi-jinping"}


def test_the_deputy_of_a_president_is_the_vice_president(gazetteer):
    persons = _persons("أن تلعب نائبة بايدن دورا", gazetteer, date(2022, 11, 19))
    assert persons == {"kamala-harris", "joe-biden"}
    assert _persons("وقال نائب الرئيس الأمريكي", gazetteer, date(2022, 11, 19)) == {"kamala-harris"}


def test_a_short_name_fires_only_after_a_title_or_a_full_mention(gazetteer):
    assert _persons("وقال شي إن العلاقات جيدة", gazetteer) == set()
    assert _persons("وقال الرئيس شي إن العلاقات جيدة", gazetteer) == {"xi-jinping"}
    assert _persons("أكد السيد وانغ أهمية الحوار", gazetteer) == {"wang-yi"}
    assert _persons("وصل شي جين بينغ. ثم قال شي", gazetteer) == {"xi-jinping"}
    xi = _by_slug("وصل شي جين بينغ. ثم قال شي", gazetteer)["xi-jinping"]
    assert len(xi.mentions) == 2


def test_a_short_name_never_fires_inside_unrelated_words(gazetteer):
    assert _persons("شي جين بينغ يمشي ويشير إلى شيء ما وبشيء آخر", gazetteer) == {"xi-jinping"}
    xi = _by_slug("شي جين بينغ يمشي ويشير إلى شيء ما وبشيء آخر", gazetteer)["xi-jinping"]
    assert len(xi.mentions) == 1


def test_an_ambiguous_alias_needs_context_to_resolve(gazetteer):
    assert _persons("قال محمد بن سلمان إن", gazetteer) == set()
    assert _persons("قال ولي العهد السعودي محمد بن سلمان إن", gazetteer) == {"mohammed-bin-salman"}


def test_people_outside_the_catalog_are_found_after_a_title(gazetteer):
    cases = {
        "وصرح مستشار الكرملين، يوري أوشاكوف، في 8 فبراير": "يوري أوشاكوف",
        "وقالت المتحدثة باسم البيت الأبيض كارين جان بيير إن": "كارين جان بيير",
        "في مقابلة مع الصحفي الأمريكي تاكر كارلسون نشرت أمس": "تاكر كارلسون",
        "استقبل الرئيس المصري عبد الفتاح السيسي ضيفه": "عبد الفتاح السيسي",
        "قال مستشار اتصالات الأمن القومي جون كيربي إن": "جون كيربي",
        "وأعلن وزير الدفاع التركي يشار غولر أن": "يشار غولر",
    }
    for text, name in cases.items():
        found = _by_slug(text, gazetteer)
        assert name in found, text
        assert found[name].slug is None and found[name].kind == EntityKind.PERSON


def test_a_title_followed_by_ordinary_words_invents_no_one(gazetteer):
    for text in (
        "وقال الرئيس في كلمته إن",
        "أكد المتحدث باسم الخارجية أن الحوار مستمر",
        "وأضاف الوزير خلال المؤتمر",
        "قال السفير إن بلاده",
    ):
        assert _persons(text, gazetteer) == set(), text


def test_an_unknown_name_is_found_again_without_its_title(gazetteer):
    found = _by_slug("قال مستشار الكرملين يوري أوشاكوف إن. وأضاف يوري أوشاكوف", gazetteer)
    assert len(found["يوري أوشاكوف"].mentions) == 2


def test_two_leaders_named_by_two_nationalities(gazetteer):
    assert _persons("أشاد الرئيسان الصيني والروسي بالتعاون", gazetteer) == {"xi-jinping", "vladimir-putin"}


def test_the_matcher_is_built_once_per_gazetteer(gazetteer):
    assert prepare_matcher(gazetteer) is prepare_matcher(gazetteer)


def test_an_empty_gazetteer_finds_only_unknown_people():
    assert find_entities("قال الرئيس بوتين", date(2024, 1, 1), Gazetteer()) == []


def test_a_catalog_title_that_names_one_seat_resolves_without_a_country(gazetteer):
    # A made-up council: its chair is Kazakhstan's head of state, told only by the council's name.
    chair = CatalogEntity("nurlan-test", "نورلان تست", EntityKind.PERSON, (), country="kazakhstan")
    acting = CatalogEntity("aidos-test", "أيدوس تست", EntityKind.PERSON, (), country="thailand")
    positions = (
        CatalogPosition("nurlan-test", Office.HEAD_OF_STATE, "kazakhstan", "رئيس مجلس الإنقاذ الأعلى"),
        # Common titles joined, or made acting, belong to no one country.
        CatalogPosition("aidos-test", Office.FOREIGN_MINISTER, "thailand", "نائب رئيس الوزراء وزير الخارجية"),
        CatalogPosition("aidos-test", Office.FOREIGN_MINISTER, "thailand", "وزير الخارجية بالإنابة"),
    )
    extended = Gazetteer(gazetteer.entities + (chair, acting), gazetteer.positions + positions)
    found = find_entities("وتلقى رئيس مجلس الإنقاذ الأعلى اتصالا من أردوغان.", date(2024, 5, 2), extended)
    assert {e.slug for e in found if e.kind == EntityKind.PERSON} == {"nurlan-test", "recep-tayyip-erdogan"}
    for text in ("وقال نائب رئيس الوزراء وزير الخارجية إن بلاده مستعدة.", "وصل وزير الخارجية بالإنابة."):
        assert "aidos-test" not in {e.slug for e in find_entities(text, date(2024, 5, 2), extended)}, text
