"""Blocks that show an image, a gallery, a video or a downloadable document."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.api.fields import document_json, image_json
from cms.api.shapes import DOCUMENT, IMAGE, STRING, not_null, obj
from cms.api.urls import absolute
from cms.visibility import is_public_media
from media.renditions import rendition_or_none

from .base import OmitEmptyStreamBlock, request_of


def picture(value, spec: str, request=None) -> dict | None:
    """An image block's rendition and caption for a template, if it can be shown."""
    image = value["image"]
    if not is_public_media(image, request):
        return None
    rendition = rendition_or_none(image, spec)
    return {"rendition": rendition, "caption": value["caption"]} if rendition else None


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

    def api_schema(self) -> dict:
        return obj({"image": not_null(IMAGE), "caption": STRING})

    def get_api_representation(self, value, context=None):
        image = image_json(value["image"], request=request_of(context))
        return {"image": image, "caption": value["caption"] or ""} if image else None


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

    def api_schema(self) -> dict:
        image = self.child_blocks["images"].child_block.api_schema()
        return obj({"title": STRING, "images": {"type": "array", "items": image}})

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

    def api_schema(self) -> dict:
        return obj(
            {
                "title": STRING,
                "url": {"type": "string", "format": "uri"},
                "mime_type": STRING,
                "poster": IMAGE,
                "caption": STRING,
            }
        )

    def get_api_representation(self, value, context=None):
        video = value["video"]
        if video is None:
            return None
        return {
            "title": video.title,
            "url": absolute(video.file.url),
            "mime_type": video.mime_type,
            "poster": image_json(video.poster, request=request_of(context)),
            "caption": value["caption"] or "",
        }


class AttachmentBlock(blocks.StructBlock):
    """A downloadable document with an optional label."""

    document = DocumentChooserBlock(label=_("文档"))
    label = blocks.CharBlock(required=False, label=_("显示名称"))

    class Meta:
        icon = "doc-full"
        label = _("附件")
        template = "cms/blocks/attachment.html"

    def api_schema(self) -> dict:
        schema = not_null(DOCUMENT)
        return {
            **schema,
            "required": [*schema["required"], "label"],
            "properties": {**schema["properties"], "label": STRING},
        }

    def get_api_representation(self, value, context=None):
        data = document_json(value["document"], request_of(context))
        if data is not None:
            data["label"] = value["label"] or data["title"]
        return data


class AttachmentStreamBlock(OmitEmptyStreamBlock):
    """Downloadable attachments of a page."""

    attachment = AttachmentBlock()
