"""Requests per address are limited, searches more strictly: 429 + Retry-After."""

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db

LIMITS = {"api": "5/min", "search": "2/min"}


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@override_settings(API_RATE_LIMITS=LIMITS)
def test_the_sixth_request_in_a_minute_is_refused(client, tree):
    for _ in range(5):
        assert client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.1").status_code == 200
    refused = client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 61
    problem = refused.json()
    assert problem["status"] == 429 and problem["title"] == "请求过于频繁"
    # Another address has its own budget; the budget covers every endpoint.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.2").status_code == 200
    assert client.get("/api/v2/news/", REMOTE_ADDR="192.0.2.1").status_code == 429


@override_settings(API_RATE_LIMITS=LIMITS)
def test_searches_have_a_stricter_budget(client, tree):
    search = {"search": "护照"}
    for _ in range(2):
        response = client.get("/api/v2/pages/", search, REMOTE_ADDR="192.0.2.3")
        assert response.status_code == 200
    assert (
        client.get("/api/v2/pages/", search, REMOTE_ADDR="192.0.2.3").status_code == 429
    )
    # Browsing without a search still works for that address.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.3").status_code == 200


@override_settings(API_RATE_LIMITS=LIMITS, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_visitor_is_counted_apart(client, tree):
    for _ in range(5):
        client.get(
            "/api/v2/pages/",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
    blocked = client.get(
        "/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert blocked.status_code == 429
    other = client.get(
        "/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert other.status_code == 200


@override_settings(API_RATE_LIMITS=LIMITS, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_for_does_not_buy_a_new_budget(client, tree):
    """Behind one proxy, what the client wrote before the proxy's entry is ignored."""
    for n in range(6):
        response = client.get(
            "/api/v2/pages/",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.9",
        )
    assert response.status_code == 429


@override_settings(API_RATE_LIMITS=LIMITS)
def test_one_ipv6_network_shares_one_budget(client, tree):
    """Addresses of one /64 (one subscriber) count together."""
    for n in range(5):
        address = f"2001:db8:1:2::{n + 1:x}"
        assert client.get("/api/v2/pages/", REMOTE_ADDR=address).status_code == 200
    refused = client.get("/api/v2/pages/", REMOTE_ADDR="2001:db8:1:2:ffff::1")
    assert refused.status_code == 429
    other = client.get("/api/v2/pages/", REMOTE_ADDR="2001:db8:1:3::1")
    assert other.status_code == 200
