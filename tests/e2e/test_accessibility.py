"""axe-core finds no WCAG 2.1 A/AA violations on the main pages, phone and PC."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize("width", [390, 1280])
def test_no_wcag_violations(site, page_at, width):
    from tests.factories import make_document_page

    document = make_document_page(site["transparency"], title="机构职能")
    axe = Axe()
    page = page_at(width)
    paths = [
        "/",
        site["news"].url,
        site["article"].url,
        site["transparency"].url,
        document.url,
        site["guides"].url,
        site["category"].url,
        site["guide"].url,
        site["guide"].url + "short/",
        "/search/?q=护照",
        "/no-such-page/",
    ]
    for path in paths:
        page.goto(site["url"] + path)
        results = axe.run(page, options=WCAG_AA)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"
