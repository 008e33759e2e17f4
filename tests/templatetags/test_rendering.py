"""The markup built in Python: the meeting card, the chart bars and the source lists."""

from datetime import date

import pytest
from django.db.models import Value
from django.db.models.functions import Left
from django.template import Context, Template

from newsapp.models import Article, Entity, Evidence, Meeting, Participation, Source
from newsapp.templatetags.rendering import article_list, chart_bars, escape, meeting_card

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit(catalog):
    """Putin (visiting) and Xi (host) in Beijing at a forum, reported twice by one article and once by another."""
    putin = Entity.objects.get(slug="vladimir-putin")
    xi = Entity.objects.get(slug="xi-jinping")
    beijing = Entity.objects.get(slug="beijing")
    source = Source.objects.create(name="مصدر")
    first = Article.objects.create(
        title="لقاء <في> بكين",
        body="نص",
        source=source,
        published_on=date(2024, 5, 16),
        content_hash="a" * 64,
    )
    second = Article.objects.create(title="قمة", body="نص آخر", source=source, content_hash="b" * 64)
    meeting = Meeting.objects.create(
        kind="meeting",
        start_date=date(2024, 5, 16),
        end_date=date(2024, 5, 17),
        location=beijing,
        review="confirmed",
    )
    Participation.objects.create(meeting=meeting, person=putin, role="visitor")
    Participation.objects.create(meeting=meeting, person=xi, role="host")
    for article, start in ((first, 0), (first, 10), (second, 0)):
        Evidence.objects.create(meeting=meeting, article=article, sentence="جملة", start=start, end=start + 4)
    return meeting


def loaded(meeting: Meeting) -> Meeting:
    from newsapp.views.cards import attach_sources

    return attach_sources(Meeting.objects.filter(pk=meeting.pk).with_people())[0]


def test_a_card_names_kind_dates_people_roles_place_and_review(summit):
    html = meeting_card(loaded(summit))
    assert html.startswith(f'<article class="meeting kind-meeting" id="m-{summit.pk}">')
    assert '<time class="meeting-date" datetime="2024-05-16">16 - 17 مايو 2024</time>' in html
    assert '<span class="badge text-bg-success">مؤكَّد</span>' in html
    assert '<a href="/entities/vladimir-putin/">فلاديمير بوتين</a> <span class="role">(زائر)</span>' in html
    assert '<span class="sep"> و</span><a href="/entities/xi-jinping/">' in html
    assert '<a href="/entities/beijing/">بكين</a>' in html
    assert "meeting-sources" not in html


def test_sources_list_each_article_once_linking_its_first_evidence(summit):
    meeting = loaded(summit)
    html = meeting_card(meeting, show_sources=True)
    first_evidence = min(e.pk for e in summit.evidence.all() if e.article.title.startswith("لقاء"))
    assert "<summary>المصادر (2)</summary>" in html
    assert f'#evidence-{first_evidence}">لقاء &lt;في&gt; بكين</a>' in html
    assert html.count("<li>") == 2


def test_a_card_without_participants_says_so_and_a_planned_one_is_marked(catalog):
    meeting = Meeting.objects.create(kind="call", status="planned")
    html = meeting_card(loaded(meeting))
    assert "مشاركون غير محددين" in html
    assert '<span class="badge text-bg-warning">مرتقب</span>' in html
    assert "datetime=" not in html


def test_the_ordinal_of_a_pair_contact_is_shown_when_the_view_sets_it(summit):
    meeting = loaded(summit)
    meeting.ordinal = 3
    assert '<p class="ordinal mb-1">اللقاء الثالث بينهما في 2024</p>' in meeting_card(meeting)


def test_the_tag_is_what_the_pages_use(summit):
    rendered = Template("{% load rendering %}{% meeting_card meeting show_sources=True %}").render(
        Context({"meeting": loaded(summit)})
    )
    assert rendered == meeting_card(loaded(summit), show_sources=True)


def test_chart_bars_escape_labels_and_stack_segments():
    bars = [
        {
            "x": 1.5,
            "width": 6.0,
            "total": 3,
            "label": "<مارس> 2024",
            "segments": [
                {"kind": "call", "y": 100.0, "height": 20.0},
                {"kind": "visit", "y": 90, "height": 10},
            ],
        }
    ]
    html = chart_bars(bars)
    assert html.startswith('<g class="bar"><title>&lt;مارس&gt; 2024: 3</title>')
    assert html.count("<rect ") == 2
    assert '<rect class="fill-visit" x="1.5" y="90" width="6.0" height="10"></rect>' in html


def test_escape_matches_django_for_quotes_and_ampersands():
    from django.utils.html import escape as django_escape

    text = "<a href=\"x\" title='y'>&</a>"
    assert escape(text) == str(django_escape(text))


def test_the_article_list_escapes_and_shows_what_the_queryset_read(catalog):
    source = Source.objects.create(name="<وكالة>")
    Article.objects.create(
        title='عنوان "<b>"',
        body="ن" * 300,
        source=source,
        published_on=date(2024, 2, 9),
        content_hash="c" * 64,
    )
    Article.objects.create(title="بلا مصدر", body="نص", content_hash="d" * 64)
    listed = Article.objects.order_by("pk").annotate(lead=Left("body", 221), meeting_count=Value(3))
    html = Template('{% load rendering %}{% article_list articles "لا شيء." %}').render(
        Context({"articles": listed})
    )
    first, second = listed
    assert html.startswith('<ul class="article-list"><li class="article-item">')
    assert f'href="/articles/{first.pk}/">عنوان &quot;&lt;b&gt;&quot;</a>' in html
    assert "<span>&lt;وكالة&gt;</span>" in html
    assert '<time datetime="2024-02-09">9 فبراير 2024</time>' in html
    assert html.count("<span>3 لقاءات</span>") == 2
    assert f'<p class="article-snippet">{"ن" * 219}…</p>' in html
    assert (
        f'href="/articles/{second.pk}/">بلا مصدر</a><div class="article-meta"><span>3 لقاءات</span></div>'
        in html
    )


def test_an_empty_article_list_says_why():
    assert article_list([], "لا توجد مقالات <بعد>.") == (
        '<ul class="article-list"><li class="empty">لا توجد مقالات &lt;بعد&gt;.</li></ul>'
    )
