"""Wagtail's limit/offset pagination, with the numbers checked first."""

from wagtail.api.v2.pagination import WagtailPagination

from .filters import check_integer

MAX_OFFSET = 10**9


class Pagination(WagtailPagination):
    """Refuses offsets beyond any real listing (the database cannot slice them)."""

    def paginate_queryset(self, queryset, request, view=None):
        for name, maximum in (("offset", MAX_OFFSET), ("limit", MAX_OFFSET)):
            if name in request.GET:
                check_integer(name, request.GET[name], 0, maximum)
        return super().paginate_queryset(queryset, request, view)
