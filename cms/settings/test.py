"""Test settings: fast hashing, local-memory cache, media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STORAGES, search_backends

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="jingwu-test-media-")
PRIVATE_ROOT = tempfile.mkdtemp(prefix="jingwu-test-private-")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_ROOT}},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in production: threads of the concurrency tests then get connections
    # of their own with WAL and the busy timeout (an in-memory database shares one
    # cache, whose table locks fail at once instead of waiting).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(
            tempfile.gettempdir(), f"jingwu-test-{os.getpid()}.sqlite3"
        )
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://localhost"
# The test client's login() passes no request, which django-axes refuses; the lockout
# tests switch it back on.
AXES_ENABLED = False
# Tests make thousands of API requests from one address; the rate-limit tests set
# their own limits.
API_RATE_LIMITS = {"api": "100000/min", "search": "100000/min"}
MIDDLEWARE = [
    m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"
]  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}
# SEARCH_URL runs the search suite against OpenSearch, in indices of its own — one
# set per pytest-xdist worker, since tests drop and rebuild their indices.
WAGTAILSEARCH_BACKENDS = search_backends(
    os.environ.get("SEARCH_URL", ""),
    index_prefix=f"jingwu_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_",
)

# Fixed keys: every xdist worker encrypts and hashes alike.
DATA_ENCRYPTION_KEY = "bW5aR0hRQ1JqS1dXdmRhZ2NzZ3BQZW9RbmRlR3JqZkk="
DATA_HASH_KEY = "test-hash-key-not-secret-0123456789abcdef"
