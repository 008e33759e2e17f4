"""The search page: one call to ``newsapp.search`` finds, ranks and highlights (issue 6)."""

from __future__ import annotations

from django.views.generic import ListView

from newsapp import search
from newsapp.filters import MAX_QUERY_LENGTH, ArticleFilter
from newsapp.models import Article

from .filtering import (
    BadRequestMixin,
    InvalidInput,
    StrictPaginationMixin,
    filter_choices,
    filter_errors,
    present_params,
    selected,
)


def search_articles(request) -> search.SearchResults:
    """Ranked articles for ``q``, within the leader/country/source/date filters of the request.

    Raises ``InvalidInput`` (a 400 page) on a malformed filter or a query over 500 characters.
    """
    params = present_params(request.GET)
    query = params.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidInput([f"بحث: نص البحث أطول من {MAX_QUERY_LENGTH} حرف."])
    params.pop("q", None)
    filterset = ArticleFilter(params, queryset=Article.objects.all(), request=request)
    if not filterset.is_valid():
        raise InvalidInput(filter_errors(filterset))
    return search.search(query, filterset.qs)


class SearchView(BadRequestMixin, StrictPaginationMixin, ListView):
    template_name = "search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.results = search_articles(self.request)
        return self.results

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = self.results
        context.update(selected(self.request))
        if results.text:
            # The narrowing filters come with results; the bare form costs no query.
            context.update(filter_choices())
        context.update(
            query=results.text,
            results=results,
            entities=results.entities,
            suggestions=results.suggestions,
            meetings=results.meetings([a.pk for a in context["articles"]]) if results.text else [],
        )
        return context
