"""Page-number pagination whose page size the client may choose, up to a cap."""

from functools import partial

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from newsapp.paging import CappedPaginator


class CappedPageNumberPagination(PageNumberPagination):
    # "count" stops at newsapp.paging.COUNT_CAP: no exact COUNT(*) over huge tables.
    django_paginator_class = CappedPaginator
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    # The schema says a page is a number: "page=last" is a 404 like any other non-page.
    last_page_strings = ()
    page_query_description = "رقم الصفحة، من 1."
    page_size_query_description = "عدد النتائج في الصفحة (20 إن لم يُذكر، و100 على الأكثر)."

    def paginate_queryset(self, queryset, request, view=None):
        # A view may count through a cache (MeetingViewSet: until a meeting changes).
        counter = getattr(view, "count_rows", None)
        if counter is not None:
            self.django_paginator_class = partial(CappedPaginator, counter=counter)
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request) -> int:
        """The requested size, at most ``max_page_size``; a malformed size is a 400, not ignored."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None or value == "":
            return self.page_size
        if not value.isascii() or not value.isdigit() or int(value) < 1:
            raise ValidationError({self.page_size_query_param: ["أدخل عدداً صحيحاً موجباً."]})
        return min(int(value), self.max_page_size)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters
