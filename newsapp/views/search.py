"""Search: one small function finds the articles, so a real engine can replace it (issue 6)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import QueryDict
from django.views.generic import ListView

from newsapp.filters import ArticleFilter
from newsapp.models import Article, Entity

from .filtering import BadRequestMixin, InvalidInput, StrictPaginationMixin, filter_errors


def search_articles(query: str) -> QuerySet:
    """Articles matching ``query``, best first. Raises ``InvalidInput`` on a malformed query."""
    data = QueryDict(mutable=True)
    data["q"] = query
    base = Article.objects.select_related("source").defer("raw_text").latest_first()
    filterset = ArticleFilter(data, queryset=base)
    if not filterset.is_valid():
        raise InvalidInput(filter_errors(filterset))
    return filterset.qs


class SearchView(BadRequestMixin, StrictPaginationMixin, ListView):
    template_name = "search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()
        if not self.query:
            return Article.objects.none()
        return search_articles(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        context["entities"] = Entity.objects.spelled(self.query)[:12] if self.query else []
        return context
