"""The body of articles: text, headings, quotes, media and attachments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from .base import RICH_TEXT_FEATURES, OmitEmptyStreamBlock, RichTextBlock
from .forms import EmbeddedFormBlock
from .media import AttachmentBlock, GalleryBlock, ImageBlock, VideoBlock


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


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("引文"))
    source = blocks.CharBlock(required=False, label=_("出处"))

    class Meta:
        icon = "openquote"
        label = _("引用")
        template = "cms/blocks/quote.html"


class BodyStreamBlock(OmitEmptyStreamBlock):
    """The body of an article: text, headings, media, quotes and attachments."""

    paragraph = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("段落"))
    heading = HeadingBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    attachment = AttachmentBlock()
    embed = EmbedBlock(label=_("嵌入内容"), help_text=_("粘贴视频或微博等网页链接。"))
    form = EmbeddedFormBlock()

    class Meta:
        label = _("正文")
