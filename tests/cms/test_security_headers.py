"""Security and caching headers on public pages, the API, its errors and the admin."""

import json
import re

import pytest
from django.conf import settings

from tests.factories import make_news

pytestmark = pytest.mark.django_db

PUBLIC_HTML = ["/", "news", "/search/?q=出入境", "/no-such-page/"]
OTHER_PUBLIC = [
    "/sitemap.xml",
    "/api/v2/pages/",
    "/api/v2/pages/?limit=abc",
    "/api/v2/nope/",
]
JSON_LD = re.compile(r'<script type="application/ld\+json" nonce="([^"]+)">')


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def get(client, tree, url: str):
    if url == "news":
        url = make_news(tree["news"], title="新闻发布").url
    return client.get(url)


@pytest.mark.parametrize("url", PUBLIC_HTML + OTHER_PUBLIC)
def test_public_responses_carry_the_security_headers(client, tree, url):
    """CSP, Permissions-Policy and the other security headers on every public answer."""
    response = get(client, tree, url)
    assert response.status_code in {200, 400, 404}
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    permissions = {
        part.split("=")[0].strip(): part.split("=")[1]
        for part in response["Permissions-Policy"].split(",")
    }
    assert permissions["camera"] == "()"
    assert permissions["microphone"] == "()"
    assert permissions["geolocation"] == "(self)"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("url", ["/", "news"])
def test_json_ld_carries_the_nonce_of_the_header(client, tree, url):
    """The page's JSON-LD script has the nonce the policy names, fresh per response."""
    nonces = []
    for _ in range(2):
        response = get(client, tree, url)
        assert response.status_code == 200
        marked = JSON_LD.findall(response.content.decode())
        assert len(marked) == 1
        nonce = marked[0]
        assert f"'nonce-{nonce}'" in policy(response)["script-src"]
        assert f"'nonce-{nonce}'" in policy(response)["style-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@pytest.mark.parametrize("url", PUBLIC_HTML)
def test_public_html_has_no_inline_code_the_policy_would_block(client, tree, url):
    """No inline script without the nonce, no <style>, no style= or on*= attributes."""
    response = get(client, tree, url)
    html = response.content.decode()
    header = response["Content-Security-Policy"]
    for tag in re.findall(r"<script\b[^>]*>", html):
        if "src=" in tag:
            continue
        nonce = re.search(r'nonce="([^"]+)"', tag)
        assert nonce and f"'nonce-{nonce.group(1)}'" in header, tag
    assert "<style" not in html
    assert not re.search(r"<[^>]+\sstyle=", html)
    assert not re.search(r"<[^>]+\son[a-z]+=", html)


@pytest.mark.parametrize("signed_in", [False, True], ids=["login-page", "dashboard"])
def test_admin_gets_its_own_policy_and_no_store(client, tree, superuser, signed_in):
    """Under /admin/ Wagtail's inline code is allowed, still only from our origin."""
    if signed_in:
        client.force_login(superuser)
    response = client.get("/admin/" if signed_in else "/admin/login/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert not any("nonce-" in source for source in csp["script-src"])
    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)
    # The public site in the same session keeps the strict policy.
    assert "'unsafe-inline'" not in policy(client.get("/"))["script-src"]


@pytest.mark.parametrize("url", ["/", "/api/v2/pages/", "/sitemap.xml"])
def test_anonymous_gets_are_publicly_cacheable(client, tree, url):
    """Anonymous GETs may be cached for PUBLIC_CACHE_SECONDS."""
    response = client.get(url)
    assert response.status_code == 200
    assert cache_control(response) == {
        "public",
        f"max-age={settings.PUBLIC_CACHE_SECONDS}",
    }


@pytest.mark.parametrize("url", ["/", "/api/v2/pages/"])
def test_signed_in_visitors_are_not_cached(client, tree, superuser, url):
    """A session cookie makes the same URLs private and no-store."""
    client.force_login(superuser)
    response = client.get(url)
    assert response.status_code == 200
    assert cache_control(response) == {"private", "no-store"}


def test_posts_are_not_cached(client, tree):
    """A POST is never stored, even one answered 200."""
    page = client.post("/")
    assert page.status_code == 200
    assert cache_control(page) == {"private", "no-store"}
    api = client.post("/api/v2/pages/")
    assert cache_control(api) == {"private", "no-store"}


@pytest.mark.parametrize("url", ["/no-such-page/", "/api/v2/nope/"])
def test_not_found_is_publicly_cacheable(client, tree, url):
    """A 404 is cached like any public page, briefly."""
    response = client.get(url)
    assert response.status_code == 404
    assert cache_control(response) == {
        "public",
        f"max-age={settings.PUBLIC_CACHE_SECONDS}",
    }


def test_bad_requests_are_not_cached(client, tree):
    """A 400 from the API is private: its status is not one of the public ones."""
    response = client.get("/api/v2/pages/?limit=abc")
    assert response.status_code == 400
    assert cache_control(response) == {"private", "no-store"}


def test_a_views_own_cache_control_is_kept(client, tree):
    """Search suggestions set max-age=60 themselves; the middleware leaves it alone."""
    response = client.get("/search/suggest/?q=a")
    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60"}


def test_admin_login_setting_a_cookie_is_not_cached(client, tree):
    """The admin sign-in page sets csrftoken and is private, no-store."""
    response = client.get("/admin/login/")
    assert "csrftoken" in response.cookies
    assert {"private", "no-store"} <= cache_control(response)


def test_a_public_page_that_sets_a_cookie_is_not_cached(client, tree):
    """A public GET whose response sets a cookie must not reach a shared cache."""
    # A malformed CSRF cookie makes Django's CSRF middleware send a fresh one.
    client.cookies[settings.CSRF_COOKIE_NAME] = "malformed"
    response = client.get("/")
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert cache_control(response) == {"private", "no-store"}


@pytest.mark.parametrize("url", ["/api/v2/nope/", "/api/v2/pages/abc/"])
def test_unknown_api_urls_answer_in_problem_json(client, tree, url):
    """A 404 under /api/ is an RFC 9457 problem document, not the HTML error page."""
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    assert problem["status"] == 404
    assert problem["type"] == "about:blank"
    assert problem["title"]
    assert problem["detail"]
    assert "<html" not in response.content.decode()


def test_unsupported_method_answers_405_in_problem_json(client, tree):
    """A POST to the pages endpoint is a 405 problem document naming the method."""
    response = client.post("/api/v2/pages/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "POST" not in response["Allow"]
    problem = json.loads(response.content)
    assert problem["status"] == 405
    assert problem["title"]
    assert "POST" in problem["detail"]
