"""Shared content blocks, one module per family; import them from here."""

from .base import RICH_TEXT_FEATURES, OmitEmptyStreamBlock, RichTextBlock, request_of
from .links import ICONS, LinkBlock, LinkStreamBlock, visible_page
from .media import (
    AttachmentBlock,
    AttachmentStreamBlock,
    GalleryBlock,
    ImageBlock,
    VideoBlock,
    picture,
)
from .text import BodyStreamBlock, HeadingBlock, QuoteBlock

__all__ = [
    "ICONS",
    "RICH_TEXT_FEATURES",
    "AttachmentBlock",
    "AttachmentStreamBlock",
    "BodyStreamBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkStreamBlock",
    "OmitEmptyStreamBlock",
    "QuoteBlock",
    "RichTextBlock",
    "VideoBlock",
    "picture",
    "request_of",
    "visible_page",
]
