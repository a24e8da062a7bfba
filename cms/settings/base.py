"""Settings shared by every environment; values come from the environment only."""

import datetime
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as cors_default_headers
from csp.constants import NONCE, NONE, SELF

from cms.env import BASE_DIR, env_bool, env_int, env_list, env_str
from search.settings import search_backends

VAR_DIR = Path(env_str("VAR_DIR") or BASE_DIR / "var")

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
# `load_demo_content --reset` deletes every page; production settings forbid it.
ALLOW_DEMO_RESET = True
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "media",
    "news",
    "guides",
    "services",
    "services.booking",
    "museum",
    "mobile",
    "search",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.CacheControlMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.api.language.ApiLanguageMiddleware",
    "cms.api.caching.ConditionalApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "search.middleware.SynonymMemoMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", "")
if not DATABASE_URL:
    # The embedded default needs its folder; PostgreSQL needs nothing on disk.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock
    # when a transaction starts, so two writers (the server and a command) queue up
    # for `timeout` seconds instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "jingwu",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "cms.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin sign-in throttling (django-axes): five wrong passwords for one user from one
# address lock that pair out; `manage.py axes_reset_username <name>` unlocks early.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/lockout.html"
AXES_CLIENT_IP_CALLABLE = "cms.net.client_block"
AXES_VERBOSE = False
# How many reverse proxies in front of the app append to X-Forwarded-For; 0 = none,
# the address is REMOTE_ADDR (the header is then ignored: anyone can send it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Chinese is the default and source language, English the second.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our catalogues come first: English for our strings, and the Chinese admin strings
# Wagtail's own catalogue lacks.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
# Browser libraries from npm (package.json; `npm ci` in scripts/install.sh), served
# as our own static files: nothing from a CDN, nothing copied into the repository.
STATICFILES_DIRS = [
    (
        "vendor/openseadragon",
        BASE_DIR / "node_modules" / "openseadragon" / "build" / "openseadragon",
    ),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Citizens' uploads (application materials, report photos) live outside MEDIA_ROOT
# and have no URL: staff download them through a checked, audited view.
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT") or VAR_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
    },
}
# Keys for citizens' data (DESIGN.md "Personal data"): DATA_ENCRYPTION_KEY encrypts
# identity numbers and contacts (Fernet), DATA_HASH_KEY keys the hashes that match
# them. Production requires both; development generates them under VAR_DIR/keys/.
DATA_ENCRYPTION_KEY = env_str("DATA_ENCRYPTION_KEY")
DATA_HASH_KEY = env_str("DATA_HASH_KEY")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@jingwu.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Jingwu 警务"
# No avatars from gravatar.com: staff e-mail hashes must not leave the bureau.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the admin ask releases.wagtail.org for updates (CSP would block it anyway).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The public address of the site: the default Site's host and port follow it
# (`manage.py configure_site`), and so do links in e-mails and API responses.
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_str('PORT', '8000')}").rstrip(
    "/"
)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", SITE_URL).rstrip("/")
WAGTAILIMAGES_IMAGE_MODEL = "media.Image"
WAGTAILDOCS_DOCUMENT_MODEL = "media.Document"
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "pdf",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = search_backends(env_str("SEARCH_URL", ""))
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", SITE_URL).rstrip("/")
WAGTAILAPI_LIMIT_MAX = 100
# The admin keeps a Chinese title's slug while the editor types; saving turns it into
# pinyin (cms.slugs), so URLs stay short and readable when shared in WeChat or SMS.
WAGTAIL_ALLOW_UNICODE_SLUGS = True

# Messages to applicants (services.notify): OutboxBackend records them only;
# EmailBackend also e-mails applicants who gave an address. SMS comes later.
NOTIFY_BACKEND = env_str("NOTIFY_BACKEND", "services.notify.OutboxBackend")
# F5: accepted 公章刻制备案 cases are pushed as signed JSON (HMAC-SHA256) to this URL.
SEAL_FILING_URL = env_str("SEAL_FILING_URL")
SEAL_FILING_SECRET = env_str("SEAL_FILING_SECRET")
PUSH_ATTEMPTS = env_int("PUSH_ATTEMPTS", 5)
# F9: wrong reference/phone combinations per client address and hour, then refused.
LOOKUP_FAILURES_PER_HOUR = env_int("LOOKUP_FAILURES_PER_HOUR", 10)
# Bookings (services.booking): visitors' names and document numbers of visits older
# than this are erased, leaving anonymous counts. Never shorter than an offer's
# no-show window, whose counting needs the keyed hashes.
BOOKING_RETENTION_DAYS = env_int("BOOKING_RETENTION_DAYS", 365)

# Background work (DESIGN.md): the database backend in production, immediate elsewhere.
TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "cms.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": [
        "cms.api.throttling.ClientRateThrottle",
        "cms.api.throttling.SearchRateThrottle",
    ],
}
# Requests per client address (cms.net.client_ip), counted in the cache (Redis in
# production); searches have their own, stricter budget.
API_RATE_LIMITS = {
    "api": env_str("API_RATE_LIMIT", "300/min"),
    "search": env_str("API_SEARCH_RATE_LIMIT", "60/min"),
    "submit": env_str("API_SUBMIT_RATE_LIMIT", "60/hour"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Jingwu API",
    "DESCRIPTION": (
        "The headless API of the online police bureau, for the 北京警务 app: pages "
        "(news, transparency documents, service guides), images, documents, the "
        "app's first screen and news feed. Errors are RFC 9457 problem details. "
        "Versioning policy: docs/api.md."
    ),
    "VERSION": "2.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["cms.api.schema.api_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.schema.add_wagtail_endpoints",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
}
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
# The app's web views retry submissions and bookings safely with this header.
CORS_ALLOW_HEADERS = (*cors_default_headers, "idempotency-key")

# Security headers. The public site runs no inline script or style (a nonce marks
# the JSON-LD); the admin gets cms.middleware.ADMIN_POLICY, which Wagtail needs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *env_list("CSP_MEDIA_ORIGINS")],
        "media-src": [SELF, *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Video embeds (EmbedBlock) come from the providers' players over HTTPS.
        "frame-src": [SELF, *env_list("CSP_FRAME_ORIGINS", "https:")],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self"],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": ["self"],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
# The deployed release (e.g. the commit): part of every API ETag (cms.api.caching).
RELEASE = env_str("RELEASE", "dev")
# Cache-Control for anonymous GETs without one of their own (cms.middleware).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 120)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail logs every page edit and django-tasks every task run: too chatty.
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
        # The OpenSearch client logs every request at INFO.
        "opensearch": {"level": env_str("SEARCH_LOG_LEVEL", "WARNING")},
    },
}
