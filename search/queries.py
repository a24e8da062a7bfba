"""The one search entry point used by the search page, the suggestions and the API."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.base import BaseSearchResults
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from cms.models import TransparencyPage
from guides.models import Business, GuidePage
from news.models import NewsPage

from .analysis import normalise, segment
from .synonyms import expansions

MAX_QUERY_LENGTH = 100
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
TYPES: dict[str, tuple[type[Model], str]] = {
    "guide": (GuidePage, _("办事指南")),
    "news": (NewsPage, _("新闻")),
    "document": (TransparencyPage, _("公开文件")),
}


@dataclass
class SearchRequest:
    """What a visitor asked for, cleaned."""

    query: str
    kind: str = ""
    business: str = ""

    @classmethod
    def from_params(cls, params) -> "SearchRequest":
        kind = params.get("type", "")
        kind = kind if kind in TYPES else ""
        business = params.get("business", "")
        # A business narrows guides only; with another type it is ignored.
        if business not in Business.values or kind not in {"", "guide"}:
            business = ""
        return cls(query=clean_query(params.get("q", "")), kind=kind, business=business)


def clean_query(text: str) -> str:
    """The query without control characters (PostgreSQL rejects NUL) or extra spaces."""
    text = CONTROL.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def in_locale(pages: QuerySet, locale: Locale | None) -> QuerySet:
    """Pages of one locale, or of all when the locale is unknown."""
    return pages.filter(locale=locale) if locale is not None else pages


def search_pages(request: SearchRequest, locale: Locale | None) -> BaseSearchResults:
    """Live, public pages of the locale matching the request, most relevant first."""
    if request.business:
        pages = GuidePage.objects.filter(business=request.business)
    elif request.kind:
        pages = TYPES[request.kind][0].objects.all()
    else:
        pages = Page.objects.specific()  # one query per page type, not per result
    pages = in_locale(pages.live().public(), locale).exclude(depth__lte=2)
    return pages.search(request.query)


def suggest(query: str, locale: Locale | None, limit: int = 8) -> list[Page]:
    """Live service guides whose titles start like the query, for the search box."""
    query = clean_query(query)
    if not query:
        return []
    pages = in_locale(GuidePage.objects.live().public(), locale)
    return list(pages.autocomplete(query)[:limit])


def editors_picks(query: str, locale: Locale | None) -> list[Page]:
    """Live, public pages editors promoted for the query (read only: no row made)."""
    visible = in_locale(Page.objects.live().public(), locale).values("pk")
    picks = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query), page__in=visible
        )
        .select_related("page")
        .order_by("sort_order")
    )
    return [pick.page.specific for pick in picks]


def highlighter(query: str) -> Callable[[str], SafeString]:
    """A function that marks the query's words (and synonyms) in a text."""
    terms = {w for w in segment(query) if len(w) > 1 or not w.isascii()}
    for variant in expansions(query):
        terms.update(w for w in segment(variant) if len(w) > 1)
    whole = normalise(query).strip()
    if len(whole) > 1:
        terms.add(whole)
    terms = sorted((t for t in terms if t), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.I) if terms else None

    def mark(text: str) -> SafeString:
        text = text or ""
        if pattern is None:
            return escape(text)
        parts, last = [], 0
        for match in pattern.finditer(text):
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group(0))}</mark>")
            last = match.end()
        parts.append(escape(text[last:]))
        return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped

    return mark
