"""The titles Arabic news puts before (or after) a person's name.

A title is matched like an alias (same automaton, same clitic rules), then
:mod:`newsapp.nlp.entities` reads what follows it: a nationality ("الرئيس
الروسي"), a country or organization ("رئيس روسيا", "الأمين العام للأمم
المتحدة"), a name ("الرئيس شي") or, for people missing from the catalog, the
words of a name ("مستشار الكرملين يوري أوشاكوف").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .normalize import normalize_key
from .types import Office


class TitleRole(StrEnum):
    # Names an office of a country or organization; resolvable by date.
    OFFICE = "office"
    # "الزعيم": the head of state, or the head of government where that is the leader.
    LEADER = "leader"
    # "نائب"/"نائبة" before a name: the vice president of that person's country.
    DEPUTY = "deputy"
    # "نظيره": the holder of the same office as the subject, in another country.
    COUNTERPART = "counterpart"
    # "الزعيمان", "الرئيسين", "قائدا": two people named before.
    DUAL = "dual"
    # "السيد", "الشيخ": no office, only licenses a short name after it.
    HONORIFIC = "honorific"
    # "سموه"، "جلالته": the article's principal of that rank (see :mod:`newsapp.nlp.anaphora`).
    PRONOUN = "pronoun"
    # Any other role ("المتحدث باسم", "الصحفي"): introduces people outside the catalog.
    ROLE = "role"


@dataclass(frozen=True, slots=True)
class Title:
    role: TitleRole
    office: Office | None = None
    count: int = 2  # how many people a group title ("القادة الثلاثة") stands for
    # The country or organization the title itself names: "رئيس مجلس القيادة الرئاسي" is Yemen's
    # head of state whoever holds it (see :func:`newsapp.nlp.matcher.seat_titles`).
    of: str | None = None


_O = TitleRole.OFFICE
_LEXICON: dict[str, Title] = {}


def _add(words: str, role: TitleRole, office: Office | None = None, count: int = 2) -> None:
    for phrase in words.split("|"):
        _LEXICON[normalize_key(phrase)] = Title(role, office, count)


_add(
    "الرئيس|رئيس|الرئيسة|رئيسة|رئيس الدولة|رئيس الجمهورية|رئيسة الجمهورية|الملك|ملك|الملكة|العاهل|عاهل"
    "|السلطان|سلطان|أمير|الأمير|أميرة|أمير البلاد|عاهل البلاد|رئيس البلاد|خادم الحرمين الشريفين",
    _O,
    Office.HEAD_OF_STATE,
)
_add(
    "رئيس الوزراء|رئيسة الوزراء|رئيس وزراء|رئيسة وزراء|رئيس الحكومة|رئيسة الحكومة|رئيس حكومة|رئيسة حكومة"
    "|رئيس مجلس الوزراء|رئيسة مجلس الوزراء|رئيس مجلس وزراء|رئيسة مجلس وزراء|المستشار|المستشارة",
    _O,
    Office.HEAD_OF_GOVERNMENT,
)
_add("نائب الرئيس|نائبة الرئيس|نائب رئيس|نائبة رئيس", _O, Office.VICE_PRESIDENT)
_add("ولي العهد|ولي عهد", _O, Office.CROWN_PRINCE)
_add(
    "وزير الخارجية|وزيرة الخارجية|وزير خارجية|وزيرة خارجية|وزير الشؤون الخارجية|وزيرة الشؤون الخارجية"
    "|رئيس الدبلوماسية|رئيسة الدبلوماسية|كبير الدبلوماسيين|كبيرة الدبلوماسيين",
    _O,
    Office.FOREIGN_MINISTER,
)
_add(
    "مستشار الأمن القومي|مستشارة الأمن القومي|مستشار الأمن الوطني|مستشارة الأمن الوطني",
    _O,
    Office.NATIONAL_SECURITY_ADVISOR,
)
_add("الأمين العام|أمين عام|الأمينة العامة|أمينة عامة", _O, Office.SECRETARY_GENERAL)
_add("الزعيم|زعيم|الزعيمة|زعيمة|القائد|قائد", TitleRole.LEADER)
_add("نائب|نائبة", TitleRole.DEPUTY)
_add("نظيره|نظيرته|نظيرها|نظيرتها|نظيرهما", TitleRole.COUNTERPART)
_add(
    "الزعيمان|الزعيمين|زعيما|زعيمي|الرئيسان|الرئيسين|رئيسا|القائدان|القائدين|قائدا|قائدي"
    "|الجانبان|الجانبين|الطرفان|الطرفين|المسؤولان",
    TitleRole.DUAL,
)
# "القادة الثلاثة"، "الوزراء الأربعة": the last three (four) people named, like a dual.
for _count, _number in enumerate(("الثلاثة", "الأربعة", "الخمسة"), start=3):
    _add(
        "|".join(
            f"{group} {_number}"
            for group in ("القادة", "الزعماء", "الرؤساء", "الوزراء", "المسؤولين", "المسؤولون")
        ),
        TitleRole.DUAL,
        count=_count,
    )
_add(
    "السيد|السيدة|الشيخ|الشيخة|فخامة|سمو|معالي|الدكتور|الدكتورة|جلالة|صاحب الجلالة|حضرة صاحب الجلالة"
    "|صاحب السمو|صاحب السمو الملكي|حضرة صاحب السمو|سعادة|العماد|المشير|الفريق|الفريق أول|اللواء|المهندس",
    TitleRole.HONORIFIC,
)
_add("جلالته|جلالتها|فخامته|فخامتها|سموه|سموها|معاليه|معاليها", TitleRole.PRONOUN)
_add(
    "المتحدث باسم|المتحدثة باسم|الناطق باسم|الناطقة باسم|المتحدث الرسمي باسم|الناطق الرسمي باسم"
    "|مستشار|مستشارة|مساعد|مساعدة|الصحفي|الصحفية|الصحافي|الصحافية|الإعلامي|الإعلامية|المذيع|المذيعة"
    "|الكاتب|الكاتبة|المحلل|المحللة|الخبير|الخبيرة|السفير|السفيرة|سفير|سفيرة|المبعوث|المبعوثة|مبعوث"
    "|المندوب|المندوبة|مندوب|وزير|وزيرة|الوزير|الوزيرة|المدير|المديرة|مدير|مديرة|الجنرال|النائب"
    "|رئيس البرلمان|رئيس مجلس النواب|رئيس مجلس الشيوخ|رئيس مجلس الأمة|رئيس مجلس الشورى|رئيس الكنيست"
    "|رئيس الأركان|رئيس هيئة الأركان|رئيس المخابرات|رئيس الاستخبارات|رئيس الديوان|رئيس المجلس"
    "|نائب رئيس الوزراء|نائبة رئيس الوزراء|نائب رئيس الحكومة|وزير الدولة|المفوض|المفوضة|الممثل الأعلى"
    "|الممثلة العليا|الممثل|الممثلة|ممثل|ممثلة|رئيس بعثة|رئيسة بعثة|المرشد|المرشح|المرشحة|رجل الأعمال|الملياردير",
    TitleRole.ROLE,
)

# Journalists and commentators: an interview is not a meeting, and the one who asks is not a side
# of the calls the guest tells about ("في حوار مع الإعلامي أحمد موسى ... أجرى اتصالاً").
PRESS = frozenset(
    normalize_key(w)
    for w in [
        "الصحفي",
        "الصحفية",
        "الصحافي",
        "الصحافية",
        "الإعلامي",
        "الإعلامية",
        "المذيع",
        "المذيعة",
        "الكاتب",
        "الكاتبة",
        "المحلل",
        "المحللة",
    ]
)

# Countries whose leader, in news usage, is the head of government.
PARLIAMENTARY_LEADERS = frozenset(
    [
        "united-kingdom",
        "japan",
        "india",
        "israel",
        "germany",
        "italy",
        "canada",
        "spain",
        "pakistan",
        "iraq",
        "lebanon",
        "australia",
        "netherlands",
        "greece",
        "hungary",
        "poland",
        "sweden",
        "norway",
        "denmark",
        "belgium",
        "bangladesh",
        "nepal",
        "malaysia",
        "thailand",
        "ethiopia",
        "armenia",
        "new-zealand",
        "portugal",
        "ireland",
        "austria",
        "czechia",
        "slovakia",
        "croatia",
    ]
)


# Words that make any office acting or caretaker: a title that only adds them to a common title
# ("وزير الخارجية بالإنابة"، "رئيس حكومة تصريف الأعمال") names no one country's seat.
INTERIM_WORDS = frozenset(
    normalize_key(w) for w in ("بالإنابة", "بالوكالة", "بالنيابة", "المكلف", "المكلفة", "تصريف", "الأعمال")
)


def title_lexicon() -> dict[str, Title]:
    """Every title key and what it names.

    >>> title_lexicon()[normalize_key("رئيسة الوزراء")].office
    <Office.HEAD_OF_GOVERNMENT: 'head_of_government'>
    """
    return dict(_LEXICON)
