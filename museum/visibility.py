"""Live pages anonymous visitors may see, as querysets (cms.visibility's rule)."""

from django.db.models import QuerySet

from cms.visibility import restricted_paths


def visible(pages: QuerySet, request=None) -> QuerySet:
    """Live pages outside every restricted subtree.

    Wagtail's `.public()` reads the view restrictions on every call; the paths here
    are read once per request and shared with the menu and link blocks.
    """
    pages = pages.live()
    for path in restricted_paths(request):
        pages = pages.exclude(path__startswith=path)
    return pages
