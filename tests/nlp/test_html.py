"""A scraped news page becomes title, body text, publication date and URL."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsapp.nlp.clean import clean_text
from newsapp.nlp.html import HtmlDocument, html_to_document

STORY = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين في موسكو يوم الثلاثاء."

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<title>شي يلتقي بوتين في موسكو - سكاي نيوز عربية</title>
<meta property="og:title" content="شي يلتقي بوتين في موسكو | سكاي نيوز عربية">
<meta property="article:published_time" content="2023-03-21T09:30:00+03:00">
<link rel="canonical" href="https://example.com/world/xi-putin">
<script>var ads = "شاهد أيضا";</script><style>p {{ color: red }}</style>
</head><body>
<header><a href="/">الرئيسية</a></header>
<nav><ul><li>أخبار</li><li>سياسة</li></ul></nav>
<div class="container"><div class="sidebar"><p>الأكثر قراءة: خبر عن بايدن</p></div>
<article>
<h1>شي يلتقي بوتين في موسكو</h1>
<div class="share-buttons">Facebook Twitter</div>
<p>{STORY}</p>
<figure><img src="x.jpg"><figcaption>شي وبوتين في الكرملين في مارس 2023</figcaption></figure>
<p>وقال بوتين<br>إن العلاقات ممتازة.</p>
<div class="related-articles"><p>بايدن يزور كييف</p></div>
<div id="comments"><p>تعليق (3)</p></div>
<div class="ad-slot">إعلان</div>
</article></div>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def test_a_news_page_gives_title_text_date_and_url() -> None:
    doc = html_to_document(PAGE)
    assert doc.title == "شي يلتقي بوتين في موسكو"
    assert doc.published == date(2023, 3, 21)
    assert doc.url == "https://example.com/world/xi-putin"
    assert doc.text.splitlines() == [
        STORY,
        "شي وبوتين في الكرملين في مارس 2023",
        "وقال بوتين",
        "إن العلاقات ممتازة.",
    ]


def test_page_furniture_and_other_stories_are_left_out() -> None:
    text = html_to_document(PAGE).text
    for junk in (
        "الرئيسية",
        "سياسة",
        "الأكثر قراءة",
        "بايدن",
        "Facebook",
        "تعليق",
        "إعلان",
        "الحقوق",
        "var ads",
    ):
        assert junk not in text


def test_the_title_falls_back_to_h1_then_the_title_tag_without_the_site_name() -> None:
    assert html_to_document("<h1>قمة العشرين في بالي</h1><p>نص</p>").title == "قمة العشرين في بالي"
    page = "<html><head><title>قمة العشرين في بالي | الجزيرة نت</title></head><body><p>نص</p></body></html>"
    assert html_to_document(page).title == "قمة العشرين في بالي"


def test_the_date_comes_from_item_props_or_a_time_element() -> None:
    page = '<div itemprop="datePublished" content="2024-02-09">9 فبراير</div><p>نص</p>'
    assert html_to_document(page).published == date(2024, 2, 9)
    page = '<time datetime="2024-04-02T12:00">الثلاثاء</time><p>نص</p>'
    assert html_to_document(page).published == date(2024, 4, 2)
    assert html_to_document('<time datetime="2024-02-31">x</time>').published is None


def test_the_url_falls_back_to_og_url() -> None:
    page = '<meta property="og:url" content="https://example.com/a"><p>نص</p>'
    assert html_to_document(page).url == "https://example.com/a"


def test_article_body_item_prop_is_preferred_over_the_rest_of_the_page() -> None:
    page = f'<div><p>{"قائمة طويلة من العناوين الأخرى. " * 10}</p></div><div itemprop="articleBody"><p>{STORY}</p></div>'
    assert html_to_document(page).text == STORY


def test_without_article_or_main_the_largest_paragraph_container_wins() -> None:
    page = f'<body><div class="top">روابط</div><div class="story"><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p></div></body>'
    assert html_to_document(page).text == "\n".join([STORY] * 3)


def test_the_text_then_goes_through_clean_text() -> None:
    page = f"<article><p>{STORY}</p><p>اقرأ أيضاً: بايدن يزور كييف</p><p>Loading...</p></article>"
    assert clean_text(html_to_document(page).text) == STORY


def test_malformed_or_empty_html_never_raises() -> None:
    for html in (
        "",
        "<<<>>>",
        "<p>نص",
        "<!DOCTYPE x [ <!ENTITY",
        "<![CDATA[",
        "\x00\ufeff<body>",
        "<a href='",
        "</p></div>",
    ):
        assert isinstance(html_to_document(html), HtmlDocument)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' pdivbrclass-sharetime!مرحبا[]&;#")), max_size=120))
def test_html_to_document_never_raises_on_random_markup(html: str) -> None:
    assert isinstance(html_to_document(html).text, str)
