"""Rate limits per client address, counted in the cache, answered with 429."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from cms.net import address_block, client_ip


class ClientRateThrottle(SimpleRateThrottle):
    """API_RATE_LIMITS["api"] requests per client address (every endpoint)."""

    scope = "api"

    def get_rate(self) -> str:
        # Read on each request (DRF reads its settings once, at import).
        return settings.API_RATE_LIMITS[self.scope]

    def get_cache_key(self, request, view) -> str:
        ident = address_block(client_ip(request))
        return self.cache_format % {"scope": self.scope, "ident": ident}


class SearchRateThrottle(ClientRateThrottle):
    """A stricter budget for searches (`?search=`), which cost the most."""

    scope = "search"

    def allow_request(self, request, view) -> bool:
        if "search" not in request.GET:
            return True
        return super().allow_request(request, view)
