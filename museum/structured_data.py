"""schema.org descriptions (JSON-LD) of the museum's pages.

- The home page is a `Museum`, with its address, opening hours and booking.
- A hall is a `Place` contained in the museum: a permanent gallery is a part of the
  building that visitors walk through. `ExhibitionEvent` would claim a start and an
  end (search engines require a startDate for events) that a permanent hall has not.
- An exhibit is a `CreativeWork`: the collection holds man-made artefacts (pistols,
  insignia, uniforms, registers, radios), not artworks (`VisualArtwork`, for
  paintings and sculpture) nor goods for sale (`Product`). CreativeWork carries what
  a catalogue record has: identifier, material, size, creator and dates.
- A study is a `ScholarlyArticle`, its PDF the article's encoding.
"""

from cms.models import SiteSettings
from cms.visibility import is_public_media
from media.renditions import rendition_or_none

from .blocks import SCHEMA_DAYS, hhmm

CONTEXT = "https://schema.org"


def image_url(image, spec: str, request) -> str | None:
    """The absolute URL of a public rendition, or None."""
    if not is_public_media(image, request):
        return None
    rendition = rendition_or_none(image, spec)
    return request.build_absolute_uri(rendition.url) if rendition else None


def absolute(url: str, request) -> str:
    """A site path made absolute; a full address unchanged."""
    return request.build_absolute_uri(url) if url.startswith("/") else url


def opening_hours(page) -> list[dict]:
    """The museum's opening hours as OpeningHoursSpecification objects."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                f"https://schema.org/{SCHEMA_DAYS[day]}" for day in block.value["days"]
            ],
            "opens": hhmm(block.value["opens"]),
            "closes": hhmm(block.value["closes"]),
        }
        for block in page.opening_hours
    ]


def museum_ref(museum, request) -> dict | None:
    """A short reference to the Museum, for the pages inside it."""
    if museum is None:
        return None
    return {
        "@type": "Museum",
        "name": museum.title,
        "url": museum.get_full_url(request),
    }


def museum_data(page, request) -> dict:
    """schema.org Museum."""
    bureau = SiteSettings.for_request(request).bureau_name
    data = {
        "@context": CONTEXT,
        "@type": "Museum",
        "name": page.title,
        "description": page.introduction,
        "url": page.get_full_url(request),
        "isAccessibleForFree": True,
        "parentOrganization": {"@type": "GovernmentOrganization", "name": bureau},
    }
    if page.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressCountry": "CN",
        }
    if page.phone:
        data["telephone"] = page.phone
    if hours := opening_hours(page):
        data["openingHoursSpecification"] = hours
    if image := image_url(page.hero_image, "width-1200", request):
        data["image"] = image
    if page.booking_url:
        data["potentialAction"] = {
            "@type": "ReserveAction",
            "target": absolute(page.booking_url, request),
        }
    return data


def hall_data(page, request) -> dict:
    """schema.org Place, inside the Museum."""
    from .models import museum_of

    data = {
        "@context": CONTEXT,
        "@type": "Place",
        "name": page.title,
        "description": page.introduction,
        "url": page.get_full_url(request),
    }
    if museum := museum_ref(museum_of(page), request):
        data["containedInPlace"] = museum
    if image := image_url(page.hall_image, "width-1200", request):
        data["image"] = image
    return data


def exhibit_data(page, request) -> dict:
    """schema.org CreativeWork: the catalogue record of a museum object."""
    data = {
        "@context": CONTEXT,
        "@type": "CreativeWork",
        "name": page.title,
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "accession number",
            "value": page.accession_number,
        },
        "url": page.get_full_url(request),
        "genre": page.category.name,
        "dateCreated": str(page.year_start),
        "temporalCoverage": page.years.replace("–", "/"),
    }
    if page.share_text:
        data["description"] = page.share_text
    if page.period:
        data["temporal"] = page.period
    if page.maker:
        data["creator"] = {"@type": "Organization", "name": page.maker}
    if page.material_id:
        data["material"] = page.material.name
    if page.dimensions:
        data["size"] = page.dimensions
    images = [image_url(p.image, "max-1600x1600", request) for p in page.gallery]
    if images := [url for url in images if url]:
        data["image"] = images
    return data


def research_data(page, request) -> dict:
    """schema.org ScholarlyArticle."""
    from .models import museum_of

    data = {
        "@context": CONTEXT,
        "@type": "ScholarlyArticle",
        "headline": page.title[:110],
        "name": page.title,
        "author": [{"@type": "Person", "name": name} for name in page.author_names],
        "datePublished": page.date.isoformat(),
        "abstract": page.abstract,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
    }
    if page.publication:
        data["isPartOf"] = {"@type": "Periodical", "name": page.publication}
    if museum := museum_ref(museum_of(page), request):
        data["publisher"] = museum
    if page.pdf_id and is_public_media(page.pdf, request):
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(page.pdf.url),
            "encodingFormat": "application/pdf",
        }
    return data
