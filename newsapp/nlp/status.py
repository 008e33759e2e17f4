"""Is a reported meeting held, planned, denied, or not a meeting at all?

Each check looks at a short window of the normalized key around a trigger:
"سيلتقي"/"من المقرر" announce (planned), "لم يتحدث"/"لا توجد خطط" deny,
"مقابلة مع الصحفي"/"مكالمة مع الصحفيين" are press work, "في 5 مناسبات" sums
up many events without dating any.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Verdict(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    DROP = "drop"


_PLANNED = re.compile(
    r"(?<!\w)[وف]?(?:من (?:المقرر|المنتظر|المتوقع|المرتقب|المزمع)|(?:ال)?مرتقب\w*|[يت]عتزم\w*|[يت]زمع"
    r"|سوف|المقبل|المقبله|القادم|القادمه|المستقبليه|[يت]رتقب|[يت]خطط|خطط"
    r"|س[يتن](?:لتقي|زور|جتمع|ستقبل|عقد|جري|تحدث|بحث|تصل|ناقش|توجه|شارك|حضر|صل)\w*)(?!\w)"
)
_NEGATED_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:لم|لن|ليس|ليست|لا|دون|بدون|نفي|نفت|ينفي|تنفي|نافيا)(?:\s+\w+)?(?:\s+اي)?\s*$"
)
# "نفى الكرملين أن يكون بوتين قد تحدث ..." denies everything the sentence reports after it.
_DENIED = re.compile(r"(?<!\w)[وف]?(?:نفي|نفت|ينفي|تنفي|نافيا|نافيه|كذب|كذبت)(?!\w)")
_NO_PLANS = re.compile(
    r"(?<!\w)(?:لا توجد|ليست هناك|لا|لم تكن هناك|ليس هناك|لا يوجد) (?:\w+ )?(?:خطط|خطه|نيه|اي خطط)"
)
_PRESS = re.compile(
    r"(?<!\w)(?:مع|ل) ?(?:ال)?(?:صحفيين|صحافيين|صحافه|اعلاميين|مراسلين|وساءل الاعلام)(?!\w)"
    r"|(?<!\w)[وفب]?(?:ال)?مقابل(?:ه|ات) (?:مع|صحفيه|تلفزيونيه|اجرتها|اجراها)"
)
# "دعاه إلى زيارة موسكو"، "ودعوته لرئيس الوزراء لزيارة طهران": an invitation, not a visit.
_INVITATION = re.compile(
    r"(?<!\w)[وف]?(?:دعا|دعت|دعاه|دعاها|دعوه|دعوته|دعوتها|يدعو|تدعو)(?!\w)(?:\s+\S+){0,4}?\s+(?:[وف]?ل|الي\s+)زيار"
)
# "كان من المقرر أن يشارك ... قبل أن يعلن الأردن إلغاءها"، "سيزور تركيا، غير أن الزيارة لم تتم":
# a contact announced, then called off or put off, in the same sentence.
_CALLED_OFF = re.compile(
    r"(?<!\w)[وف]?(?:لم (?:تتم|يتم|تعقد|يعقد|تحدث|يحدث)|[بل]?الغاء\w*|الغي\w*|[بل]?تاجيل\w*|تاجل\w*|اجلت"
    r"|[بل]?ارجاء\w*|ارجء\w*)(?!\w)"
)
_AGGREGATE = re.compile(
    r"(?<!\w)(?:\d+|عده|عشرات|مرات|مناسبات عده)\s+(?:مناسبات|مرات|مره)(?!\w)|(?<!\w)عده مرات"
)


def verdict(key: str, start: int, end: int, sentence_start: int, sentence_end: int) -> Verdict:
    """What a trigger at ``key[start:end]`` reports, judged from its own sentence.

    >>> key = "وسيلتقي الرئيسان الشهر المقبل"
    >>> verdict(key, 1, 7, 0, len(key))
    <Verdict.PLANNED: 'planned'>
    >>> key = "لم يتحدث بايدن مع شي"
    >>> verdict(key, 3, 17, 0, len(key))
    <Verdict.DROP: 'drop'>
    """
    before = key[max(sentence_start, start - 40) : start]
    after = key[end : min(sentence_end, end + 40)]
    near_after = key[end : min(sentence_end, end + 25)]
    if _DENIED.search(key, sentence_start, start):
        return Verdict.DROP
    if _NEGATED_BEFORE.search(before) or _NO_PLANS.search(before[-30:]):
        return Verdict.DROP
    if _PRESS.search(before[-30:]) or _PRESS.search(near_after):
        return Verdict.DROP
    if "زيار" in key[start:end] and _INVITATION.search(key, max(sentence_start, start - 60), end):
        return Verdict.DROP
    if _AGGREGATE.search(after):
        return Verdict.DROP
    announced = _PLANNED.search(key, sentence_start, end) or _PLANNED.search(near_after)
    if announced and _CALLED_OFF.search(key, end, sentence_end):
        return Verdict.DROP
    if _PLANNED.search(key[start:end]) or _PLANNED.search(before[-25:]) or _PLANNED.search(near_after):
        return Verdict.PLANNED
    return Verdict.HELD
