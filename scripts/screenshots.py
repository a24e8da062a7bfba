"""Take the README's screenshots of a running site with Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)
Writes docs/screenshots/{home,guide,news}-{390,1280}.png.
"""

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
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
