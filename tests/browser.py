"""Real-browser fixtures: Debian's Chromium driven by Playwright, one per session.

A plugin of the root conftest, so that every test module shares the one browser:
a second sync_playwright() in the same thread fails.
"""

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
