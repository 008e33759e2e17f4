"""The filters against the seed articles, compared with the QuerySet methods whatever the extractor finds."""

from datetime import date

import pytest

from newsapp.models import Entity, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(catalog, seeds_dir):
    from newsapp.services.ingest import ingest_paths

    report = ingest_paths([seeds_dir])
    assert report.created
    return report


def all_ids(api, url: str) -> set[int]:
    found: set[int] = set()
    while url:
        body = api.get(url).json()
        found |= {item["id"] for item in body["results"]}
        url = body["next"]
    return found


def test_a_pair_of_leaders_returns_exactly_their_contacts(api, seeds):
    xi, putin = Entity.objects.get(slug="xi-jinping"), Entity.objects.get(slug="vladimir-putin")
    expected = set(Meeting.objects.visible().involving(xi, putin).values_list("pk", flat=True))
    assert expected, "the seeds report contacts between Xi and Putin"
    assert all_ids(api, "/api/meetings/?leader=xi-jinping&leader=vladimir-putin&page_size=5") == expected


def test_one_leader_and_a_year_returns_exactly_his_contacts_of_that_year(api, seeds):
    biden = Entity.objects.get(slug="joe-biden")
    expected = Meeting.objects.visible().involving(biden).between(date(2023, 1, 1), date(2023, 12, 31))
    url = "/api/meetings/?leader=joe-biden&from=2023-01-01&to=2023-12-31&page_size=5"
    assert all_ids(api, url) == set(expected.values_list("pk", flat=True))


def test_every_seed_meeting_is_served_with_its_sources(api, seeds):
    served = api.get("/api/meetings/?page_size=100").json()
    assert served["count"] == Meeting.objects.visible().count()
    for meeting in served["results"]:
        assert meeting["sources"], meeting
        assert all(source["evidence"] for source in meeting["sources"])
        assert len(meeting["participants"]) >= 1
