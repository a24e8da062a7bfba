"""The one search entry point used by the search page, the suggestions and the API."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modelsearch.backends.base import BaseSearchResults
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from cms.params import choice_param, clean_text

from .analysis import normalise, segment
from .registry import search_types
from .synonyms import expansions

MAX_QUERY_LENGTH = 100


@dataclass
class SearchRequest:
    """What a visitor asked for, cleaned."""

    query: str
    kind: str = ""
    filters: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_params(cls, params) -> "SearchRequest":
        types = search_types()
        kind = choice_param(params, "type", types)
        filters = {}
        for key, search_type in types.items():
            for facet in search_type.facets:
                value = choice_param(params, facet.name, facet.values)
                # A facet narrows its own type only; with another type it is ignored.
                if value and kind in {"", key}:
                    kind = key
                    filters[facet.name] = value
        return cls(query=clean_query(params.get("q", "")), kind=kind, filters=filters)


def clean_query(text: str) -> str:
    """The query without control characters (PostgreSQL rejects NUL) or extra spaces."""
    return clean_text(text, MAX_QUERY_LENGTH)


def in_locale(pages: QuerySet, locale: Locale | None) -> QuerySet:
    """Pages of one locale, or of all when the locale is unknown."""
    return pages.filter(locale=locale) if locale is not None else pages


def search_pages(request: SearchRequest, locale: Locale | None) -> BaseSearchResults:
    """Live, public pages of the locale matching the request, most relevant first."""
    if request.kind:
        search_type = search_types()[request.kind]
        pages = search_type.model.objects.all()
        for facet in search_type.facets:
            value = request.filters.get(facet.name)
            if value:
                pages = pages.filter(**{facet.filter_field: value})
    else:
        pages = Page.objects.specific()  # one query per page type, not per result
    pages = in_locale(pages.live().public(), locale).exclude(depth__lte=2)
    return pages.search(request.query)


def suggest(query: str, locale: Locale | None, limit: int = 8) -> list[Page]:
    """Live pages of the suggesting types whose titles start like the query."""
    query = clean_query(query)
    if not query:
        return []
    found: list[Page] = []
    for search_type in search_types().values():
        if search_type.suggest and len(found) < limit:
            pages = in_locale(search_type.model.objects.live().public(), locale)
            found.extend(pages.autocomplete(query)[: limit - len(found)])
    return found


def popular_pages(locale: Locale | None) -> list[Page]:
    """The pages types offer when a search finds nothing (e.g. popular services)."""
    pages: list[Page] = []
    for search_type in search_types().values():
        if search_type.popular is not None:
            pages.extend(search_type.popular(locale))
    return pages


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
