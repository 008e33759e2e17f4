"""Article text is shown as text: a body or title containing markup never runs."""

from datetime import date

import pytest

from newsapp.models import Article, Entity, Evidence, Meeting, Mention, Participation, Source
from newsapp.views.highlight import highlight

pytestmark = pytest.mark.django_db

BODY = 'قال بوتين <script>alert("x")</script> إن اللقاء مع شي <b>مهم</b> & مثمر.'


@pytest.fixture
def hostile_article(catalog):
    putin = Entity.objects.get(slug="vladimir-putin")
    xi = Entity.objects.get(slug="xi-jinping")
    article = Article.objects.create(
        title='<script>alert("title")</script> عنوان',
        body=BODY,
        raw_text=BODY,
        source=Source.objects.create(name="<i>مصدر</i>"),
        published_on=date(2024, 2, 9),
        content_hash="f" * 64,
    )
    Mention.objects.create(article=article, entity=putin, start=4, end=9, text="بوتين")
    start = BODY.index("شي")
    Mention.objects.create(article=article, entity=xi, start=start, end=start + 2, text="شي")
    meeting = Meeting.objects.create(kind="meeting", start_date=date(2024, 2, 8))
    Participation.objects.create(meeting=meeting, person=putin)
    Participation.objects.create(meeting=meeting, person=xi)
    Evidence.objects.create(meeting=meeting, article=article, sentence=BODY, start=0, end=len(BODY))
    return article


def test_a_script_in_the_body_is_shown_as_text(client, hostile_article):
    html = client.get(hostile_article.get_absolute_url()).content.decode()
    assert '<script>alert("x")' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;مهم&lt;/b&gt; &amp; مثمر" in html


def test_a_script_in_the_title_or_source_is_shown_as_text(client, hostile_article):
    for url in (hostile_article.get_absolute_url(), "/articles/", "/", "/entities/vladimir-putin/"):
        html = client.get(url).content.decode()
        assert '<script>alert("title")' not in html, url
        assert "<i>مصدر</i>" not in html, url


def test_mentions_inside_an_evidence_sentence_nest_inside_the_mark(hostile_article):
    mentions = list(hostile_article.mentions.select_related("entity"))
    evidence = list(hostile_article.evidence.all())
    html = str(highlight(hostile_article.body, mentions, evidence))
    assert html.startswith(f'<mark class="evidence" id="evidence-{evidence[0].pk}">قال <a class="mention')
    assert html.endswith("مثمر.</mark>")
    assert html.count("<a ") == 2 and html.count("</a>") == 2


def test_overlapping_or_out_of_range_offsets_are_left_as_plain_text(hostile_article):
    class Span:
        def __init__(self, start, end, entity=None, pk=1):
            self.start, self.end, self.entity, self.pk = start, end, entity, pk

    putin = Entity.objects.get(slug="vladimir-putin")
    spans = [Span(4, 9, putin), Span(6, 12, putin), Span(500, 510, putin)]
    html = str(highlight(BODY, spans, []))
    assert html.count("<a ") == 1
    assert "&lt;script&gt;" in html
