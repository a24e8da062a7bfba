"""Builders for test content: a small real page tree, made fast through the ORM."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Site

from cms.models import (
    HomePage,
    SiteSettings,
    StandardPage,
    TransparencyIndexPage,
    TransparencyPage,
)
from guides.models import GuideCategoryPage, GuideIndexPage, GuidePage
from media.models import Image
from news.models import NewsIndexPage, NewsPage

_numbers = itertools.count(1)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def add(parent: Page, page: Page) -> Page:
    """Add a child page with a unique slug and publish it."""
    if not page.slug:
        page.slug = f"p{next(_numbers)}"
    parent.add_child(instance=page)
    return publish(page)


def make_image(title: str = "图片") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (11, 58, 126)).save(buffer, "JPEG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name="test.jpg")
    image.save()
    return image


def make_site() -> dict:
    """Home page (as the default site's root), four sections and one guide category."""
    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the rows Wagtail's migrations made
        Locale.objects.get_or_create(language_code="zh-hans")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    for page in root.get_children():
        page.delete()
    home = HomePage(
        title="首页", slug="home", hero_title="网上公安局", locale=Locale.get_default()
    )
    root.add_child(instance=home)
    publish(home)
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True
    )
    SiteSettings.objects.create(
        site=site, bureau_name="测试市公安局", service_phone="12345"
    )
    news = add(home, NewsIndexPage(title="信息发布", slug="news", show_in_menus=True))
    docs = add(
        home, TransparencyIndexPage(title="警务公开", slug="open", show_in_menus=True)
    )
    guides = add(
        home, GuideIndexPage(title="网上办事", slug="services", show_in_menus=True)
    )
    category = add(
        guides,
        GuideCategoryPage(title="出入境", slug="exit-entry", business="exit_entry"),
    )
    talk = add(home, StandardPage(title="警民互动", slug="talk", show_in_menus=True))
    return {
        "site": site,
        "home": home,
        "news": news,
        "transparency": docs,
        "guides": guides,
        "category": category,
        "interaction": talk,
    }


def make_news(index: NewsIndexPage, title: str | None = None, **fields) -> NewsPage:
    number = next(_numbers)
    fields.setdefault("date", timezone.now() - datetime.timedelta(hours=number))
    fields.setdefault("body", [("paragraph", "<p>正文内容。</p>")])
    fields.setdefault("teaser", "摘要")
    page = NewsPage(title=title or f"新闻 {number}", **fields)
    return add(index, page)


def make_document_page(index: TransparencyIndexPage, **fields) -> TransparencyPage:
    number = next(_numbers)
    fields.setdefault("category", "policy")
    fields.setdefault("issuer", "市公安局")
    fields.setdefault("issue_date", datetime.date(2026, 3, 1))
    page = TransparencyPage(title=fields.pop("title", f"公开文件 {number}"), **fields)
    return add(index, page)


def make_guide(
    category: GuideCategoryPage, title: str | None = None, **fields
) -> GuidePage:
    number = next(_numbers)
    defaults = {
        "item_type": "licensing",
        "responsible_body": "市公安局出入境管理总队",
        "legal_basis": [
            ("law", {"law": "《中华人民共和国护照法》", "article": "第五条"})
        ],
        "conditions": [("condition", "具有本市常住户口。")],
        "materials": [
            (
                "material",
                {
                    "name": "居民身份证",
                    "form": "original",
                    "copies": 1,
                    "required": True,
                },
            )
        ],
        "steps": [("step", {"title": "受理", "description": "窗口受理。"})],
        "statutory_days": 15,
        "promised_days": 7,
        "where_to_apply": "各区出入境接待大厅",
        "faqs": [("faq", {"question": "可以代办吗？", "answer": "可以。"})],
    }
    defaults.update(fields)
    return add(category, GuidePage(title=title or f"服务事项 {number}", **defaults))


def make_app_home(tree: dict, image: Image, **fields):
    """A published app home with one block of each kind."""
    from mobile.models import AppHome

    content = [
        ("banner", {"image": image, "title": "一网通办", "page": tree["guides"]}),
        (
            "section",
            {
                "title": "网上办事",
                "icon": "service",
                "page": tree["guides"],
                "entries": [{"title": "出入境", "page": tree["category"]}],
            },
        ),
        ("news", {"title": "警务要闻", "count": 6}),
        ("services", {"title": "热门服务", "services": [], "count": 8}),
        (
            "social",
            {
                "weibo_name": "平安都市",
                "weibo_url": "https://weibo.com/",
                "wechat_name": "平安都市",
                "wechat_id": "pingan",
            },
        ),
        (
            "hotlines",
            {"title": "服务热线", "items": [{"name": "报警", "number": "110"}]},
        ),
    ]
    fields.setdefault("title", "App 首页")
    app_home = AppHome(locale=Locale.get_default(), content=content, **fields)
    app_home.save()
    app_home.save_revision().publish()
    return app_home
