"""Primitives shared by the block modules."""

from wagtail import blocks

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


class RichTextBlock(blocks.RichTextBlock):
    """Rich text; the API gives HTML an app can use (cms.api.richtext)."""

    def get_api_representation(self, value, context=None):
        from cms.api.richtext import app_html  # it needs the page models loaded

        return app_html(value.source, request_of(context))
