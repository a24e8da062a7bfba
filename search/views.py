"""The search page and the search box's suggestions."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control

from cms.locales import request_locale
from guides.models import Business, GuidePage

from .queries import (
    TYPES,
    SearchRequest,
    editors_picks,
    highlighter,
    search_pages,
    suggest,
)

PAGE_SIZE = 10


def search(request):
    """Results across page types, with filters, highlights and help for no results."""
    wanted = SearchRequest.from_params(request.GET)
    context = {
        "search_query": wanted.query,
        "wanted": wanted,
        "types": [(key, label) for key, (_model, label) in TYPES.items()],
        "businesses": Business.choices,
        "results": None,
    }
    if wanted.query:
        locale = request_locale(request)
        results = Paginator(search_pages(wanted, locale), PAGE_SIZE).get_page(
            request.GET.get("page")
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
                popular=GuidePage.popular_items(locale),
            )
    return TemplateResponse(request, "search/search.html", context)


@cache_control(max_age=60, public=True)
def suggestions(request):
    """Titles for the header search box as the visitor types (JSON)."""
    pages = suggest(request.GET.get("q", ""), request_locale(request))
    return JsonResponse({"results": [{"title": p.title, "url": p.url} for p in pages]})
