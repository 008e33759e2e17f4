"""Reader pages (GUIDE §3). ``article-detail`` and ``entity-detail`` are used by the models."""

from django.urls import path

from .articles import ArticleDetailView, ArticleListView
from .entities import EntityDetailView
from .home import HomeView
from .search import SearchView
from .timeline import TimelineView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("articles/", ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", ArticleDetailView.as_view(), name="article-detail"),
    path("timeline/", TimelineView.as_view(), name="timeline"),
    path("entities/<slug:slug>/", EntityDetailView.as_view(), name="entity-detail"),
    path("search/", SearchView.as_view(), name="search"),
]
