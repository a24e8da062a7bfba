"""The one search entry point used by the search page, the suggestions and the API."""

import re
from dataclasses import dataclass

from django.db.models import Model
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from cms.models import TransparencyPage
from guides.models import Business, GuidePage
from news.models import NewsPage

from .analysis import normalise, segment
from .synonyms import expansions

MAX_QUERY_LENGTH = 100
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
        business = params.get("business", "")
        return cls(
            query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
            kind=kind if kind in TYPES else "",
            business=business if business in Business.values else "",
        )


def search_pages(request: SearchRequest, locale: Locale | None):
    """Live, public pages of the locale matching the request, most relevant first."""
    if request.business:
        pages = GuidePage.objects.filter(business=request.business)
    elif request.kind:
        pages = TYPES[request.kind][0].objects.all()
    else:
        pages = Page.objects.specific()  # one query per page type, not per result
    pages = pages.live().public().exclude(depth__lte=2)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.search(request.query)


def suggest(query: str, locale: Locale | None, limit: int = 8) -> list[Page]:
    """Live pages whose titles start like the query, for the search box."""
    pages = GuidePage.objects.live().public()
    if locale is not None:
        pages = pages.filter(locale=locale)
    return list(pages.autocomplete(query[:MAX_QUERY_LENGTH])[:limit])


def editors_picks(query: str) -> list[Page]:
    """Pages editors promoted for this query (Wagtail search promotions)."""
    picks = (
        Query.get(query).editors_picks.filter(page__live=True).select_related("page")
    )
    return [pick.page.specific for pick in picks]


def highlighter(query: str):
    """A function that marks the query's words (and synonyms) in a text."""
    terms = {w for w in segment(query) if len(w) > 1 or not w.isascii()}
    for variant in expansions(query):
        terms.update(w for w in segment(variant) if len(w) > 1)
    terms.add(normalise(query).strip())
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
