"""Malformed filters are a 400 in Arabic, unknown pages a 404, never a 500."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/timeline/?from=yesterday", "أدخل تاريخاً بالصيغة YYYY-MM-DD"),
        ("/timeline/?to=2024-13-01", "أدخل تاريخاً بالصيغة YYYY-MM-DD"),
        ("/timeline/?kind=dinner", "نوع غير معروف: dinner"),
        ("/timeline/?leader=nobody-at-all", "لا يوجد شخص بهذا المعرّف"),
        ("/timeline/?leader=xi-jinping&leader=nobody", "لا يوجد شخص بهذا المعرّف"),
        ("/timeline/?country=atlantis", "لا يوجد كيان بهذا المعرّف"),
        ("/timeline/?page=abc", "رقم الصفحة غير صالح"),
        ("/articles/?from=yesterday", "أدخل تاريخاً بالصيغة YYYY-MM-DD"),
        ("/articles/?source=abc", "مصدر غير معروف"),
        ("/articles/?page=abc", "رقم الصفحة غير صالح"),
        ("/articles/?leader=%3Cscript%3E", "لا يوجد شخص بهذا المعرّف"),
        ("/search/?q=" + "ب" * 600, "نص البحث أطول"),
        ("/search/?q=x&page=abc", "رقم الصفحة غير صالح"),
    ],
)
def test_a_malformed_filter_is_a_400_page_with_the_arabic_message(client, catalog, url, message):
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert '<html lang="ar" dir="rtl">' in html
    assert "طلب غير صالح" in html


def test_the_400_page_escapes_what_the_reader_typed(client, catalog):
    html = client.get("/articles/?leader=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


@pytest.mark.parametrize(
    "url",
    [
        "/entities/no-such-leader/",
        "/articles/999999/",
        "/articles/99999999999999999999999/",
        "/timeline/?page=999",
        "/no-such-page/",
    ],
)
def test_an_unknown_page_is_an_arabic_404(client, catalog, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "الصفحة غير موجودة" in html
    assert '<html lang="ar" dir="rtl">' in html


def test_empty_filter_values_mean_no_filter(client, catalog):
    response = client.get("/timeline/?leader=&leader=&country=&kind=&from=&to=")
    assert response.status_code == 200


def test_the_500_page_renders_in_arabic_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "حدث خطأ غير متوقع" in html
    assert 'dir="rtl"' in html


def test_the_search_page_without_a_query_shows_only_the_form(client, catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get(reverse("search"))
    assert response.status_code == 200
