"""The OpenAPI schema: generated without warnings, served with its docs, and kept by the API."""

from django.core.management import call_command


def test_the_schema_generates_without_any_warning(db, tmp_path):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    text = (tmp_path / "schema.yaml").read_text(encoding="utf-8")
    for path in ("/api/articles/", "/api/entities/{slug}/", "/api/meetings/", "/api/meetings.ics"):
        assert f"{path}:" in text


def test_the_schema_is_served_as_openapi_3(api, db):
    schema = api.get("/api/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    leader = next(p for p in schema["paths"]["/api/meetings/"]["get"]["parameters"] if p["name"] == "leader")
    assert leader["schema"]["type"] == "array"


def test_the_swagger_ui_is_served_from_our_own_static_files(api, db):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    for cdn in ("cdn.", "unpkg.com", "jsdelivr", "cdnjs"):
        assert cdn not in html
