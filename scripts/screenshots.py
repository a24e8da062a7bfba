"""Take the README's screenshots of a running site with Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)
Writes docs/screenshots/{home,guide,news}-{390,1280}.png, and, signed in to the admin
as ADMIN_USER / ADMIN_PASSWORD (environment), one picture per tab of a guide's edit
form: docs/screenshots/admin-guide-<n>.png at 1280 px.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
]
PAGES = {
    "home": "/",
    "guide": "/services/exit-entry/crj-001/",
    "news": "/news/news-001/",
}
WIDTHS = [390, 1280]
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
GUIDE_SLUG = "crj-001"


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in PAGES.items():
                page.goto(base + path, wait_until="networkidle")
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=width == 1280)
                sys.stdout.write(f"{target.relative_to(OUT.parent.parent)}\n")
            page.close()
        if os.environ.get("ADMIN_PASSWORD"):
            admin_tabs(browser, base)
        browser.close()


def admin_tabs(browser, base: str) -> None:
    """Sign in and photograph every tab of a guide's edit form."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = page.request.get(f"{base}/api/v2/pages/?slug={GUIDE_SLUG}").json()
    guide_id = found["items"][0]["id"]
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", os.environ.get("ADMIN_USER", "admin"))
    page.fill("input[name=password]", os.environ["ADMIN_PASSWORD"])
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{base}/admin/pages/{guide_id}/edit/", wait_until="networkidle")
    tabs = page.get_by_role("tab")
    for number in range(tabs.count()):
        tabs.nth(number).click()
        page.wait_for_timeout(300)
        target = OUT / f"admin-guide-{number + 1}.png"
        page.screenshot(path=str(target))
        sys.stdout.write(
            f"{target.relative_to(OUT.parent.parent)} {tabs.nth(number).inner_text()}\n"
        )
    page.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
