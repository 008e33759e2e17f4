"""Every reader page's and endpoint's query parameters, fuzzed (hypothesis): never a 5xx.

Keys are the filters pages and API understand (and some they do not); values
are arbitrary text, NULs, bidi controls, huge strings, and raw bytes that are
not UTF-8 at all (``%ED%A0%80``, ``%FF``). A malformed value must be a 400 or
be ignored, never a server error. (tests/api's Schemathesis run covers the API
by its schema; this covers what the schema does not promise.)
"""

from __future__ import annotations

import os
from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsapp.services.ingest import ingest_paths

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/articles/",
    "/timeline/",
    "/search/",
    "/entities/xi-jinping/",
    "/entities/china/",
    "/api/articles/",
    "/api/meetings/",
    "/api/entities/",
    "/api/meetings.csv",
    "/api/articles.csv",
    "/api/meetings.ics",
    "/api/feeds/articles.rss",
]
KEYS = [
    "leader",
    "country",
    "kind",
    "from",
    "to",
    "q",
    "page",
    "page_size",
    "ordering",
    "format",
    "sort",
    "x",
]
EXAMPLES = int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "150"))

TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(["\x00", "2024-02-30", "9999-99-99", "-1", "0", "1e309", "call", "xi-jinping", "‮"]),
    st.text(st.sampled_from("٠١٢٣-/\x00 0123"), max_size=12),
    st.integers(min_value=1_000, max_value=200_000).map(lambda n: "ب" * n),
)


def text_query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in pairs)


def bytes_query(pairs: list[tuple[str, bytes]]) -> str:
    return "&".join(f"{k}={quote_from_bytes(v, safe='')}" for k, v in pairs)


QUERIES = st.one_of(
    st.lists(st.tuples(st.sampled_from(KEYS) | st.text(max_size=8), TEXT), max_size=6).map(text_query),
    st.lists(st.tuples(st.sampled_from(KEYS), st.binary(max_size=24)), max_size=4).map(bytes_query),
)


@pytest.fixture
def seeded(catalog, seeds_dir, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    cache.clear()
    ingest_paths([seeds_dir])
    return Client(raise_request_exception=False)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(PAGES), query=QUERIES)
def test_no_query_string_makes_any_page_or_endpoint_fail(seeded, path, query):
    response = seeded.get(f"{path}?{query}")
    assert response.status_code < 500, (path, query[:300], response.status_code)


def test_a_huge_nul_laden_or_undecodable_value_is_refused_or_ignored(seeded):
    queries = ["q=%00", "leader=%00&leader=%00", "from=%ED%A0%80", "q=" + "%D8%A8" * 100_000, "to=%FF%FE"]
    for path in PAGES:
        for query in queries:
            assert seeded.get(f"{path}?{query}").status_code < 500, (path, query[:40])
