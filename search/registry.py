"""What each app makes searchable: page types, their filters and their helpers.

Apps register their types in `AppConfig.ready()`; the search page, suggestions and the
API read this registry, so `search/` never imports a content app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.functional import Promise


@dataclass(frozen=True)
class Facet:
    """A filter a type offers: a query parameter, a filter field and its choices."""

    name: str
    label: str | Promise
    choices: Iterable[tuple[str, str | Promise]]
    field: str = ""

    @property
    def filter_field(self) -> str:
        return self.field or self.name

    @property
    def values(self) -> list[str]:
        return [value for value, _label in self.choices]


@dataclass(frozen=True)
class SearchType:
    """A searchable page type, named by `key` in URLs (`?type=guide`)."""

    key: str
    model: type[Model]
    label: str | Promise
    facets: tuple[Facet, ...] = ()
    # Position in the search page's type list (smaller first).
    order: int = 100
    # Autocomplete in the header's search box draws on these types.
    suggest: bool = False
    # Pages offered when a search finds nothing: popular(locale) -> pages.
    popular: Callable | None = field(default=None, compare=False)


_types: dict[str, SearchType] = {}


def register(search_type: SearchType) -> None:
    """Add a type (the same key twice replaces it, e.g. on a reload in tests)."""
    _types[search_type.key] = search_type


def search_types() -> dict[str, SearchType]:
    """Registered types by key, in their display order."""
    return {t.key: t for t in sorted(_types.values(), key=lambda t: (t.order, t.key))}


def facets() -> list[tuple[SearchType, Facet]]:
    """Every facet with the type it narrows."""
    return [(t, f) for t in search_types().values() for f in t.facets]
