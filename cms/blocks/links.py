"""Links editors choose: to a page of the site or to another address."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.api.shapes import STRING, obj
from cms.api.urls import absolute
from cms.visibility import is_public, restricted_paths

from .base import OmitEmptyStreamBlock, request_of

# Icons the site and the app draw for links and sections.
ICONS = [
    ("news", _("新闻")),
    ("open", _("公开")),
    ("service", _("办事")),
    ("talk", _("互动")),
    ("passport", _("证件")),
    ("car", _("交通")),
    ("home", _("户籍")),
    ("shield", _("安全")),
    ("museum", _("博物馆")),
    ("map", _("地图")),
]


class LinkBlock(blocks.StructBlock):
    """A link to a page or an address, with a label and a short description."""

    title = blocks.CharBlock(label=_("名称"))
    page = blocks.PageChooserBlock(required=False, label=_("站内页面"))
    url = blocks.URLBlock(required=False, label=_("外部地址"))
    description = blocks.CharBlock(required=False, label=_("简介"))
    icon = blocks.ChoiceBlock(choices=ICONS, default="service", label=_("图标"))

    class Meta:
        icon = "link"
        label = _("链接")

    def clean(self, value):
        value = super().clean(value)
        if not value["page"] and not value["url"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.ErrorList([_("请选择站内页面或填写外部地址。")])
                }
            )
        return value

    def api_schema(self) -> dict:
        return obj(
            {
                "title": STRING,
                "description": STRING,
                "icon": STRING,
                "page_id": {"type": "integer", "nullable": True},
                "url": STRING,
            }
        )

    def get_api_representation(self, value, context=None):
        request = request_of(context)
        page = visible_page(value, request)
        if page is None and not value["url"]:
            return None  # a draft, deleted or private page: nothing to link to
        return {
            "title": value["title"],
            "description": value["description"] or "",
            "icon": value["icon"],
            "page_id": page.pk if page else None,
            "url": absolute(page.get_url(request)) if page else value["url"],
        }


def visible_page(value, request=None):
    """The link's page when anonymous visitors may see it, else None."""
    page = value["page"]
    return page if is_public(page, restricted_paths(request)) else None


class LinkStreamBlock(OmitEmptyStreamBlock):
    """An ordered list of links chosen by editors."""

    link = LinkBlock()

    def visible(self, value, request=None) -> list[dict]:
        """The links worth showing (to public pages, or external), with their URLs."""
        links = []
        for block in value:
            page = visible_page(block.value, request)
            url = page.get_url(request) if page else block.value["url"]
            if url:
                links.append({**block.value, "page": page, "url": url})
        return links
