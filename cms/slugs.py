"""Readable Latin slugs for Chinese titles: 普通护照申领 -> pu-tong-hu-zhao-shen-ling.

Pinyin rather than Unicode slugs: a Chinese slug becomes a long run of %E6%99%AE…
escapes when a link is copied into WeChat, an SMS or an e-mail, and is hard to read
out on the phone; pinyin keeps links short, ASCII and speakable.
"""

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

MAX_LENGTH = 80


def pinyin_slug(text: str, max_length: int = MAX_LENGTH) -> str:
    """A slug of the text: Chinese as pinyin syllables, other words kept."""
    words = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: chars.split())
    slug = slugify(" ".join(words))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def needs_pinyin(slug: str) -> bool:
    """Whether a slug is empty or has non-ASCII characters to be converted."""
    return not slug or not slug.isascii()
