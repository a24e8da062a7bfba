"""API serializer fields and JSON of media, shared by page models and blocks."""

from rest_framework.fields import Field

from cms.visibility import is_public_media
from media.renditions import rendition_or_none


def image_json(image, spec: str = "width-1200", request=None) -> dict | None:
    """Describe an image for the API: a rendition URL, its size and the alt text.

    None when there is no image, when it sits in a restricted collection, or when its
    original file is missing or unreadable (a restored database without its media).
    """
    if not is_public_media(image, request):
        return None
    rendition = rendition_or_none(image, spec)
    if rendition is None:
        return None
    return {
        "id": image.pk,
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text or image.title,
    }


def document_json(document, request=None) -> dict | None:
    """Describe a document for the API: title, URL, extension and size in bytes.

    None when there is none or it sits in a restricted collection.
    """
    if not is_public_media(document, request):
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.url,
        "extension": document.file_extension,
        "size": document.file_size,
    }


class ImageField(Field):
    """An image as `image_json` describes it (null when missing or private)."""

    def __init__(self, spec: str, **kwargs):
        self.spec = spec
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image_json(image, self.spec, self.context.get("request"))


class TagNamesField(Field):
    """Tag names, sorted, read from prefetched tags when the view prefetched them."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())
