"""API serializer fields and JSON of media, shared by page models and blocks."""

from rest_framework.fields import Field

from cms.visibility import is_public_media

from .shapes import IMAGE, RENDITION, STRING
from .urls import absolute

# Widths a phone asks for: 1x, 2x and 3x screens of a 360-pixel-wide layout.
PHONE_WIDTHS = (360, 720, 1080)


def phone_specs(spec: str) -> list[str]:
    """WebP renditions at phone widths, cropped like `spec` ("fill-640x360")."""
    kind, _sep, size = spec.partition("-")
    if kind == "fill":
        width, height = (int(n) for n in size.split("x"))
        return [
            f"fill-{w}x{round(w * height / width)}|format-webp" for w in PHONE_WIDTHS
        ]
    return [f"width-{w}|format-webp" for w in PHONE_WIDTHS]


def rendition_specs(spec: str) -> list[str]:
    """Every rendition image_json makes for a spec (to prefetch them in bulk)."""
    return [spec, *phone_specs(spec)]


def image_json(image, spec: str = "width-1200", request=None) -> dict | None:
    """Describe an image for the API: renditions with sizes, and the alt text.

    `url`, `width` and `height` are the rendition named by `spec`; `renditions`
    are WebP copies 360, 720 and 1080 pixels wide for phones (never wider than the
    original). None when there is no image, when it sits in a restricted collection,
    or when its original file is missing or unreadable.
    """
    if not is_public_media(image, request):
        return None
    specs = phone_specs(spec)
    try:
        renditions = image.get_renditions(spec, *specs)
    except OSError:  # a missing or broken original (Wagtail's SourceImageIOError)
        return None
    main = renditions[spec]
    phone = {r.width: r for r in (renditions[s] for s in specs)}  # no duplicates
    return {
        "id": image.pk,
        "url": absolute(main.url),
        "width": main.width,
        "height": main.height,
        "alt": image.default_alt_text or image.title,
        "renditions": [
            {"url": absolute(r.url), "width": r.width, "height": r.height}
            for r in sorted(phone.values(), key=lambda r: r.width)
        ],
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
        "url": absolute(document.url),
        "extension": document.file_extension,
        "size": document.file_size,
    }


class ImageField(Field):
    """An image as `image_json` describes it (null when missing or private)."""

    api_schema = IMAGE

    def __init__(self, spec: str, **kwargs):
        self.spec = spec
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image_json(image, self.spec, self.context.get("request"))


class TagNamesField(Field):
    """Tag names, sorted, read from prefetched tags when the view prefetched them."""

    api_schema = {"type": "array", "items": STRING}

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class ImageRenditionsField(Field):
    """An image's phone-size WebP renditions (the images endpoint's own field)."""

    api_schema = {"type": "array", "items": RENDITION}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        data = image_json(image, "width-1080", self.context.get("request"))
        return data["renditions"] if data else []


class DownloadUrlField(Field):
    """The absolute URL of an image's original or a document's download."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, obj):
        return absolute(obj.url if hasattr(obj, "file_extension") else obj.file.url)
