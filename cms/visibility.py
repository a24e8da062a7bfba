"""Whether anonymous visitors may see a page: live and under no view restriction."""

from wagtail.models import Page, PageViewRestriction


def restricted_paths(request=None) -> tuple[str, ...]:
    """Tree paths of pages with view restrictions (their subtrees are private).

    Read once per request when a request is given (one small query).
    """
    if request is not None and hasattr(request, "_jingwu_restricted_paths"):
        return request._jingwu_restricted_paths
    paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    if request is not None:
        request._jingwu_restricted_paths = paths
    return paths


def is_public(page: Page | None, paths: tuple[str, ...]) -> bool:
    """Whether the page is live and outside every restricted subtree."""
    return bool(page and page.live and not page.path.startswith(paths))


def public_pages(pages, request=None) -> list[Page]:
    """The pages of an iterable that anonymous visitors may see, in order."""
    paths = restricted_paths(request)
    return [page for page in pages if is_public(page, paths)]
