"""Production: refuses to start rather than run unsafe; HTTPS only."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from cms.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403
from .base import (
    CACHES,
    DATA_ENCRYPTION_KEY,
    DATA_HASH_KEY,
    EMAIL_BACKEND,
    SEAL_FILING_URL,
    SITE_URL,
    STORAGES,
    WAGTAILADMIN_BASE_URL,
    WAGTAILAPI_BASE_URL,
)

DEBUG = False
# The demo loader's --reset deletes every page; never here.
ALLOW_DEMO_RESET = False

SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to at least 50 random characters."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names.")

LOOPBACK = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}  # noqa: S104 - names only
if not env_str("SITE_URL"):
    raise ImproperlyConfigured(
        "SITE_URL must be the public address of the site, e.g. https://police.example"
        ": links in e-mails, the sitemap and the API are built from it."
    )
for name, url in (
    ("SITE_URL", SITE_URL),
    ("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL),
    ("WAGTAILAPI_BASE_URL", WAGTAILAPI_BASE_URL),
):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or (parts.hostname or "") in LOOPBACK:
        raise ImproperlyConfigured(
            f"{name} is {url!r}: it must be the site's public http(s) address, "
            "not a local development default."
        )
if urlsplit(SITE_URL).scheme == "https" and urlsplit(SITE_URL).port not in {None, 443}:
    # Wagtail's Site knows only a port: 443 means https, any other port http.
    raise ImproperlyConfigured(
        f"SITE_URL is {SITE_URL!r}: an https address must use port 443, or Wagtail "
        "would build http:// links to the site."
    )

if env_int("TRUSTED_PROXY_COUNT", 0) < 1:
    # HTTPS ends at the reverse proxy (docs/deploy.md); with the count at 0 every
    # visitor would be the proxy's address: one rate limit and one lockout for all.
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT must be the number of reverse proxies in front of the "
        "application (1 for nginx alone), so that each visitor's own address counts."
    )
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    raise ImproperlyConfigured(
        "REDIS_URL must be set: with a local-memory cache every worker process keeps "
        "its own cache, so the API's rate limits and the caches disagree."
    )
if EMAIL_BACKEND.rsplit(".", 1)[0] in {
    "django.core.mail.backends.console",
    "django.core.mail.backends.locmem",
    "django.core.mail.backends.dummy",
    "django.core.mail.backends.filebased",
}:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND is {EMAIL_BACKEND}: notifications would never leave the "
        "server. Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and "
        "the EMAIL_* settings."
    )

for name, key in (
    ("DATA_ENCRYPTION_KEY", DATA_ENCRYPTION_KEY),
    ("DATA_HASH_KEY", DATA_HASH_KEY),
):
    if len(key) < 32:
        raise ImproperlyConfigured(
            f"{name} must be set (manage.py new_data_keys prints new ones): "
            "citizens' identity numbers and contacts are encrypted and hashed with it."
        )

if SEAL_FILING_URL and not SEAL_FILING_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "SEAL_FILING_URL must be https://: pushed cases carry identity numbers."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is hard to undo (browsers ship the list): only when asked for.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "preload not set": our choice
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
