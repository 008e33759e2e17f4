"""The calendar's words as news writes them: months of every Arabic region, Hijri months, weekdays, ordinals.

Spellings are matching keys (``normalize.normalize_key``); ``dates`` builds its patterns from them.
"""

from __future__ import annotations

# Spellings as they read in the matching key (أ/إ/آ→ا, ة→ه, ى→ي, ئ/ؤ→ء); "_" is a space,
# "|" separates months.
_MONTH_TABLE = (
    "يناير ينير جانفي جانفيه كانون_الثاني كانون_ثاني|فبراير فبرير فيفري شباط|مارس اذار|ابريل افريل نيسان|مايو ماي ايار"
    "|يونيو يونيه جوان حزيران|يوليو يوليه يوليوز جويليه تموز|اغسطس اغشت غشت اوت اب|سبتمبر شتنبر ايلول"
    "|اكتوبر تشرين_الاول تشرين_اول|نوفمبر نونبر تشرين_الثاني تشرين_ثاني|ديسمبر دسمبر دجنبر كانون_الاول كانون_اول"
)
_HIJRI_TABLE = (
    "محرم|صفر|ربيع_الاول ربيع_اول|ربيع_الثاني ربيع_الاخر ربيع_ثاني|جمادي_الاولي جمادي_الاول|جمادي_الثانيه"
    " جمادي_الاخره جمادي_الاخر جمادي_الثاني|رجب|شعبان|رمضان|شوال|ذو_القعده ذي_القعده|ذو_الحجه ذي_الحجه"
)


def _table(table: str) -> dict[str, int]:
    return {w.replace("_", " "): n for n, names in enumerate(table.split("|"), 1) for w in names.split()}


MONTHS = _table(_MONTH_TABLE)
HIJRI_MONTHS = _table(_HIJRI_TABLE)
# Words that are also verbs, names or nouns: "مارس" (practised), "ماي" (Theresa May),
# "نيسان" (the car maker), "شباط" (a surname). Alone they need a cue before them;
# "آب" folds to "اب" (father) and needs "شهر".
AMBIGUOUS_MONTHS = frozenset({"مارس", "ماي", "اوت", "جوان", "نيسان", "شباط"})
_CUES = "في منذ خلال حتي شهر الشهر مطلع اواءل اواخر منتصف اواسط بدايه نهايه قبل بعد حلول"
MONTH_CUES = frozenset(_CUES.split())
# Python weekday numbers: Monday is 0.
WEEKDAYS = {
    w: n - 1 for w, n in _table("الاثنين|الثلاثاء الثلثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد").items()
}
_UNITS = "الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع".split()  # noqa: SIM905
ORDINALS = {"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي والثلاثين": 31}
for _i, _unit in enumerate(_UNITS, 1):
    ORDINALS |= {_unit: _i, f"{'الحادي' if _i == 1 else _unit} عشر": 10 + _i}
    ORDINALS[f"{'الحادي' if _i == 1 else _unit} والعشرين"] = 20 + _i

# "الماضي" → the last one before publication, "الجاري" → this one, "المقبل" → the next one.
SHIFT = {"الماضي": -1, "المنصرم": -1, "الفاءت": -1, "الجاري": 0, "الحالي": 0, "المقبل": 1, "القادم": 1}
