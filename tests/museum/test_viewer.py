"""The exhibit's deep-zoom viewer: OpenSeadragon from npm, served as our own static
files, the page's data and fallback, and a phone-sized browser pinching a picture."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Collection

from tests.factories import make_site
from tests.museum.deepzoom_support import (
    MEDIA_URLS,
    OPENSEADRAGON,
    ensure_openseadragon,
    make_exhibit,
    make_museum,
)

VIEWER = re.compile(r'<figure class="viewer" data-viewer="([^"]+)"')
STYLE = re.compile(r'<style nonce="([^"]+)" data-openseadragon-mobile-css></style>')
SCRIPT = re.compile(r"<script\b([^>]*)>")
STAGE = "document.querySelector('[data-viewer-stage]')"


@pytest.fixture(scope="module", autouse=True)
def openseadragon():
    """npm's OpenSeadragon, installed now if scripts/install.sh has not run."""
    ensure_openseadragon()


@pytest.fixture
def museum(db):
    tree = make_site()
    return {**make_museum(tree), "tree": tree}


def viewer_settings(html: str) -> dict:
    from html import unescape

    found = VIEWER.search(html)
    assert found, "no viewer on the page"
    return json.loads(unescape(found[1]))


def test_openseadragon_is_served_from_the_npm_package_not_the_repository():
    package = json.loads((settings.BASE_DIR / "package.json").read_text())
    lock = json.loads((settings.BASE_DIR / "package-lock.json").read_text())
    pinned = package["dependencies"]["openseadragon"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)  # an exact version
    assert lock["packages"]["node_modules/openseadragon"]["version"] == pinned
    installed = json.loads((OPENSEADRAGON.parent / "package.json").read_text())
    assert installed["version"] == pinned
    for name in ("openseadragon.min.js", "images/fullpage_rest.png"):
        found = finders.find(f"vendor/openseadragon/{name}")
        assert found and Path(found).is_relative_to(settings.BASE_DIR / "node_modules")
    assert "node_modules/" in (settings.BASE_DIR / ".gitignore").read_text()
    copies = [
        path
        for path in settings.BASE_DIR.glob("*/static/**/openseadragon*.js")
        if "node_modules" not in path.parts
    ]
    assert copies == []


@pytest.mark.urls(MEDIA_URLS)
def test_the_exhibit_page_carries_the_viewer_and_a_plain_picture(client, museum):
    exhibit = make_exhibit(museum, pictures=2)
    response = client.get(exhibit.url)
    assert response.status_code == 200
    html = response.content.decode()

    data = viewer_settings(html)
    assert data["prefixUrl"] == "/static/vendor/openseadragon/images/"
    assert [p["alt"] for p in data["pictures"]] == [
        "警徽正面，第 1 张",
        "警徽正面，第 2 张",
    ]
    for picture in data["pictures"]:
        widths = [level["width"] for level in picture["levels"]]
        assert widths == [640, 1280, 1600]  # narrowest first; never enlarged
        for level in picture["levels"]:
            assert client.get(level["url"]).status_code == 200
    # Without JavaScript: the first picture with its alt text, and the manifest.
    first = data["pictures"][0]["levels"][1]["url"]
    assert f'src="{first}"' in html
    assert 'alt="警徽正面，第 1 张"' in html
    assert f'href="/museum/iiif/exhibits/{exhibit.pk}/manifest.json"' in html
    # Scripts from our origin only; the one inline element carries the nonce.
    assert 'src="/static/vendor/openseadragon/openseadragon.min.js" defer' in html
    assert 'src="/static/museum/js/viewer.js" defer' in html
    for attributes in SCRIPT.findall(html):
        assert "src=" in attributes or "nonce=" in attributes, attributes
    nonce = STYLE.search(html)[1]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_a_preview_shows_the_pictures_without_a_manifest_link(museum):
    draft = make_exhibit(museum, pictures=1, publish=False)
    request = RequestFactory().get("/")
    html = render_to_string(
        "museum/includes/viewer.html", {"page": draft, "request": request}
    )
    assert viewer_settings(html)["pictures"][0]["alt"] == "警徽正面，第 1 张"
    assert "manifest.json" not in html

    bare = make_exhibit(museum, pictures=0)
    html = render_to_string(
        "museum/includes/viewer.html", {"page": bare, "request": request}
    )
    assert "data-viewer" not in html
    assert "暂无藏品图片" in html


