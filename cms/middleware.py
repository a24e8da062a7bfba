"""Response headers every page and API answer carries: caching and CSP."""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.cache import patch_cache_control

# Wagtail's admin still relies on inline scripts and style attributes; it gets its
# own policy, which keeps every resource on our origin.
ADMIN_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "media-src": [SELF, "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}
# The API's Swagger UI (drf-spectacular's page) starts itself with an inline script
# and styles itself inline; it shows no user content.
DOCS_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}
POLICIES = {"/admin/": ADMIN_POLICY, "/api/docs/": DOCS_POLICY}
ADMIN_PREFIX = "/admin/"
PUBLIC_STATUSES = {200, 203, 204, 301, 304, 308, 404, 410}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's and the API docs' own policies."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only:
            for prefix, policy in POLICIES.items():
                if request.path_info.startswith(prefix):
                    parts.config = policy
        return parts


class CacheControlMiddleware:
    """Give every response a Cache-Control header unless its view set one.

    Anonymous GETs of public content may be cached briefly by browsers and proxies;
    the admin, signed-in visitors, responses that set cookies and everything else
    are `private, no-store`. It sits near the top of MIDDLEWARE so that it sees the
    cookies the session and CSRF middleware add on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.is_public(request, response):
            patch_cache_control(
                response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS
            )
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def is_public(request, response) -> bool:
        return (
            request.method in {"GET", "HEAD"}
            and response.status_code in PUBLIC_STATUSES
            and not request.path_info.startswith(ADMIN_PREFIX)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not response.cookies
        )
