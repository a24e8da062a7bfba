"""An exhibit's pictures at a few widths: the deep-zoom viewer's levels and IIIF's.

Without a tile server, the viewer zooms through whole renditions of growing width
(OpenSeadragon's `legacy-image-pyramid`): a phone first loads a small one and fetches
a larger one only when zoomed in. IIIF manifests paint the largest.
"""

from dataclasses import dataclass

from cms.visibility import is_public_media
from media.models import Image

# WebP keeps transparency and is a third of a JPEG's size; every browser the site
# supports (WeChat's included) shows it. Wagtail never enlarges: a narrow original
# gives fewer levels.
LEVEL_WIDTHS = (640, 1280, 2560, 4096)
LEVEL_SPECS = tuple(f"width-{width}|format-webp" for width in LEVEL_WIDTHS)
# Rendition formats Wagtail writes, by file extension.
MEDIA_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


@dataclass(frozen=True)
class Level:
    """One rendition of a picture."""

    url: str
    width: int
    height: int

    @classmethod
    def of(cls, rendition) -> "Level":
        return cls(rendition.url, rendition.width, rendition.height)

    @property
    def media_type(self) -> str:
        extension = self.url.rpartition(".")[2].lower()
        return MEDIA_TYPES.get(extension, "application/octet-stream")

    def as_json(self) -> dict:
        return {"url": self.url, "width": self.width, "height": self.height}


@dataclass(frozen=True)
class Picture:
    """A picture of an exhibit as the viewer and IIIF show it."""

    key: int  # the ExhibitImage row: stable while editors reorder pictures
    alt: str
    caption: str
    levels: tuple[Level, ...]  # narrowest first

    @property
    def smallest(self) -> Level:
        return self.levels[0]

    @property
    def largest(self) -> Level:
        return self.levels[-1]


def pictures(page, request=None, rows=None) -> list[Picture]:
    """The exhibit's pictures anyone may see, in order, with their levels.

    `rows` are its ExhibitImage rows when the caller has them (the page's
    `gallery`). Works for a preview's unsaved page too. Three queries however many
    pictures there are, once the renditions exist (the rows, the images, their
    renditions); two when given the rows. Pictures in a restricted collection or
    without a readable file are left out.
    """
    if rows is None:
        rows = page.images.all()
    rows = sorted(rows, key=lambda row: (row.sort_order or 0, row.pk or 0))
    ids = {row.image_id for row in rows}
    images = Image.objects.filter(pk__in=ids).prefetch_renditions(*LEVEL_SPECS)
    by_id = {image.pk: image for image in images} if ids else {}
    found = []
    for row in rows:
        image = by_id.get(row.image_id)
        if image is None or not is_public_media(image, request):
            continue
        try:
            renditions = image.get_renditions(*LEVEL_SPECS)
        except OSError:  # a missing or broken original (Wagtail's SourceImageIOError)
            continue
        widths = {r.width: r for r in renditions.values()}  # small originals repeat
        levels = tuple(Level.of(r) for _width, r in sorted(widths.items()))
        alt = row.alt_text or image.default_alt_text or image.title
        found.append(Picture(row.pk or 0, alt, row.caption, levels))
    return found
