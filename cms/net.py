"""The client's address, for sign-in lockouts and rate limits."""

import ipaddress

from django.conf import settings


def address_block(address: str) -> str:
    """What one client controls: an IPv4 address, or an IPv6 /64 network.

    One IPv6 subscriber gets a whole /64; counting single addresses would give
    them 2^64 budgets.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_block(request) -> str:
    """The client's address block (see address_block), for sign-in lockouts."""
    return address_block(client_ip(request))


def client_ip(request) -> str:
    """The visitor's IP address, trusting X-Forwarded-For only as far as our proxies.

    Behind N proxies (TRUSTED_PROXY_COUNT), each appends the address it received the
    request from, so the visitor is the N-th entry from the right; anything further
    left was written by the client and may be forged. With no proxy (N = 0) the
    header is ignored and REMOTE_ADDR is the visitor.
    """
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    entries = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(entries) < count:
        return remote  # fewer hops than proxies: not through them all
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
