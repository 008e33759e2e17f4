"""Scraped-page junk goes, the story's sentences and captions stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsapp.nlp.clean import clean_text, fallback_title, split_title

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def seed(number: str) -> tuple[str, str | None]:
    meta = {m["file"][:3]: m for m in json.loads((SEEDS / "seeds.json").read_text(encoding="utf-8"))}[number]
    return (SEEDS / meta["file"]).read_text(encoding="utf-8"), meta["title"]


def test_seed_004_loses_logo_loading_share_teasers_related_block_and_menu() -> None:
    raw, title = seed("004")
    text = clean_text(raw, title=title)
    for junk in ("logo", "Loading", "شارك الخبر", "Facebook", "شاهد ايضاً", "التصنيف", "أخبار ذات صلة"):
        assert junk not in text
    assert "الرئيسيةأخبار" not in text
    assert "لدى الصين الكثير على المحك" not in text  # a related-article teaser
    assert not text.startswith(title or "")
    assert "التقى الزعيم الصيني شي جين بينغ ورئيس روسيا فلاديمير بوتين على هامش قمة" in text
    assert "في 3 يوليو 2024. سيرجي غونييف/سبوتنيك/رويترز" in text
    assert "مثلث دبلوماسي؟" in text
    assert text.endswith("حسبما ذكر الكرملين يوم الثلاثاء.")


def test_seed_003_loses_ad_marker_source_link_and_comment_counter() -> None:
    raw, title = seed("003")
    text = clean_text(raw, title=title)
    assert "[إعلان 2]" not in text and "رابط المصدر" not in text and "تعليق (0)" not in text
    assert text.endswith("فام جيانج (وفقا لشبكة CNN ورويترز )")  # the byline stays
    assert "الصورة: وكالة فرانس برس" in text  # so does the caption


def test_seed_001_loses_the_visitor_comments_counter() -> None:
    raw, title = seed("001")
    text = clean_text(raw, title=title)
    assert "تعليقات الزوار" not in text
    assert text.startswith("اتفق وزير الخارجية الصيني وانغ يي")


def test_clean_text_keeps_every_story_sentence_of_every_seed() -> None:
    for number in ("000", "001", "002", "003"):
        raw, title = seed(number)
        text = clean_text(raw, title=title)
        for line in raw.splitlines():
            if len(line.split()) >= 8:
                assert line.strip() in text, line


def test_seed_002_first_line_is_a_headline_and_seed_003_first_line_a_lead() -> None:
    title, body = split_title(clean_text(seed("002")[0]))
    assert (
        title == "يناقش بايدن وشي جين بينغ الحرب بين روسيا وأوكرانيا وتايوان وأمن الانتخابات ومكافحة المخدرات"
    )
    assert body.startswith("رئيس جو بايدن أجرى محادثات هاتفية")
    text = clean_text(seed("003")[0])
    assert split_title(text) == (None, text)


@pytest.mark.parametrize(
    "junk",
    [
        "اقرأ أيضاً: الرئيس يستقبل نظيره",
        "إقرأ أيضا - بوتين يزور الهند",
        "شاهد أيضا: فيديو القمة",
        "Loading...",
        "جاري التحميل...",
        "شارك:",
        "مشاركة",
        "فيسبوك تويتر واتساب",
        "Facebook Twitter WhatsApp",
        "0 تعليق",
        "التعليقات (12)",
        "إعلان",
        "ADVERTISEMENT",
        "اضغط هنا",
        "انقر هنا لمتابعة قناتنا",
        "الوسوم: الصين، روسيا",
        "كلمات مفتاحية: قمة",
        "***",
        "—",
        "الرئيسية | أخبار | سياسة | اقتصاد | رياضة",
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق",
    ],
)
def test_each_kind_of_junk_line_is_removed(junk: str) -> None:
    assert clean_text(f"التقى الرئيسان في القاهرة.\n{junk}\nوبحثا العلاقات الثنائية.") == (
        "التقى الرئيسان في القاهرة.\nوبحثا العلاقات الثنائية."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "شاهد الملايين المباراة على التلفزيون الرسمي.",
        "وكتب الرئيس على فيسبوك أنه التقى نظيره.",
        "ورفض المتحدث التعليق على الزيارة.",
        "وقال إن الإعلان عن الزيارة سيتم لاحقا.",
        "اقرأ المقال الكامل في الصحيفة، قال الوزير للصحفيين.",
        "الصين",
    ],
)
def test_story_sentences_that_mention_junk_words_stay(sentence: str) -> None:
    assert sentence in clean_text(f"التقى الرئيسان.\n{sentence}\nوبحثا العلاقات.")


def test_related_block_is_cut_only_near_the_end() -> None:
    story = "\n".join(f"الجملة رقم {i} من الخبر عن لقاء الرئيسين." for i in range(6))
    assert clean_text(f"{story}\nمواضيع ذات صلة\nخبر آخر عن بوتين") == story
    # Near the top it is a one-line teaser header, not the page's tail.
    assert "الجملة رقم 5" in clean_text(f"مقالات ذات صلة:\n{story}")


def test_whitespace_line_endings_duplicates_and_bom_are_normalised() -> None:
    raw = "\ufeffالتقى الرئيسان.\r\n\r\n\r\n\r\n  وبحثا العلاقات.  \r\nوبحثا العلاقات.\n\n"
    assert clean_text(raw) == "التقى الرئيسان.\n\nوبحثا العلاقات."


def test_arabic_is_kept_exactly_as_written() -> None:
    raw = "قالَ الرئيسُ إنّ اللقاءَ \u200fمثمرٌ، وأكّد «الشراكة» – ٢٠٢٤."
    assert clean_text(raw) == raw


def test_a_leading_line_equal_to_the_title_is_dropped() -> None:
    assert clean_text("شي يلتقي بوتين\nالتقى شي بوتين.", title="شي يلتقي بوتين.") == "التقى شي بوتين."
    assert clean_text("التقى شي بوتين.\nشي يلتقي بوتين", title="شي يلتقي بوتين").endswith("شي يلتقي بوتين")


def test_a_glued_navigation_menu_is_removed() -> None:
    raw = "الرئيسيةأخبارسياسةأعمالرياضةالعالمتكنولوجيااقتصادصحةتسلية\nالتقى الرئيسان في القاهرة."
    assert clean_text(raw) == "التقى الرئيسان في القاهرة."


def test_split_title_needs_more_text_after_the_headline() -> None:
    assert split_title("قمة بكين") == (None, "قمة بكين")
    assert split_title("هل تلعب الصين دور الوسيط؟\nقال الرئيس إن") == (
        "هل تلعب الصين دور الوسيط؟",
        "قال الرئيس إن",
    )
    assert split_title("") == (None, "")


def test_fallback_title_cuts_at_a_word_boundary() -> None:
    text = "اتفق وزير الخارجية الصيني وانغ يي ومستشار الأمن القومي الأمريكي جيك سوليفان على مواصلة الجهود."
    title = fallback_title(text, limit=40)
    assert title.endswith("…") and len(title) <= 41
    assert text.startswith(title[:-1])
    assert fallback_title("التقى شي بوتين. ثم عاد.") == "التقى شي بوتين"
    assert fallback_title("") == ""