@pytest.fixture
def live_exhibit(transactional_db, live_server, settings):
    """An exhibit with two pictures, its media served by the live server."""
    settings.ROOT_URLCONF = MEDIA_URLS
    if Collection.get_first_root_node() is None:  # flushed by an earlier live test
        Collection.add_root(name="全部")
    tree = make_site()
    exhibit = make_exhibit(make_museum(tree), pictures=2, size=(3200, 2000))
    return live_server.url + exhibit.url


def zoom(page) -> float:
    return page.evaluate(f"{STAGE}.viewer.viewport.getZoom()")


def pinch(page, cdp, spread: int = 120) -> None:
    """Two fingers moving apart over the middle of the viewer (a real touch gesture)."""
    box = page.locator("[data-viewer-stage]").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    def touch(kind: str, *points) -> None:
        touch_points = [
            {"x": px, "y": py, "id": n} for n, (px, py) in enumerate(points)
        ]
        cdp.send(
            "Input.dispatchTouchEvent", {"type": kind, "touchPoints": touch_points}
        )

    touch("touchStart", (x - 20, y), (x + 20, y))
    for step in range(1, 11):
        gap = 20 + spread * step / 10
        touch("touchMove", (x - gap, y), (x + gap, y))
        page.wait_for_timeout(30)
    touch("touchEnd")


@pytest.mark.e2e
def test_a_phone_pinches_into_a_picture_without_a_policy_violation(
    live_exhibit,
    page_at,
    tmp_path,
):
    page = page_at(390, has_touch=True, is_mobile=True, device_scale_factor=2)
    problems, pictures = [], []
    # Every CSP violation raises this event (and logs a console error).
    page.add_init_script(
        "window.violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.on(
        "console",
        lambda message: (
            message.type == "error" and problems.append(f"console: {message.text}")
        ),
    )
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"),
    )
    page.on("requestfinished", lambda r: "/media/" in r.url and pictures.append(r.url))

    page.goto(live_exhibit, wait_until="networkidle")
    page.wait_for_selector("[data-viewer-stage] canvas")
    page.wait_for_function(
        f"{STAGE}.viewer.world.getItemCount() && "
        f"{STAGE}.viewer.world.getItemAt(0).getFullyLoaded()"
    )
    assert page.locator("[data-viewer-fallback]").is_hidden()
    canvas = page.locator("[data-viewer-stage] .openseadragon-canvas")
    assert canvas.get_attribute("aria-label") == "警徽正面，第 1 张"
    levels = json.loads(page.get_attribute("[data-viewer]", "data-viewer"))
    largest = levels["pictures"][0]["levels"][-1]["url"]
    assert not any(url.endswith(largest) for url in pictures)  # not needed yet
    page.screenshot(path=tmp_path / "viewer-390.png")

    pinch(page, page.context.new_cdp_session(page))
    page.wait_for_function(f"{STAGE}.viewer.viewport.getZoom() > 2")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # the zoom animation settles
    assert zoom(page) > 2
    assert any(url.endswith(largest) for url in pictures)  # the sharper level came
    page.locator(".viewer").screenshot(path=tmp_path / "viewer-390-zoomed.png")

    page.get_by_title("下一张").click()
    page.wait_for_function(f"{STAGE}.viewer.currentPage() === 1")
    assert page.locator("[data-viewer-status]").inner_text() == "2 / 2"
    page.get_by_title("全屏查看").click()
    page.wait_for_function(f"{STAGE}.viewer.isFullPage()")
    page.wait_for_load_state("networkidle")

    assert page.evaluate("violations") == []
    assert problems == []
