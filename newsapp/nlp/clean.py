"""Strip scraped-page junk from an article body, keeping the Arabic exactly as written.

Lines are judged one at a time on their matching key (``normalize_key``), so "اقرأ أيضاً"
and "اقرا ايضا" are one rule; the kept lines are returned untouched. A rule removes a
line only when the whole line is junk: a sentence of the story that merely mentions
"فيسبوك" or "تعليق" stays. Photo captions and bylines stay too: captions often report
meetings.
"""

from __future__ import annotations

import re

from .normalize import normalize_key

# Characters that may pad a line without being text: bidi marks, zero-width, BOM.
_EDGE_JUNK = " \t\u00a0\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Whole-line junk, matched on the key of the stripped line.
_JUNK_LINE = re.compile(
    r"(?:"
    r".{1,40} logo|logo .{1,40}|logo"  # site logo alt text: "خبرين logo"
    r"|loading\W*|جاري التحميل\W*|يتم التحميل\W*"
    r"|\[? ?(?:اعلان|advertisement|sponsored|محتوي مدفوع) ?[0-9]*\W?\]?"
    r"|(?:رابط المصدر|الرابط المختصر|رابط مختصر|نسخ الرابط|طباعه|print)\W*"
    r"|(?:[0-9]+ ?)?(?:تعليق|تعليقات|التعليقات)(?: الزوار)? ?(?:\( ?[0-9]+ ?\))?\W*"
    r"|(?:اضف|أضف|اكتب) (?:تعليق|تعليقا|تعليقك)\W*"
    r"|(?:التصنيف|التصنيفات|القسم|الوسوم|وسوم|الكلمات المفتاحيه|كلمات مفتاحيه|tags) ?[:：].{0,80}"
    r"|(?:(?:انقر|اضغط) هنا|للمزيد اضغط هنا).{0,40}"
    r")",
    re.IGNORECASE,
)
# Teasers for other articles: "شاهد ايضاً: ...", "اقرأ أيضا - ...". The verb alone is not
# enough ("شاهد الملايين المباراة" is a sentence), it needs "ايضا"/"كذلك" or a colon.
_TEASER = re.compile(r"(?:شاهد|اقرا|طالع|تابع)(?: (?:ايضا|كذلك|المزيد)\W*|\W*[:：|]).*")
_SHARE_WORDS = re.compile(
    r"(?:شارك(?: الخبر| المقال| هذا المقال| علي)?|مشاركه|المشاركه|share|facebook|twitter|x|linkedin|email"
    r"|whatsapp|telegram|pinterest|reddit|messenger|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تيليجرام|تلغرام"
    r"|لينكد ان|انستغرام|instagram|البريد الالكتروني|ارسل|طباعه)",
    re.IGNORECASE,
)
_SHARE_LINE = re.compile(rf"(?:{_SHARE_WORDS.pattern}[\W_]*)+", re.IGNORECASE)
_RELATED_HEAD = re.compile(
    r"(?:اخبار|مواضيع|مقالات|قصص|تقارير) (?:ذات صله|متعلقه|مشابهه|مرتبطه)\W*"
    r"|(?:اقرا|شاهد) (?:المزيد|ايضا)\W*|المزيد من (?:الاخبار|المقالات)\W*"
    r"|قد (?:يهمك|يعجبك) (?:ايضا)?\W*|الاكثر (?:قراءه|مشاهده)\W*|ذات صله\W*"
)
_COOKIE = re.compile(r"ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|cookies?\b", re.IGNORECASE)
# A cookie notice asks for consent; a story about cookies does not.
_CONSENT = re.compile(r"نستخدم|يستخدم هذا الموقع|موقعنا|موافق|اوافق|قبول|تصفحك|we use|accept", re.IGNORECASE)
# Section names that scraped navigation bars glue together: "الرئيسيةأخبارسياسةأعمال...".
_MENU_WORDS = (
    "الرءيسيه|اخبار|الاخبار|سياسه|اقتصاد|اعمال|رياضه|العالم|عربي|دولي|محليات|تكنولوجيا|صحه|ثقافه|فن|فنون"
    "|منوعات|تسليه|مقالات|اراء|فيديو|صور|علوم|سياحه|سيارات|المراه|مجتمع|حوادث|اتصل بنا|من نحن"
)
_MENU_GLUED = re.compile(rf"(?:{_MENU_WORDS})")
_MENU_LINE = re.compile(rf"(?:(?:{_MENU_WORDS})[ |/•·-]*){{3,}}")
_HAS_WORD = re.compile(r"[^\W_]")
_SENTENCE_END = ".!?؟…"


