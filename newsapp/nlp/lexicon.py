"""Closed word lists the readers share: words that end a name, verbs of speech.

All entries are normalized keys (see :func:`newsapp.nlp.normalize.normalize_key`),
written here in plain Arabic and normalized once at import.
"""

from __future__ import annotations

from .normalize import normalize_key


def _keys(words: str) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words.split())


def _verb_forms(stems: str) -> frozenset[str]:
    # Past-tense stems with the suffixes news prose uses: -ت (she), -ا (dual), -وا (they), -تا.
    out: set[str] = set()
    for stem in stems.split():
        key = normalize_key(stem)
        out |= {key, key + "ت", key + "ا", key + "وا", key + "تا"}
    return frozenset(out)


FUNCTION_WORDS = _keys(
    "في من إلى الى على عن مع أن إن ان الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء قد لقد كان كانت"
    " يوم أمس اليوم غدا خلال بعد قبل حيث كما لكن لكنه أو ثم حول عبر بين منذ عند لدى ضد دون غير كل بعض أيضا"
    " نحو وفق وفقا حسب بحسب حسبما لم لن لا ما هل إذ إذا حتى بينما ليس إلا سوف أنه أنها إنه إنها نفسه نفسها"
    " الى عليه عليها فيه فيها منه منها له لها به بها هو هي هم هما إنهم أنهم الذي مساء صباح ظهر ليلة"
    " مؤخرا سابقا لاحقا اليوم الليلة الماضي الماضية المقبل المقبلة الجاري الحالي العام الشهر الأسبوع"
    " عدم رئيسا بشأن إزاء تجاه عقب إثر أثناء جراء بسبب لأن كي لكي مثل وسط قرب أمام خلف فوق تحت جدا فقط"
    " الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
    " يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
    " جانفي فيفري أفريل ماي جوان جويلية أوت يوليوز غشت شتنبر نونبر دجنبر"
    " كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"
)

SPEECH_VERBS = _verb_forms(
    "قال أكد أعلن أشار أضاف أوضح ذكر صرح دعا شدد أعرب اعتبر رأى لفت نفى كشف أبلغ نقل أفاد تابع"
    " حذر طالب رحب أشاد وصف تعهد اتهم انتقد علق كتب غرد نشر أفادت"
)

OTHER_VERBS = _verb_forms(
    "التقى استقبل بحث ناقش أجرى تلقى زار وصل غادر تحدث عقد وقع هنأ بعث وجه اتفق تطرق استعرض"
    " جدد عبر أجريا شارك حضر ترأس توجه حث سعى أبرم أطلق يلتقي يزور يبحث يناقش يجري يتلقى يعقد"
)
_PRESENT = _keys(
    "يقول تقول يرى ترى يؤكد تؤكد يعتبر تعتبر يأمل تأمل يريد تريد يسعى تسعى يجب يمكن يتوقع يعتزم تعتزم"
    " سيلتقي سيزور سيبحث سيعقد سيجري سيتحدث ستعقد سيواصل"
)
_NOUNS = _keys(
    "اتصال اتصالا مكالمة محادثة محادثات مباحثات لقاء اجتماع قمة زيارة مؤتمر منتدى بيان تصريح تصريحات"
    " هامش رسالة وكالة صحيفة قناة حكومة إدارة وزارة بلاده بلادها البلدين الجانبين الطرفين"
    " مناسبة فترة إطار ظل ضوء سياق صعيد حال انتهاء بداية نهاية ختام مستهل"
    # A title stacked after another ("رئيس مجلس الوزراء حاكم دبي") is no name.
    " حاكم"
)

# Words that can never be part of a person's name after a title.
STOP_WORDS = FUNCTION_WORDS | SPEECH_VERBS | OTHER_VERBS | _PRESENT | _NOUNS

# Words that glue the parts of one name together ("عبد الفتاح", "بن سلمان", "آل سعود").
NAME_PARTICLES = _keys("عبد عبد أبو أبي بن ابن بنت آل ولد")
