"""IIIF Presentation 3 of the museum: a manifest per exhibit, a collection per hall.

Built with iiif-prezi3's models, which check the shape as they are made, so any IIIF
viewer (Mirador, Universal Viewer) can open what we publish. Every URL in them is
absolute on WAGTAILAPI_BASE_URL, as in the API.

A manifest holds both languages at once (IIIF language maps), so its fixed labels
are written here in Chinese and English rather than looked up in the request's
language; the content (titles, field values) is in the page's own language.
"""

from django.urls import reverse
from iiif_prezi3 import (
    Annotation,
    AnnotationBody,
    AnnotationPage,
    Canvas,
    Collection,
    KeyValueString,
    Manifest,
    ManifestRef,
)
from wagtail.models import Locale, Page

from cms.api.urls import absolute
from cms.models import SiteSettings
from cms.visibility import is_public, is_public_media, restricted_paths

from .deepzoom import Level, Picture, pictures
from .models.exhibits import CARD

MEDIA_TYPE = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)
# BCP 47 tags of the site's languages (Wagtail's locale codes are lower case).
LANGUAGE_TAGS = {"zh-hans": "zh-Hans", "en": "en"}
# The bureau keeps the rights to its photographs and grants no licence; IIIF asks
# for a RightsStatements.org or Creative Commons URI.
RIGHTS = "http://rightsstatements.org/vocab/InC/1.0/"
ATTRIBUTION = {"zh-Hans": ["版权所有"], "en": ["Attribution"]}
FIELDS = (
    ("accession_number", {"zh-Hans": ["馆藏编号"], "en": ["Accession number"]}),
    ("category", {"zh-Hans": ["类别"], "en": ["Category"]}),
    ("period", {"zh-Hans": ["年代"], "en": ["Period"]}),
    ("material", {"zh-Hans": ["材质"], "en": ["Material"]}),
    ("maker", {"zh-Hans": ["制造者"], "en": ["Maker"]}),
    ("dimensions", {"zh-Hans": ["尺寸"], "en": ["Dimensions"]}),
    ("hall", {"zh-Hans": ["展厅"], "en": ["Exhibition hall"]}),
)


def manifest_url(exhibit: Page) -> str:
    return absolute(reverse("museum_iiif:exhibit_manifest", args=[exhibit.pk]))


def collection_url(hall: Page) -> str:
    return absolute(reverse("museum_iiif:hall_collection", args=[hall.pk]))


def language_of(page: Page) -> str:
    return language_of_locale(page.locale)


def language_of_locale(locale: Locale) -> str:
    return LANGUAGE_TAGS.get(locale.language_code, locale.language_code)


def versions(page: Page, request=None) -> list[Page]:
    """The page and its translations anyone may see, the page's own first."""
    paths = restricted_paths(request)
    others = page.get_translations().live().select_related("locale").order_by("pk")
    return [page] + [other for other in others if is_public(other, paths)]


def exhibit_manifest(exhibit, request=None) -> Manifest | None:
    """The exhibit's manifest, or None when it has no picture anyone may see."""
    shown = pictures(exhibit, request)
    if not shown:
        return None
    language = language_of(exhibit)
    pages = versions(exhibit, request)
    base = manifest_url(exhibit).removesuffix("manifest.json")
    hall = exhibit.visible_hall(request)
    return Manifest(
        id=manifest_url(exhibit),
        label={language_of(page): [page.title] for page in pages},
        summary={language: [exhibit.teaser]} if exhibit.teaser else None,
        metadata=metadata(exhibit, hall, language),
        requiredStatement=attribution(request),
        rights=RIGHTS,
        homepage=[homepage(page, request) for page in pages],
        thumbnail=[image(shown[0].smallest)],
        partOf=[collection_ref(hall)] if hall else None,
        items=[
            canvas(f"{base}canvas/{picture.key}", picture, number, language)
            for number, picture in enumerate(shown, start=1)
        ],
    )


