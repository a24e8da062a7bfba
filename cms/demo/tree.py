"""Build the demo page tree: home page, sections and site settings."""

from django.db.models import QuerySet
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from cms.models import HomePage, SiteSettings, StandardPage, TransparencyIndexPage
from cms.sites import site_address
from guides.models import GuideIndexPage
from news.models import NewsIndexPage

from .images import make_image

INTERACTION_BODY = [
    ("heading", {"text": "紧急求助", "level": "h2"}),
    (
        "paragraph",
        "<p>遇有违法犯罪、治安灾害事故或人身财产安全受到威胁，请立即拨打 110。"
        "不方便通话时，可编辑短信发送至 12110 报警。</p>",
    ),
    ("heading", {"text": "咨询与建议", "level": "h2"}),
    (
        "paragraph",
        "<p>办事咨询请拨打市民服务热线 12345，或查阅网上办事栏目的办事指南。"
        "对公安工作的意见建议，欢迎通过官方微博、微信公众号留言。</p>",
    ),
    ("heading", {"text": "监督投诉", "level": "h2"}),
    (
        "paragraph",
        "<p>对民警执法执勤、窗口服务有投诉意见的，请拨打公安机关执法监督电话 12389。"
        "我们对每一件投诉依法调查，并在规定时限内答复。</p>",
    ),
]


def publish(page: Page) -> Page:
    """Save a revision of the page and publish it."""
    page.save_revision().publish()
    return page


def add_child(parent: Page, page: Page) -> Page:
    """Add a page under a parent and publish it."""
    if not page.slug:
        page.slug = slugify(page.title) or f"page-{parent.get_children_count() + 1}"
    parent.add_child(instance=page)
    return publish(page)


def remove_demo_tree() -> None:
    """Delete every page below the tree root (all locales) to rebuild the tree."""
    Site.objects.all().delete()
    # Plain QuerySet.delete: treebeard's own delete trusts numchild, and a stale count
    # would leave orphans behind that the rebuilt tree then inherits.
    QuerySet.delete(Page.objects.filter(depth__gt=1))
    Page.objects.filter(depth=1).update(numchild=0)


def replace_welcome_page(root: Page) -> None:
    """Remove Wagtail's placeholder page that a fresh database starts with."""
    for page in root.get_children().filter(content_type__model="page"):
        page.delete()


def build_home(locale: Locale) -> HomePage:
    """Create the Chinese home page and point the default site at it."""
    root = Page.get_first_root_node()
    replace_welcome_page(root)
    hero = make_image("首页宣传图：平安城市", seed=1, size=(1600, 640))
    home = HomePage(
        title="首页",
        slug="home",
        locale=locale,
        hero_title="网上公安局 · 一网通办",
        hero_text="一点登录，一网通办。120 项公安服务，足不出户办理。",
        hero_image=hero,
        teaser="市公安局官方网站：警务资讯、警务公开、网上办事和警民互动。",
        seo_title="市公安局 网上公安局",
    )
    root.add_child(instance=home)
    publish(home)
    hostname, port = site_address()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": hostname,
            "port": port,
            "root_page": home,
            "site_name": "市公安局",
        },
    )
    return home


def build_sections(home: HomePage) -> dict[str, Page]:
    """Create the four top-level sections, shown in the header menu."""
    sections = {
        "news": NewsIndexPage(
            title="信息发布",
            slug="news",
            intro="警务动态、通知公告、警情通报和便民提示。",
            teaser="了解市公安局最新警务工作动态。",
        ),
        "transparency": TransparencyIndexPage(
            title="警务公开",
            slug="transparency",
            intro="依法主动公开机构职能、政策文件、统计数据、执法和财政信息。",
            teaser="政府信息公开目录。",
        ),
        "guides": GuideIndexPage(
            title="网上办事",
            slug="services",
            intro="8 大类 120 项公安业务办事指南，部分事项可全程网上办理、快递送达。",
            teaser="出入境、户政、治安、交管等 120 项服务的办事指南。",
        ),
        "interaction": StandardPage(
            title="警民互动",
            slug="interaction",
            teaser="报警求助、咨询建议和监督投诉的渠道。",
            body=INTERACTION_BODY,
        ),
    }
    for page in sections.values():
        page.show_in_menus = True
        add_child(home, page)
    return sections


def configure_home(
    home: HomePage, sections: dict[str, Page], popular: list[Page]
) -> None:
    """Fill the home page's section entries and quick links, then publish it."""
    descriptions = {
        "news": ("信息发布", "news", "警务动态 · 通知公告 · 警情通报"),
        "transparency": ("警务公开", "open", "机构职能 · 政策文件 · 统计数据"),
        "guides": ("网上办事", "service", "8 大类 120 项服务 · 我要办"),
        "interaction": ("警民互动", "talk", "报警求助 · 咨询建议 · 监督投诉"),
    }
    home.sections = [
        (
            "link",
            {"title": title, "page": sections[key], "description": text, "icon": icon},
        )
        for key, (title, icon, text) in descriptions.items()
    ]
    home.quick_links = [
        ("link", {"title": page.title, "page": page, "icon": "service"})
        for page in popular
    ]
    publish(home)


DEMO_SETTINGS = {
    "bureau_name": "市公安局",
    "bureau_name_en": "Municipal Public Security Bureau",
    "address": "东城区前门东大街 9 号",
    "address_en": "9 Qianmen East Street, Dongcheng District",
    "postcode": "100740",
    "emergency_phone": "110",
    "service_phone": "12345",
    "email": "webmaster@jingwu.invalid",
    "icp_number": "京ICP备00000000号",
    "police_record_number": "京公网安备 11000000000000号",
    "weibo_url": "https://weibo.com/",
    "wechat_account": "平安都市",
}


def configure_settings(site: Site, overwrite: bool) -> SiteSettings:
    """The footer's contacts and record numbers: written when new or `overwrite`."""
    settings, created = SiteSettings.objects.get_or_create(
        site=site, defaults=DEMO_SETTINGS
    )
    if overwrite and not created:
        for name, value in DEMO_SETTINGS.items():
            setattr(settings, name, value)
        settings.save()
    return settings
