"""Blocks of the app's first screen, composed by editors (mobile.AppHome).

Each block's get_api_representation is the JSON contract the app renders; blocks with
nothing to show (a banner whose picture was deleted, an empty list) return None and
the API leaves them out. News and services are filled in when the app asks, from
the live pages: the newest news (active pins first) and the services editors chose,
or else the popular ones.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from cms.api.fields import image_json
from cms.api.shapes import IMAGE, LINK, STRING, URL, not_null, obj
from cms.api.urls import absolute
from cms.blocks import ICONS, LinkBlock, OmitEmptyStreamBlock, request_of, visible_page
from cms.visibility import public_pages
from guides.models import GuidePage
from news.api import NEWS_ITEM, news_json
from news.models import headlines


def link_json(value, request) -> dict | None:
    """Where a block leads: a public page (with its id) or an external address."""
    page = visible_page(value, request)
    if page is not None:
        return {"page_id": page.pk, "url": absolute(page.get_url(request))}
    return {"page_id": None, "url": value["url"]} if value["url"] else None


class BannerBlock(blocks.StructBlock):
    """A large picture at the top of the app, leading to a page or an address."""

    image = ImageChooserBlock(
        label=_("图片"), help_text=_("宽高比 2:1，例如 1080×540。")
    )
    title = blocks.CharBlock(label=_("标题"), max_length=40)
    text = blocks.CharBlock(required=False, label=_("说明"), max_length=80)
    page = blocks.PageChooserBlock(required=False, label=_("站内页面"))
    url = blocks.URLBlock(required=False, label=_("外部地址"))

    class Meta:
        icon = "image"
        label = _("轮播图")

    def api_schema(self) -> dict:
        return obj(
            {
                "title": STRING,
                "text": STRING,
                "image": not_null(IMAGE),
                "link": {**LINK, "nullable": True},
            }
        )

    def get_api_representation(self, value, context=None):
        request = request_of(context)
        image = image_json(value["image"], "fill-1080x540", request)
        if image is None:
            return None
        return {
            "title": value["title"],
            "text": value["text"] or "",
            "image": image,
            "link": link_json(value, request),
        }


class SectionBlock(blocks.StructBlock):
    """One of the app's sections (信息发布, 警务公开, 网上办事, 警民互动, 博物馆)."""

    title = blocks.CharBlock(label=_("栏目名称"), max_length=20)
    icon = blocks.ChoiceBlock(choices=ICONS, default="service", label=_("图标"))
    description = blocks.CharBlock(required=False, label=_("简介"), max_length=60)
    page = blocks.PageChooserBlock(required=False, label=_("栏目页面"))
    url = blocks.URLBlock(required=False, label=_("外部地址"))
    entries = blocks.ListBlock(LinkBlock(), label=_("入口"), min_num=0)

    class Meta:
        icon = "folder-open-inverse"
        label = _("栏目")

    def api_schema(self) -> dict:
        entry = self.child_blocks["entries"].child_block.api_schema()
        return obj(
            {
                "title": STRING,
                "icon": STRING,
                "description": STRING,
                "link": {**LINK, "nullable": True},
                "entries": {"type": "array", "items": entry},
            }
        )

    def get_api_representation(self, value, context=None):
        entry = self.child_blocks["entries"].child_block
        entries = [entry.get_api_representation(e, context) for e in value["entries"]]
        return {
            "title": value["title"],
            "icon": value["icon"],
            "description": value["description"] or "",
            "link": link_json(value, request_of(context)),
            "entries": [e for e in entries if e],
        }


class NewsBlock(blocks.StructBlock):
    """The newest police news of the app's language, active pins first."""

    title = blocks.CharBlock(label=_("标题"), default="警务要闻", max_length=20)
    count = blocks.IntegerBlock(label=_("条数"), default=6, min_value=1, max_value=20)

    class Meta:
        icon = "doc-full"
        label = _("新闻")

    def api_schema(self) -> dict:
        return obj({"title": STRING, "items": {"type": "array", "items": NEWS_ITEM}})

    def get_api_representation(self, value, context=None):
        request = request_of(context)
        items = headlines((context or {}).get("locale"), value["count"])
        if not items:
            return None
        return {
            "title": value["title"],
            "items": [news_json(page, request) for page in items],
        }


