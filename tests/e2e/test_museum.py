"""The museum in a real browser: no WCAG A/AA violations, and filtering the collection
on a phone (the filters fold under 筛选) and on a PC (they stand beside the results)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.test_accessibility import WCAG_AA

pytestmark = pytest.mark.e2e


@pytest.fixture
def museum_site(site):
    from wagtail.models import Collection

    from museum.models import ExhibitCategory
    from tests.museum.builders import make_exhibit, make_museum, make_study, picture

    if Collection.get_first_root_node() is None:  # the previous test's flush
        Collection.add_root(name="全部")
    place = make_museum(site)
    place["picture"] = picture()
    firearms = ExhibitCategory.objects.create(name="枪械", slug="firearms")
    place["exhibit"] = make_exhibit(
        place, title="五四式手枪", category=firearms, year_start=1954
    )
    for year in (1925, 1992, 2008):
        make_exhibit(place, year_start=year, hall=place["halls"][1])
    place["study"] = make_study(place, title="警用枪械史略")
    return {**site, **place}


@pytest.mark.parametrize("width", [390, 1280])
def test_museum_pages_meet_wcag_aa(museum_site, page_at, width):
    axe = Axe()
    page = page_at(width)
    paths = [
        museum_site["museum"].url,
        museum_site["halls"][0].url,
        museum_site["collection"].url,
        museum_site["collection"].url + "?category=firearms&period=1949-1978",
        museum_site["exhibit"].url,
        museum_site["research"].url,
        museum_site["study"].url,
    ]
    for path in paths:
        page.goto(museum_site["url"] + path)
        results = axe.run(page, options=WCAG_AA)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"


def test_filtering_the_collection_on_a_phone(museum_site, page_at):
    page = page_at(390)
    page.goto(museum_site["url"] + museum_site["collection"].url)
    expect(page.get_by_role("heading", name="共 4 件藏品")).to_be_visible()
    link = page.get_by_role("link", name="枪械 1")
    expect(link).to_be_hidden()  # folded under 筛选 on a phone
    page.get_by_text("筛选", exact=True).click()
    link.click()
    expect(page.get_by_role("heading", name="共 1 件藏品")).to_be_visible()
    expect(page.get_by_role("link", name="五四式手枪")).to_be_visible()
    page.get_by_role("link", name="清除全部").click()
    expect(page.get_by_role("heading", name="共 4 件藏品")).to_be_visible()


def test_filters_stand_beside_the_results_on_a_pc(museum_site, page_at):
    page = page_at(1280)
    page.goto(museum_site["url"] + museum_site["collection"].url)
    link = page.get_by_role("link", name="2000年至今 1")
    expect(link).to_be_visible()  # open beside the results
    link.click()
    expect(page.get_by_role("heading", name="共 1 件藏品")).to_be_visible()
    assert "period=since-2000" in page.url