def _is_menu(key: str) -> bool:
    if _MENU_LINE.fullmatch(key):
        return True
    # One long glued token made mostly of section names.
    return any(len(tok) >= 20 and len(_MENU_GLUED.findall(tok)) >= 4 for tok in key.split())


def _is_junk(line: str) -> bool:
    key = normalize_key(line)
    if not _HAS_WORD.search(key):
        return True  # punctuation only: "***", "—", "|"
    if _JUNK_LINE.fullmatch(key) or _TEASER.fullmatch(key) or _is_menu(key):
        return True
    if len(key) <= 60 and _SHARE_LINE.fullmatch(key.replace(" ", "")):
        return True
    return len(key) <= 60 and _SHARE_LINE.fullmatch(key) is not None


def _lines(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return [line.strip(_EDGE_JUNK).strip() for line in text.split("\n")]


def clean_text(raw: str, *, title: str | None = None) -> str:
    """The article body without page junk; kept lines are returned exactly as written.

    Paragraphs are separated by one blank line at most.

    >>> clean_text("خَبَرَيْن logo\\nLoading...\\nالتقى شي بوتين.\\nشاهد ايضاً: خبر آخر\\nتعليق (0)")
    'التقى شي بوتين.'
    >>> clean_text("قمة بكين\\n\\n\\nالتقى شي بوتين.\\nالتقى شي بوتين.", title="قمة بكين")
    'التقى شي بوتين.'
    """
    lines = _lines(raw)
    total = sum(len(line) + 1 for line in lines) or 1
    kept: list[str] = []
    seen = 0
    for line in lines:
        seen += len(line) + 1
        if not line:
            kept.append("")
            continue
        key = normalize_key(line)
        # A "related articles" heading past the middle starts the page's tail: drop it all.
        if seen > total * 0.4 and _RELATED_HEAD.fullmatch(key):
            break
        if _COOKIE.search(key) and _CONSENT.search(key) and len(key) < 400:
            continue
        if _is_junk(line):
            continue
        previous = next((k for k in reversed(kept) if k), None)
        if previous == line:
            continue  # scraped pages repeat headings and captions
        kept.append(line)
    _drop_leading_title(kept, title)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def _drop_leading_title(lines: list[str], title: str | None) -> None:
    if not title:
        return
    wanted = normalize_key(title).rstrip(_SENTENCE_END + " ")
    for index, line in enumerate(lines):
        if line:
            if normalize_key(line).rstrip(_SENTENCE_END + " ") == wanted:
                del lines[index]
            return


def split_title(text: str) -> tuple[str | None, str]:
    """Take a headline-like first line as the title: short, no sentence-final stop, more text after.

    >>> split_title("يناقش بايدن وشي الحرب في أوكرانيا\\n\\nأجرى الرئيس جو بايدن محادثات هاتفية.")
    ('يناقش بايدن وشي الحرب في أوكرانيا', 'أجرى الرئيس جو بايدن محادثات هاتفية.')
    >>> split_title("تحدث الرئيس شي هاتفيا مع الرئيس بوتن.\\nوفي مكالمة هاتفية ...")[0] is None
    True
    """
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first, rest = first.strip(), rest.strip()
    words = first.split()
    # Headlines may end with "؟" or "!", a lead sentence ends with a full stop.
    headline = (
        2 <= len(words) <= 25 and len(first) <= 160 and not first.endswith((".", "…", "،", ",", ":", "؛"))
    )
    if headline and rest:
        return first, rest
    return None, text


def fallback_title(text: str, limit: int = 120) -> str:
    """The first sentence, cut at a word boundary with "…" when longer than ``limit``.

    >>> fallback_title("اتفق وزير الخارجية الصيني وانغ يي ومستشار الأمن القومي الأمريكي. ثم ...", limit=30)
    'اتفق وزير الخارجية الصيني…'
    >>> fallback_title("التقى شي بوتين. ثم عاد.")
    'التقى شي بوتين'
    """
    body = " ".join(text.split())
    match = re.search(r"[.!?؟…](?:\s|$)", body)
    sentence = (body[: match.start()] if match else body).strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0] if " " in sentence[:limit] else sentence[:limit]
    return cut.rstrip(" ،,:؛-–") + "…"
