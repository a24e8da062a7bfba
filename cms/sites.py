"""The default Site's address follows the SITE_URL setting."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def site_address() -> tuple[str, int]:
    """Host name and port of SITE_URL (80/443 when it names none)."""
    parts = urlsplit(settings.SITE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def apply_site_url(site: Site) -> bool:
    """Point the site at SITE_URL's host and port; True when something changed."""
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
