"""The public site in a real browser: small screens, keyboard, motion, search."""

import pytest

pytestmark = pytest.mark.e2e


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_pages_fit_the_screen(site, page_at, width):
    page = page_at(width)
    for path in ("/", site["guide"].url, site["article"].url, site["news"].url):
        page.goto(site["url"] + path)
        assert overflow(page) <= 0, (path, width)
    page.goto(site["url"] + "/")
    for title in ("信息发布", "警务公开", "网上办事", "警民互动"):
        assert (
            page.get_by_role("navigation", name="主导航")
            .get_by_role("link", name=title)
            .is_visible()
        )


def test_skip_link_moves_focus_to_the_content(site, page_at):
    page = page_at(1280)
    page.goto(site["url"] + site["guide"].url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pinned_news_is_first_and_links_work(site, page_at):
    page = page_at(390)
    page.goto(site["url"] + "/")
    first = page.locator(".headline").first
    assert "置顶" in first.inner_text()
    first.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "冬季道路交通安全提示"


def test_search_from_the_header(site, page_at):
    page = page_at(1280)
    page.goto(site["url"] + "/")
    page.get_by_role("combobox", name="搜索").fill("普通护照申领")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_load_state()
    assert "/search/?q=" in page.url
    assert page.get_by_role("link", name="普通护照申领").first.is_visible()


def test_hero_video_is_hidden_for_reduced_motion(site, page_at):
    from django.core.files.base import ContentFile

    from media.models import Video

    video = Video(title="宣传片")
    video.file.save("promo.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    home = site["home"]
    home.hero_video = video
    home.save_revision().publish()

    calm = page_at(1280, reduced_motion="reduce")
    calm.goto(site["url"] + "/")
    assert calm.locator("video.hero__video").evaluate(
        "v => getComputedStyle(v).display"
    ) == ("none")
    assert calm.locator("[data-video-toggle]").is_hidden()

    moving = page_at(1280, reduced_motion="no-preference")
    moving.goto(site["url"] + "/")
    assert moving.locator("video.hero__video").evaluate(
        "v => getComputedStyle(v).display"
    ) != ("none")
    assert moving.locator("[data-video-toggle]").is_visible()


def test_guide_table_of_contents_and_short_version(site, page_at):
    page = page_at(390)
    page.goto(site["url"] + site["guide"].url)
    page.get_by_role("navigation", name="本页目录").get_by_role(
        "link", name="申请材料"
    ).click()
    assert page.url.endswith("#materials")
    page.get_by_role("link", name="简版指南").click()
    page.wait_for_load_state()
    assert page.url.endswith("/short/")
    assert page.get_by_role("button", name="打印").is_visible()


def test_search_box_suggests_services_as_you_type(site, page_at):
    page = page_at(390)
    page.goto(site["url"] + "/")
    box = page.get_by_role("combobox", name="搜索")
    box.fill("护照")
    suggestion = page.locator(".suggest a", has_text="普通护照申领")
    suggestion.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "普通护照申领"
    page.keyboard.press("Enter")
    page.wait_for_url("**" + site["guide"].url)


def test_the_security_policy_blocks_nothing_the_site_needs(site, page_at):
    """Pages, the search box and the admin run under the CSP without a violation."""
    from django.contrib.auth import get_user_model

    page = page_at(1280)
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    for path in ["/search/?q=护照", site["news"].url, site["article"].url, "/"]:
        page.goto(site["url"] + path, wait_until="networkidle")
    page.get_by_role("combobox", name="搜索").fill("护照")
    page.wait_for_selector(".suggest li")
    get_user_model().objects.create_superuser("chief", "c@example.invalid", "pw-1234")
    page.goto(site["url"] + "/admin/login/")
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", "pw-1234")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")
    for path in ["/admin/pages/", f"/admin/pages/{site['guide'].pk}/edit/", "/"]:
        page.goto(site["url"] + path, wait_until="networkidle")
    assert violations == []
