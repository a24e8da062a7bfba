"""The search page and the search box's suggestions."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control

from cms.locales import request_locale
from cms.params import page_param

from .queries import (
    SearchRequest,
    editors_picks,
    highlighter,
    popular_pages,
    search_pages,
    suggest,
)
from .registry import facets, search_types

PAGE_SIZE = 10


def search(request):
    """Results across page types, with filters, highlights and help for no results."""
    wanted = SearchRequest.from_params(request.GET)
    context = {
        "search_query": wanted.query,
        "wanted": wanted,
        "types": [(key, t.label) for key, t in search_types().items()],
        "facets": [
            (facet, wanted.filters.get(facet.name, "")) for _type, facet in facets()
        ],
        "results": None,
    }
    if wanted.query:
        locale = request_locale(request)
        results = Paginator(search_pages(wanted, locale), PAGE_SIZE).get_page(
            page_param(request.GET)
        )
        mark = highlighter(wanted.query)
        results.object_list = [
            (page, mark(page.title), mark(getattr(page, "teaser", "")))
            for page in results.object_list
        ]
        context.update(results=results, picks=editors_picks(wanted.query, locale))
        if not results.paginator.count:
            context.update(
                suggestions=suggest(wanted.query[:2], locale),
                popular=popular_pages(locale),
            )
    return TemplateResponse(request, "search/search.html", context)


@cache_control(max_age=60, public=True)
def suggestions(request):
    """Titles for the header search box as the visitor types (JSON)."""
    pages = suggest(request.GET.get("q", ""), request_locale(request))
    return JsonResponse({"results": [{"title": p.title, "url": p.url} for p in pages]})
