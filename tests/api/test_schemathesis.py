"""Property-based run of Schemathesis against the schema, in-process through the WSGI app.

Every GET operation gets a bounded number of generated requests (valid and
invalid); none may answer 5xx or a body, status or content type the schema
does not declare.
"""

from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from newsapp.models import Entity, Meeting
from newsapp.wsgi import application

from .builders import make_meeting

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def in_test_transaction():
    """Calling the WSGI app sends request_finished, which would close the test's connection.

    Django's test client disconnects the same handler for the same reason.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def sample(catalog, seeds_dir, in_test_transaction):
    """The seed articles and what was read in them, plus a rejected and a month-precision meeting."""
    from newsapp.services.ingest import ingest_paths

    ingest_paths([seeds_dir])
    xi, putin, biden = (Entity.objects.get(slug=s) for s in ("xi-jinping", "vladimir-putin", "joe-biden"))
    make_meeting(xi, biden, kind="visit", start=date(2023, 11, 1), precision="month")
    make_meeting(putin, biden, review=Meeting.Review.REJECTED)


@pytest.mark.django_db
@schema.include(method="GET").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_generated_request_as_its_schema_says(case, sample):
    # A schema-valid slug or id that names nothing ("leader=abc", "source=0") is a 400 by
    # the filter contract (GUIDE §3), so "valid data must be accepted" cannot hold; every
    # other check runs, including "invalid data must be rejected".
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
