"""Turn SEARCH_URL into Wagtail's search backend setting."""

from importlib.util import find_spec
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "opensearch": "search.backends.opensearch",
    "opensearchs": "search.backends.opensearch",
    # Documented but not tested here: see search/backends/elasticsearch.py.
    "elasticsearch": "search.backends.elasticsearch",
    "elasticsearchs": "search.backends.elasticsearch",
}


def search_backends(search_url: str, index_prefix: str = "jingwu_") -> dict:
    """Unset: the database backend; opensearch:// or elasticsearch://host:port."""
    if not search_url:
        return {"default": {"BACKEND": "search.backends"}}
    parts = urlsplit(search_url)
    if parts.scheme not in BACKENDS:
        raise ImproperlyConfigured(
            "SEARCH_URL must start with opensearch:// or elasticsearch:// "
            f"(or the s-suffixed HTTPS forms), not {parts.scheme}://"
        )
    if parts.scheme.startswith("elasticsearch") and find_spec("elasticsearch") is None:
        raise ImproperlyConfigured(
            "SEARCH_URL=elasticsearch://… needs the elasticsearch client: "
            "pip install 'elasticsearch>=8,<9' (not tested in this project)."
        )
    http = "https" if parts.scheme.endswith("s") else "http"
    return {
        "default": {
            "BACKEND": BACKENDS[parts.scheme],
            "URLS": [parts._replace(scheme=http).geturl()],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": 30,
        }
    }
