"""With the seed articles ingested by the real pipeline, the timeline shows exactly what was extracted."""

import re
from datetime import date

import pytest

from newsapp.models import Entity, Meeting

pytest.importorskip("newsapp.nlp.pipeline", reason="the text pipeline (issue 3) is not there yet")

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(catalog, seeds_dir):
    from newsapp.services.ingest import ingest_paths

    ingest_paths([seeds_dir])


def shown(client, query: str) -> set[int]:
    response = client.get("/timeline/" + query)
    assert response.status_code == 200
    _, _, held = response.content.decode().partition('id="held-title"')
    return {int(pk) for pk in re.findall(r'<article class="meeting [^"]*" id="m-(\d+)"', held)}


def test_xi_and_putin_show_exactly_their_contacts(client, seeded):
    people = Entity.objects.filter(slug__in=["xi-jinping", "vladimir-putin"])
    expected = set(Meeting.objects.visible().held().involving(*people).values_list("id", flat=True))
    assert shown(client, "?leader=xi-jinping&leader=vladimir-putin") == expected


def test_biden_in_2023_shows_exactly_his_contacts_of_2023(client, seeded):
    biden = Entity.objects.get(slug="joe-biden")
    expected = set(
        Meeting.objects.visible()
        .held()
        .involving(biden)
        .between(date(2023, 1, 1), date(2023, 12, 31))
        .values_list("id", flat=True)
    )
    assert shown(client, "?leader=joe-biden&from=2023-01-01&to=2023-12-31") == expected


def test_every_page_answers_200_with_the_seeds(client, seeded):
    from newsapp.models import Article

    urls = ["/", "/articles/", "/timeline/", "/search/?q=بوتين", "/entities/xi-jinping/", "/entities/g20/"]
    urls += [a.get_absolute_url() for a in Article.objects.all()]
    for url in urls:
        assert client.get(url).status_code == 200, url
