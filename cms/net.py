"""The client's address, for sign-in lockouts and rate limits."""

from django.conf import settings
from ipware import get_client_ip


def client_ip(request) -> str:
    """The visitor's IP address, trusting X-Forwarded-For only behind known proxies.

    With TRUSTED_PROXY_COUNT = 0 (no proxy) the header is ignored, since any client
    can send one; behind N proxies django-ipware takes the address the first proxy saw.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        address, _routable = get_client_ip(request, proxy_count=count)
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "")