class ServicesBlock(blocks.StructBlock):
    """Services to offer first: those chosen here, or else the popular ones."""

    title = blocks.CharBlock(label=_("标题"), default="热门服务", max_length=20)
    services = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guides.GuidePage"),
        label=_("指定服务"),
        help_text=_("留空则显示标为“热门事项”的办事指南。"),
        min_num=0,
    )
    count = blocks.IntegerBlock(
        label=_("最多条数"), default=8, min_value=1, max_value=24
    )

    class Meta:
        icon = "list-ul"
        label = _("热门服务")

    def api_schema(self) -> dict:
        item = obj(
            {
                "id": {"type": "integer"},
                "title": STRING,
                "business": STRING,
                "url": URL,
                "detail_url": URL,
            }
        )
        return obj({"title": STRING, "items": {"type": "array", "items": item}})

    def get_api_representation(self, value, context=None):
        request = request_of(context)
        chosen = public_pages(value["services"], request)
        if not chosen:
            locale = (context or {}).get("locale")
            chosen = list(GuidePage.popular_items(locale, value["count"]))
        if not chosen:
            return None
        return {
            "title": value["title"],
            "items": [
                {
                    "id": page.pk,
                    "title": page.title,
                    "business": page.specific.business,
                    "url": absolute(page.get_url(request)),
                    "detail_url": absolute(f"/api/v2/pages/{page.pk}/"),
                }
                for page in chosen[: value["count"]]
            ],
        }


class SocialBlock(blocks.StructBlock):
    """The bureau's Weibo and WeChat entries."""

    weibo_name = blocks.CharBlock(label=_("微博名称"), max_length=40)
    weibo_url = blocks.URLBlock(label=_("微博地址"))
    wechat_name = blocks.CharBlock(label=_("微信公众号"), max_length=40)
    wechat_id = blocks.CharBlock(
        required=False, label=_("微信号"), max_length=40, help_text=_("用于搜索关注。")
    )
    wechat_qr = ImageChooserBlock(required=False, label=_("公众号二维码"))

    class Meta:
        icon = "site"
        label = _("微博与微信")

    def api_schema(self) -> dict:
        return obj(
            {
                "weibo": obj({"name": STRING, "url": URL}),
                "wechat": obj({"name": STRING, "id": STRING, "qr_image": IMAGE}),
            }
        )

    def get_api_representation(self, value, context=None):
        return {
            "weibo": {"name": value["weibo_name"], "url": value["weibo_url"]},
            "wechat": {
                "name": value["wechat_name"],
                "id": value["wechat_id"] or "",
                "qr_image": image_json(
                    value["wechat_qr"], "max-480x480", request_of(context)
                ),
            },
        }


class HotlineBlock(blocks.StructBlock):
    """A phone number citizens may call."""

    name = blocks.CharBlock(label=_("名称"), max_length=20)
    number = blocks.RegexBlock(
        regex=r"^[0-9\-+ ]{3,20}$",
        error_messages={"invalid": _("请填写电话号码，例如 110 或 010-12345678。")},
        label=_("号码"),
    )


class HotlinesBlock(blocks.StructBlock):
    """Emergency and service numbers."""

    title = blocks.CharBlock(label=_("标题"), default="服务热线", max_length=20)
    items = blocks.ListBlock(HotlineBlock(), label=_("电话"), min_num=1)

    class Meta:
        icon = "mobile-alt"
        label = _("热线电话")

    def api_schema(self) -> dict:
        item = obj({"name": STRING, "number": STRING})
        return obj({"title": STRING, "items": {"type": "array", "items": item}})

    def get_api_representation(self, value, context=None):
        return {
            "title": value["title"],
            "items": [
                {"name": i["name"], "number": i["number"]} for i in value["items"]
            ],
        }


class AppHomeStreamBlock(OmitEmptyStreamBlock):
    """The app's first screen, block by block, in the editor's order."""

    banner = BannerBlock()
    section = SectionBlock()
    news = NewsBlock()
    services = ServicesBlock()
    social = SocialBlock()
    hotlines = HotlinesBlock()
