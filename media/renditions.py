"""Renditions that never break a page: None when the picture cannot be made."""

from wagtail.images.models import AbstractImage, AbstractRendition


def rendition_or_none(
    image: AbstractImage | None, spec: str
) -> AbstractRendition | None:
    """The image's rendition, or None when there is no image or its file is missing.

    Wagtail's `{% image %}` tag falls back to a 0x0 picture at /media/not-found for a
    missing original (a restore without its media); we show nothing instead.
    """
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except OSError:  # Wagtail's SourceImageIOError is one; so is a truncated file
        return None
