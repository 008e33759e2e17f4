"""Reader pages (GUIDE §3). ``article-detail`` and ``entity-detail`` are used by the models."""

from django.urls import path

from newsapp.caching import cache_for_readers

from .articles import ArticleDetailView, ArticleListView
from .entities import EntityDetailView
from .health import healthz
from .home import HomeView
from .search import SearchView
from .timeline import TimelineView

# Anonymous readers get cached pages (newsapp/caching.py); healthz is the benchmark's baseline.
urlpatterns = [
    path("", cache_for_readers(HomeView.as_view()), name="home"),
    path("articles/", cache_for_readers(ArticleListView.as_view()), name="article-list"),
    path("articles/<int:pk>/", cache_for_readers(ArticleDetailView.as_view()), name="article-detail"),
    path("timeline/", cache_for_readers(TimelineView.as_view()), name="timeline"),
    path("entities/<slug:slug>/", cache_for_readers(EntityDetailView.as_view()), name="entity-detail"),
    path("search/", cache_for_readers(SearchView.as_view()), name="search"),
    path("healthz/", healthz, name="healthz"),
]
