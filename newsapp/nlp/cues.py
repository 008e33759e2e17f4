"""Phrases around a trigger that tell the meeting reader how to read it.

All patterns run on the normalized key (see :func:`newsapp.nlp.normalize.normalize_key`).
"""

from __future__ import annotations

import re

# A visit told as a circumstance of a reception: "الذي يقوم بزيارة"، "في زيارة"، "خلال زيارته".
VISIT_CLAUSE = re.compile(
    r"(?:الذي|التي|الذين|اللذين|اللتين|اللذان)\s+(?:\S+\s+){0,2}$"
    r"|(?<!\w)[وف]?(?:في|خلال|ضمن|اثناء)(?: (?:مستهل|ختام|اطار|بدايه))?\s*$"
)
# A reception during the visit just told: "استقبله"، "التقى خلالها"، "حيث التقى".
OBJECT_PRONOUN = re.compile(r"(?:ه|ها|هم|هما)$")
DURING = re.compile(r"(?<!\w)(?:خلالها|خلاله|حيث)(?!\w)")
FOR_FORUM = re.compile(
    r"(?<!\w)(?:للمشاركه|لحضور|للمشاركه في|لترؤس)(?: \S+){0,2}? (?:ال)?(?:مءتمر|قمه|منتدي|اجتماعات|اعمال|فعاليات|الدوره)"
)
# A background clause: "وكان ... قد التقى"، "سبق أن"، "آخر مرة".
BACKGROUND = re.compile(
    r"(?<!\w)[وف]?(?:كان|كانت|كانا|كانوا)(?!\w)[^.]{0,90}?(?<!\w)قد(?!\w)|(?<!\w)[وف]?(?:سبق|سابق|اخر مره|انذاك)(?!\w)"
)

# An unnamed group on the other side: "يلتقي خلالها قادة هذه الدول"، "التقى عددا من المسؤولين".
GROUP_OBJECT = re.compile(
    r"\s*(?:(?:خلال|مع)(?:ها|ه|هم)?\s+)?[بم]?(?:ال)?(?:قاده|زعماء|مسءولي|مسءولين|وزراء|رءساء|عددا من|عدد من|كبار|ممثلي)(?!\w)"
)
