"""Real-browser fixtures: Debian's Chromium driven by Playwright against live_server."""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make themselves are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page_at(browser):
    """Open a new browser page with a given viewport width (and options)."""
    contexts = []

    def open_page(width: int = 1280, **options):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, **options
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def site(transactional_db, live_server):
    """The demo-like tree served over real HTTP on 127.0.0.1."""
    from tests.factories import make_guide, make_news, make_site

    tree = make_site()
    tree["guide"] = make_guide(tree["category"], title="普通护照申领", popular=True)
    tree["article"] = make_news(tree["news"], title="冬季道路交通安全提示", pinned=True)
    home = tree["home"]
    home.sections = [
        ("link", {"title": p.title, "page": p, "icon": "news", "description": "说明"})
        for p in (
            tree["news"],
            tree["transparency"],
            tree["guides"],
            tree["interaction"],
        )
    ]
    home.quick_links = [("link", {"title": "普通护照申领", "page": tree["guide"]})]
    home.save_revision().publish()
    tree["url"] = live_server.url
    return tree
