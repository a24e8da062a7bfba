"""Whether anonymous visitors may see a page: live and under no view restriction."""

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)


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


def restricted_collection_ids(request=None) -> frozenset[int]:
    """Ids of collections with view restrictions and of their sub-collections.

    Read once per request when a request is given (one small query).
    """
    if request is not None and hasattr(request, "_jingwu_private_collections"):
        return request._jingwu_private_collections
    paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    ids: frozenset[int] = frozenset()
    if paths:
        query = Collection.objects.none()
        for path in paths:
            query |= Collection.objects.filter(path__startswith=path)
        ids = frozenset(query.values_list("pk", flat=True))
    if request is not None:
        request._jingwu_private_collections = ids
    return ids


def is_public_media(obj, request=None) -> bool:
    """Whether an image or document is outside every restricted collection."""
    return obj is not None and obj.collection_id not in restricted_collection_ids(
        request
    )
