"""Whole-page caching for anonymous readers, invalidated by a "generation" token.

Every cached page is stored under a key that includes the current generation;
any change to the data replaces the generation, so every page cached before it
is simply never read again (and expires on its own). No page needs to know
which data it shows.

The generation changes

- on any save or delete of a Marsad model (``post_save`` / ``post_delete``), and
  again after its commit (``transaction.on_commit``) so that a reader cannot
  keep the old data cached under the new generation,
- after each committed batch of the bulk ingest (which sends no signals),
- after any successful write request of a logged-in user (the admin's
  actions use ``QuerySet.update``, which sends no signals either):
  :class:`InvalidateOnWriteMiddleware`.

Where the generation lives: with a shared cache (``MARSAD_CACHE_URL``, e.g.
Redis) in that cache; with the default per-process ``LocMemCache`` in a small
file (``MARSAD_CACHE_GENERATION_FILE``), which every process of the machine
reads on each request (a few microseconds, no database query).

Only anonymous ``GET``/``HEAD`` requests are served from or stored in the cache,
and only ``200`` responses that set no cookie. Each cached response carries an
``ETag`` (generation + URL) and ``Last-Modified`` (time of the last change), so a
reader's browser revalidates with ``If-None-Match`` and gets a ``304``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

GENERATION_KEY = "marsad:generation"
PAGE_PREFIX = "marsad:page"


def _generation_file() -> Path | None:
    value = getattr(settings, "MARSAD_CACHE_GENERATION_FILE", None)
    return Path(value) if value else None


def current_generation() -> tuple[str, float]:
    """(token, time of the change that set it)."""
    path = _generation_file()
    if path is None:
        value = cache.get(GENERATION_KEY)
        if value is None:
            value = (uuid.uuid4().hex, time.time())
            cache.add(GENERATION_KEY, value, timeout=None)
            value = cache.get(GENERATION_KEY, value)
        return value
    try:
        token, stamp = path.read_text().split()
        return token, float(stamp)
    except (OSError, ValueError):
        return bump_generation()


def bump_generation() -> tuple[str, float]:
    """Make every cached page stale; returns the new generation."""
    value = (uuid.uuid4().hex, time.time())
    path = _generation_file()
    if path is None:
        cache.set(GENERATION_KEY, value, timeout=None)
        return value
    # Overwritten in place at a fixed length (no truncation, no rename: a few
    # microseconds). A reader racing the write may see a mix of old and new
    # bytes: still a token no page was cached under before, so still correct.
    record = f"{value[0]} {value[1]:017.6f}".encode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.pwrite(fd, record, 0)
    finally:
        os.close(fd)
    return value


def bump_after_commit(**kwargs) -> None:
    # Now, so this process (and a test inside its transaction) sees the change at
    # once; and again after the commit, in case a reader cached the old data in between.
    bump_generation()
    transaction.on_commit(bump_generation, robust=True)


def connect_signals() -> None:
    from django.apps import apps

    for model in apps.get_app_config("newsapp").get_models():
        receiver([post_save, post_delete], sender=model, dispatch_uid=f"cache-{model.__name__}")(
            bump_after_commit
        )


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # No session cookie: an anonymous reader, and checking costs no query.
    if "HTTP_AUTHORIZATION" in request.META:  # API tokens: staff may see more
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        if user is None or user.is_authenticated:
            return False
    return True


def _page_key(request: HttpRequest, generation: str) -> str:
    # The API's links are absolute: a page is cached per scheme and host it was built for.
    vary = "\n".join((request.build_absolute_uri(), request.META.get("HTTP_ACCEPT", "")))
    return f"{PAGE_PREFIX}:{generation}:{hashlib.sha256(vary.encode()).hexdigest()}"


def _etag(key: str) -> str:
    return f'"{hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()}"'


def _throttled(view: Callable, request: HttpRequest) -> bool:
    """Whether the API's throttles refuse this request: a cached answer must not dodge them.

    The throttles count the request as they check it; a refused one goes on to
    the view, which answers 429 as usual.
    """
    view_class = getattr(view, "cls", None)
    if view_class is None:
        return False
    from rest_framework.request import Request

    instance = view_class(**getattr(view, "initkwargs", {}))
    drf_request = Request(request)
    return not all(t.allow_request(drf_request, instance) for t in instance.get_throttles())


def _plain(response: HttpResponse) -> HttpResponse:
    """The response as stored: bytes and headers only.

    A DRF ``Response`` pickles its ``data`` too (the serialized rows, model
    instances in them): unpickling an API page cost 5 ms per cached hit, the
    bytes alone a few microseconds.
    """
    plain = HttpResponse(response.content, status=response.status_code)
    for name, value in response.items():
        plain[name] = value
    return plain


def cache_for_readers(view: Callable) -> Callable:
    """Serve ``view`` from the page cache to anonymous readers, with ETag and Last-Modified."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable_request(request):
            response = view(request, *args, **kwargs)
            response.headers.setdefault("Cache-Control", "private, no-cache")
            return response
        generation, changed_at = current_generation()
        key = _page_key(request, generation)
        etag, last_modified = _etag(key), int(changed_at)
        conditional = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if conditional is not None:
            return conditional
        cached = cache.get(key)
        if cached is not None and not _throttled(view, request):
            return cached
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        # Browsers revalidate every time (a 304 is cheap); the page changes when the data does.
        response.headers.setdefault("Cache-Control", "public, no-cache")
        if response.status_code == 200 and not response.cookies and not response.streaming:
            cache.set(key, _plain(response), settings.MARSAD_PAGE_CACHE_SECONDS)
        return response

    wrapper.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapper


def cached_patterns(patterns: list) -> list:
    """The same URL patterns, their views wrapped in :func:`cache_for_readers` (for a router's URLs)."""
    return [
        URLPattern(p.pattern, cache_for_readers(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]


class InvalidateOnWriteMiddleware:
    """After a logged-in user's successful write (admin, API), cached pages are stale."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                bump_generation()
        return response
