"""Site search across every live page of the current locale."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 100


def search(request):
    """Search live, public pages in the visitor's language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().specific()
        if locale:
            pages = pages.filter(locale=locale)
        results = Paginator(pages.search(query), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "results": results}
    )
