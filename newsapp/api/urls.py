"""The API's URLs (GUIDE §3), its schema and docs, exports and feeds; everything under /api/.

- ``articles/``, ``entities/``, ``meetings/`` (+ ``<id>/``, entities by ``<slug>/``): JSON, filtered.
- ``meetings.csv``, ``articles.csv``, ``meetings.ics``: the same lists as files, same filters.
- ``feeds/articles.{rss,atom}``, ``feeds/leaders/<slug>.{rss,atom}``,
  ``feeds/leaders/<slug>/<slug>.{rss,atom}``: the latest articles, of one leader, of a pair.
- ``schema/`` (OpenAPI 3), ``docs/`` (Swagger UI from drf-spectacular-sidecar, no CDN).
"""

from django.urls import path, re_path
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from newsapp.caching import cached_patterns

from . import errors, exports, feeds, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.register("articles", views.ArticleViewSet, basename="article")
router.register("entities", views.EntityViewSet, basename="entity")
router.register("meetings", views.MeetingViewSet, basename="meeting")

# Feeds are read-only: anything but GET/HEAD is a 405, like the rest of the API.
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's init script as a file (?script): no inline script under the
    # CSP. The page itself still sets the CSRF cookie that "Try it out" sends back with a session.
    path(
        "docs/",
        ensure_csrf_cookie(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html")
        ),
        name="docs",
    ),
    path("meetings.csv", exports.MeetingsCsvView.as_view(), name="meetings-csv"),
    path("meetings.ics", exports.MeetingsCalendarView.as_view(), name="meetings-ics"),
    path("articles.csv", exports.ArticlesCsvView.as_view(), name="articles-csv"),
    path("feeds/articles.rss", require_safe(feeds.ArticlesFeed()), name="feed-articles-rss"),
    path("feeds/articles.atom", require_safe(feeds.ArticlesAtomFeed()), name="feed-articles-atom"),
    path("feeds/leaders/<slug:leader>.rss", require_safe(feeds.LeadersFeed()), name="feed-leader-rss"),
    path("feeds/leaders/<slug:leader>.atom", require_safe(feeds.LeadersAtomFeed()), name="feed-leader-atom"),
    path(
        "feeds/leaders/<slug:leader>/<slug:other>.rss",
        require_safe(feeds.LeadersFeed()),
        name="feed-pair-rss",
    ),
    path(
        "feeds/leaders/<slug:leader>/<slug:other>.atom",
        require_safe(feeds.LeadersAtomFeed()),
        name="feed-pair-atom",
    ),
    # Reads of anonymous clients come from the page cache (newsapp/caching.py).
    *cached_patterns(router.urls),
    # Anything else under /api/ is a JSON 404, like an unknown id: a path with a newline
    # in it too (a slug like "a\nb." matches no route, and "." stops at line ends; Django
    # cannot reverse an inline flag, so the class says "any character").
    re_path(r"^[\s\S]*\Z", errors.not_found, name="not-found"),
]
