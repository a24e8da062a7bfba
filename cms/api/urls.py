"""Absolute URLs for API responses, agreeing with the configured site."""

from django.conf import settings


def absolute(url: str) -> str:
    """A site-relative URL made absolute with WAGTAILAPI_BASE_URL (others unchanged)."""
    if url and url.startswith("/") and not url.startswith("//"):
        return settings.WAGTAILAPI_BASE_URL + url
    return url or ""
