import pytest

from newsapp.models import Meeting, Mention, Position

from .builders import make_article, make_meeting

pytestmark = pytest.mark.django_db


def test_an_entity_shows_its_names_aliases_positions_wikidata_and_counts(api, people):
    xi = people["xi"]
    xi.name_en, xi.wikidata = "Xi Jinping", "Q15031"
    xi.save(update_fields=["name_en", "wikidata"])
    xi.aliases.create(text="شي جين بينج")
    Position.objects.create(person=xi, office="head_of_state", of=people["china"], title="الرئيس")
    article = make_article()
    Mention.objects.create(article=article, entity=xi, start=0, end=2, text="شي")
    Mention.objects.create(article=article, entity=xi, start=5, end=7, text="شي")
    make_meeting(xi, people["putin"], article=article)
    make_meeting(xi, people["biden"])
    make_meeting(xi, people["biden"], review=Meeting.Review.REJECTED)
    detail = api.get("/api/entities/t-xi/").json()
    assert detail["slug"] == "t-xi"
    assert (detail["kind"], detail["name"], detail["name_en"], detail["wikidata"]) == (
        "person",
        "شي جين بينغ",
        "Xi Jinping",
        "Q15031",
    )
    assert detail["country"] == {"slug": "t-china", "name": "الصين"}
    assert sorted(detail["aliases"]) == sorted(["شي جين بينغ", "شي جين بينج"])
    assert detail["positions"] == [
        {
            "title": "الرئيس",
            "office": "head_of_state",
            "of": {"slug": "t-china", "name": "الصين"},
            "start": None,
            "end": None,
        }
    ]
    assert (detail["articles_count"], detail["meetings_count"]) == (1, 2)


def test_entities_filter_by_kind_country_and_spelling(api, people):
    def slugs(query):
        return [e["slug"] for e in api.get(f"/api/entities/?{query}").json()["results"]]

    kinds = {e["kind"] for e in api.get("/api/entities/?kind=country&page_size=100").json()["results"]}
    assert kinds == {"country"}
    assert "t-china" in slugs("kind=country&q=الصين")
    assert slugs("country=t-russia") == ["t-putin"]
    assert set(slugs("q=بوتين&kind=person")) == {"t-putin", "vladimir-putin"}


def test_an_unknown_entity_slug_is_a_404(api, db):
    assert api.get("/api/entities/no-such-person/").status_code == 404
    assert api.get("/api/entities/?kind=planet").json() == {"kind": ["نوع غير معروف: planet"]}


def test_the_real_catalog_is_served_by_slug(api, catalog):
    body = api.get("/api/entities/xi-jinping/").json()
    assert body["kind"] == "person"
    assert body["positions"]
