"""API serializer fields of the museum pages, each with its JSON schema."""

from rest_framework.fields import Field

from cms.api.fields import document_json
from cms.api.shapes import DOCUMENT, RENDITION, STRING, URL, obj
from cms.api.urls import absolute
from cms.visibility import is_public, is_public_media, public_pages, restricted_paths

INTEGER = {"type": "integer"}
PAGE_REF = obj({"id": INTEGER, "title": STRING, "url": URL})


def rendition_json(rendition) -> dict:
    """A rendition as the API gives it: absolute URL, width and height."""
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


class TermField(Field):
    """A category or material as a small object: id, name and slug."""

    def __init__(self, nullable: bool = False, **kwargs):
        self.api_schema = obj(
            {"id": INTEGER, "name": STRING, "slug": STRING}, nullable=nullable
        )
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, term):
        return {"id": term.pk, "name": term.name, "slug": term.slug}


class HallRefField(Field):
    """The hall an exhibit is on show in (null when in store or not public)."""

    api_schema = {**PAGE_REF, "nullable": True}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, exhibit):
        request = self.context.get("request")
        hall = exhibit.hall if exhibit.hall_id else None
        if not is_public(hall, restricted_paths(request)):
            return None
        url = absolute(hall.get_url(request))
        return {"id": hall.pk, "title": hall.title, "url": url}


class ExhibitImagesField(Field):
    """An exhibit's pictures: alt text, caption, a thumbnail and a large rendition."""

    api_schema = {
        "type": "array",
        "items": obj(
            {
                "id": INTEGER,
                "alt": STRING,
                "caption": STRING,
                "width": INTEGER,
                "height": INTEGER,
                "thumbnail": RENDITION,
                "large": RENDITION,
            },
            description="`width` and `height` are the original's; `thumbnail` is "
            "cropped to 400×300, `large` fits within 1600×1600.",
        ),
    }

    def __init__(self, thumbnail: str, large: str, **kwargs):
        self.thumbnail, self.large = thumbnail, large
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, images):
        request = self.context.get("request")
        result = []
        for picture in images.all():
            image = picture.image
            if not is_public_media(image, request):
                continue
            try:
                renditions = image.get_renditions(self.thumbnail, self.large)
            except OSError:  # a missing original (Wagtail's SourceImageIOError)
                continue
            result.append(
                {
                    "id": image.pk,
                    "alt": picture.alt_text,
                    "caption": picture.caption,
                    "width": image.width,
                    "height": image.height,
                    "thumbnail": rendition_json(renditions[self.thumbnail]),
                    "large": rendition_json(renditions[self.large]),
                }
            )
        return result


class ExhibitLinksField(Field):
    """Linked exhibits anonymous visitors may see: id, title, number and URL."""

    api_schema = {
        "type": "array",
        "items": obj(
            {"id": INTEGER, "title": STRING, "accession_number": STRING, "url": URL}
        ),
    }

    def __init__(self, target: str = "target", **kwargs):
        self.target = target
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, links):
        request = self.context.get("request")
        targets = (getattr(link, self.target) for link in links.all())
        return [
            {
                "id": page.pk,
                "title": page.title,
                "accession_number": page.accession_number,
                "url": absolute(page.get_url(request)),
            }
            for page in public_pages(targets, request)
        ]


class RelatedExhibitsField(ExhibitLinksField):
    """Related exhibits, in the editor's order."""


class DocumentField(Field):
    """A document as `document_json` describes it (null when none or private)."""

    api_schema = DOCUMENT

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, document):
        return document_json(document, self.context.get("request"))


class BookingLinkField(Field):
    """The absolute address of the visit booking, or null when there is none."""

    api_schema = {**URL, "nullable": True}

    def get_attribute(self, instance):
        return instance.booking_url

    def to_representation(self, url):
        return absolute(url) if url else None
