"""Shared content blocks: the body of news, transparency and standard pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.api.fields import document_json, image_json
from cms.visibility import is_public, is_public_media, restricted_paths
from media.renditions import rendition_or_none

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def request_of(context) -> object | None:
    """The request an API serializer or template passes in its context, if any."""
    return (context or {}).get("request")


class OmitEmptyStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose API JSON leaves out blocks that have nothing to show.

    A block returns None from get_api_representation when its image, document,
    video or page was deleted, or is not public; the app then never sees a hole.
    """

    def get_api_representation(self, value, context=None):
        return [
            item
            for item in super().get_api_representation(value, context)
            if item["value"] is not None
        ]


def picture(value, spec: str, request=None) -> dict | None:
    """An image block's rendition and caption for a template, if it can be shown."""
    image = value["image"]
    if not is_public_media(image, request):
        return None
    rendition = rendition_or_none(image, spec)
    return {"rendition": rendition, "caption": value["caption"]} if rendition else None


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2 or 3."""

    text = blocks.CharBlock(label=_("标题文字"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("二级标题")), ("h3", _("三级标题"))],
        default="h2",
        label=_("级别"),
    )

    class Meta:
        icon = "title"
        label = _("小标题")
        template = "cms/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """One image with an optional caption."""

    image = ImageChooserBlock(label=_("图片"))
    caption = blocks.CharBlock(required=False, label=_("图注"))

    class Meta:
        icon = "image"
        label = _("图片")
        template = "cms/blocks/image.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["picture"] = picture(value, "width-960", request_of(parent_context))
        return context

    def get_api_representation(self, value, context=None):
        image = image_json(value["image"], request=request_of(context))
        return {"image": image, "caption": value["caption"]} if image else None


class GalleryBlock(blocks.StructBlock):
    """Several images shown as a grid."""

    title = blocks.CharBlock(required=False, label=_("组图标题"))
    images = blocks.ListBlock(ImageBlock(), min_num=2, label=_("图片"))

    class Meta:
        icon = "image"
        label = _("组图")
        template = "cms/blocks/gallery.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = request_of(parent_context)
        pictures = [picture(item, "fill-480x320", request) for item in value["images"]]
        context["pictures"] = [p for p in pictures if p]
        return context

    def get_api_representation(self, value, context=None):
        child = self.child_blocks["images"].child_block
        images = [child.get_api_representation(i, context) for i in value["images"]]
        images = [image for image in images if image]
        return {"title": value["title"], "images": images} if images else None


class VideoBlock(blocks.StructBlock):
    """A video from the media library."""

    video = SnippetChooserBlock("media.Video", label=_("视频"))
    caption = blocks.CharBlock(required=False, label=_("说明"))

    class Meta:
        icon = "media"
        label = _("视频")
        template = "cms/blocks/video.html"

    def get_api_representation(self, value, context=None):
        video = value["video"]
        if video is None:
            return None
        return {
            "title": video.title,
            "url": video.file.url,
            "mime_type": video.mime_type,
            "poster": image_json(video.poster, request=request_of(context)),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("引文"))
    source = blocks.CharBlock(required=False, label=_("出处"))

    class Meta:
        icon = "openquote"
        label = _("引用")
        template = "cms/blocks/quote.html"


class AttachmentBlock(blocks.StructBlock):
    """A downloadable document with an optional label."""

    document = DocumentChooserBlock(label=_("文档"))
    label = blocks.CharBlock(required=False, label=_("显示名称"))

    class Meta:
        icon = "doc-full"
        label = _("附件")
        template = "cms/blocks/attachment.html"

    def get_api_representation(self, value, context=None):
        data = document_json(value["document"], request_of(context))
        if data is not None:
            data["label"] = value["label"] or data["title"]
        return data


class AttachmentStreamBlock(OmitEmptyStreamBlock):
    """Downloadable attachments of a page."""

    attachment = AttachmentBlock()


class BodyStreamBlock(OmitEmptyStreamBlock):
    """The body of an article: text, headings, media, quotes and attachments."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("段落"))
    heading = HeadingBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    attachment = AttachmentBlock()
    embed = EmbedBlock(label=_("嵌入内容"), help_text=_("粘贴视频或微博等网页链接。"))

    class Meta:
        label = _("正文")


class LinkBlock(blocks.StructBlock):
    """A link to a page or an address, with a label and a short description."""

    title = blocks.CharBlock(label=_("名称"))
    page = blocks.PageChooserBlock(required=False, label=_("站内页面"))
    url = blocks.URLBlock(required=False, label=_("外部地址"))
    description = blocks.CharBlock(required=False, label=_("简介"))
    icon = blocks.ChoiceBlock(
        choices=[
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
        ],
        default="service",
        label=_("图标"),
    )

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

    def get_api_representation(self, value, context=None):
        page = visible_page(value, request_of(context))
        if page is None and not value["url"]:
            return None  # a draft, deleted or private page: nothing to link to
        return {
            "title": value["title"],
            "description": value["description"],
            "icon": value["icon"],
            "page_id": page.pk if page else None,
            "url": page.url if page else value["url"],
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
