"""The demo's app home, from cms/demo/data/app_home.toml."""

import msgspec
from wagtail.models import Locale, Page

from cms.demo.images import make_image
from cms.demo.schema import DATA, Record, Text, read

from .models import AppHome

BANNER = (1080, 540)


class Banner(Record):
    title: Text
    text: str = ""
    section: str = ""
    seed: int = 1


class Section(Record):
    title: Text
    icon: str
    description: str = ""
    section: str = ""
    entries: list[str] = []


class Counted(Record):
    title: Text
    count: int


class Social(Record):
    weibo_name: Text
    weibo_url: Text
    wechat_name: Text
    wechat_id: str = ""


class Hotline(Record):
    name: Text
    number: Text


class AppHomeData(Record):
    title: Text
    banners: list[Banner]
    sections: list[Section]
    news: Counted
    services: Counted
    social: Social
    hotlines: list[Hotline]


def build_app_home(home: Page) -> AppHome:
    """Publish the Chinese app home, linking to the sections below `home`."""
    data = read(DATA / "app_home.toml", AppHomeData)
    pages = {page.slug: page for page in home.get_children()}

    def child(slug: str, below: str = "") -> Page | None:
        parent = pages.get(below) if below else None
        if parent is not None:
            return parent.get_children().filter(slug=slug).first()
        return pages.get(slug)

    content = [
        (
            "banner",
            {
                "image": make_image(
                    f"App 轮播图 {b.seed}", seed=b.seed, size=(1080, 540)
                ),
                "title": b.title,
                "text": b.text,
                "page": pages.get(b.section),
                "url": "",
            },
        )
        for b in data.banners
    ]
    content += [
        (
            "section",
            {
                "title": s.title,
                "icon": s.icon,
                "description": s.description,
                "page": pages.get(s.section),
                "url": "",
                "entries": [
                    {
                        "title": p.title,
                        "page": p,
                        "url": "",
                        "description": "",
                        "icon": s.icon,
                    }
                    for p in (child(slug, s.section) for slug in s.entries)
                    if p is not None
                ],
            },
        )
        for s in data.sections
    ]
    content += [
        ("news", msgspec.structs.asdict(data.news)),
        ("services", {**msgspec.structs.asdict(data.services), "services": []}),
        ("social", {**msgspec.structs.asdict(data.social), "wechat_qr": None}),
        (
            "hotlines",
            {
                "title": "服务热线",
                "items": [msgspec.structs.asdict(h) for h in data.hotlines],
            },
        ),
    ]
    app_home = AppHome(title=data.title, locale=Locale.get_default(), content=content)
    app_home.save()
    app_home.save_revision().publish()
    return app_home