def hall_collection(hall, request=None) -> Collection:
    """The hall's exhibits that have a manifest, in the order of its route."""
    pages = versions(hall, request)
    tags = {locale.pk: language_of_locale(locale) for locale in Locale.objects.all()}
    items = []
    for exhibit in hall.exhibits_on_show(request):
        cover = next(
            (
                row
                for row in exhibit.images.all()
                if is_public_media(row.image, request)
            ),
            None,
        )
        if cover is None:  # no picture anyone may see: no manifest either
            continue
        reference = {
            "id": manifest_url(exhibit),
            "type": "Manifest",
            "label": {tags[exhibit.locale_id]: [exhibit.title]},
        }
        try:
            card = cover.image.get_rendition(CARD)
        except OSError:  # the original is missing: its manifest may still list others
            card = None
        if card is not None:
            reference["thumbnail"] = [image(Level.of(card))]
        items.append(ManifestRef(**reference))
    language = language_of(hall)
    return Collection(
        id=collection_url(hall),
        label={language_of(page): [page.title] for page in pages},
        summary={language: [hall.introduction]} if hall.introduction else None,
        requiredStatement=attribution(request),
        homepage=[homepage(page, request) for page in pages],
        items=items,
    )


def metadata(exhibit, hall, language: str) -> list[KeyValueString]:
    """The exhibit's record: accession number, category, period, material…"""
    values = {
        "accession_number": exhibit.accession_number,
        "category": exhibit.category.name,
        "period": exhibit.period or exhibit.years,
        "material": exhibit.material.name if exhibit.material_id else "",
        "maker": exhibit.maker,
        "dimensions": exhibit.dimensions,
        "hall": hall.title if hall else "",
    }
    rows = []
    for name, label in FIELDS:
        if values[name]:
            # An accession number is the same in every language.
            key = "none" if name == "accession_number" else language
            rows.append(KeyValueString(label=label, value={key: [values[name]]}))
    return rows


def attribution(request=None) -> KeyValueString:
    """The bureau, in the languages its settings name it in."""
    site_settings = SiteSettings.for_request(request) if request else None
    if site_settings is None:
        return KeyValueString(label=ATTRIBUTION, value={"none": ["Jingwu"]})
    value = {"zh-Hans": [site_settings.bureau_name]}
    if site_settings.bureau_name_en:
        value["en"] = [site_settings.bureau_name_en]
    return KeyValueString(label=ATTRIBUTION, value=value)


def homepage(page: Page, request=None) -> dict:
    language = language_of(page)
    return {
        "id": absolute(page.get_url(request)),
        "type": "Text",
        "label": {language: [page.title]},
        "format": "text/html",
        "language": [language],
    }


def collection_ref(hall) -> dict:
    return {
        "id": collection_url(hall),
        "type": "Collection",
        "label": {language_of(hall): [hall.title]},
    }


def image(level: Level) -> dict:
    """An image resource (a thumbnail or a painting's body)."""
    return {
        "id": absolute(level.url),
        "type": "Image",
        "format": level.media_type,
        "width": level.width,
        "height": level.height,
    }


def canvas(canvas_id: str, picture: Picture, number: int, language: str) -> Canvas:
    """One picture on a canvas of its largest rendition's size."""
    largest = picture.largest
    label = (
        {language: [picture.caption]}
        if picture.caption
        else {"zh-Hans": [f"图 {number}"], "en": [f"Picture {number}"]}
    )
    painting = Annotation(
        id=f"{canvas_id}/painting",
        motivation="painting",
        target=canvas_id,
        body=AnnotationBody(**image(largest)),
    )
    return Canvas(
        id=canvas_id,
        label=label,
        summary={language: [picture.alt]},
        width=largest.width,
        height=largest.height,
        thumbnail=[image(picture.smallest)],
        items=[AnnotationPage(id=f"{canvas_id}/page", items=[painting])],
    )
