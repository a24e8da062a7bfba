"""Build the demo museum: home page, halls, collection, exhibits and research.

Like the rest of the demo it only adds what is missing: the museum is built when the
site has none and none was ever published here (page log entries outlive a deleted
page), so a museum an editor deleted stays deleted. Categories and materials are
matched by slug, and an editor's changes to them are kept.
"""

import datetime
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from cms.demo.progress import progress
from cms.demo.tree import add_child, publish
from media.models import Document

from ..models import (
    CollectionPage,
    ExhibitCategory,
    ExhibitImage,
    ExhibitMaterial,
    ExhibitPage,
    HallPage,
    MuseumFeaturedExhibit,
    MuseumHomePage,
    RelatedExhibit,
    ResearchExhibit,
    ResearchIndexPage,
    ResearchPage,
)
from . import data
from .pdf import pdf
from .pictures import SIZE, hall_image, object_image

SLUG = "museum"


def museum_wanted(first_build: bool) -> bool:
    """No museum now, and none deleted by an editor since (unless the tree is new)."""
    if MuseumHomePage.objects.exists():
        return False
    kind = ContentType.objects.get_for_model(MuseumHomePage)
    return first_build or not PageLogEntry.objects.filter(content_type=kind).exists()


def paragraphs(texts: list[str]) -> list[tuple[str, str]]:
    """Body blocks from plain paragraphs."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def terms(model, records: list[data.Term]) -> dict:
    """The taxonomy's terms by slug, created when missing (never overwritten)."""
    found = {}
    for number, record in enumerate(records, start=1):
        term, _created = model.objects.get_or_create(
            slug=record.slug, defaults={"name": record.name, "sort_order": number * 10}
        )
        found[record.slug] = term
    return found


def build_home(home: Page, museum: data.Museum) -> MuseumHomePage:
    """Publish the museum's home page, shown in the site's main menu."""
    hours = [
        (
            "hours",
            {
                "days": h.days,
                "opens": datetime.time.fromisoformat(h.opens),
                "closes": datetime.time.fromisoformat(h.closes),
                "last_entry": h.last_entry
                and datetime.time.fromisoformat(h.last_entry),
                "note": h.note,
            },
        )
        for h in museum.opening_hours
    ]
    page = MuseumHomePage(
        title=museum.title,
        slug=SLUG,
        teaser=museum.teaser,
        introduction=museum.introduction,
        hero_image=hall_image("警察博物馆首图", seed=501, size=(1600, 600)),
        opening_hours=hours,
        closures=museum.closures,
        address=museum.address,
        transport=museum.transport,
        phone=museum.phone,
        visitor_rules=[("rule", rule) for rule in museum.rules],
        booking_url=museum.booking_url,
        show_in_menus=True,
    )
    return add_child(home, page)


def build_halls(museum_page: MuseumHomePage, museum: data.Museum) -> dict:
    """Publish the halls in route order; return them by slug."""
    halls = {}
    for order, hall in enumerate(museum.halls, start=1):
        picture = hall_image(f"展厅：{hall.title}", seed=510 + order)
        halls[hall.slug] = add_child(
            museum_page,
            HallPage(
                title=hall.title,
                slug=hall.slug,
                teaser=hall.introduction,
                introduction=hall.introduction,
                location=hall.location,
                route_order=order,
                hall_image=picture,
                body=paragraphs(hall.paragraphs),
            ),
        )
    return halls


def exhibit_page(
    item: data.Exhibit, number: int, places: dict, size=SIZE
) -> ExhibitPage:
    """An unsaved ExhibitPage with its pictures drawn."""
    pictures = [
        ExhibitImage(
            image=object_image(
                f"藏品 {item.accession} 图{view + 1}",
                item.category,
                seed=2000 + number * 3 + view,
                view=view,
                alt=picture.alt,
                size=size,
            ),
            alt_text=picture.alt,
            caption=picture.caption,
        )
        for view, picture in enumerate(item.pictures)
    ]
    return ExhibitPage(
        title=item.title,
        slug=item.accession.lower(),
        teaser=item.teaser,
        accession_number=item.accession,
        category=places["category"][item.category],
        material=places["material"].get(item.material),
        period=item.period,
        year_start=item.year_start,
        year_end=item.year_end,
        maker=item.maker,
        dimensions=item.dimensions,
        provenance=item.provenance,
        grade=item.grade,
        hall=places["hall"].get(item.hall),
        hall_order=item.hall_order,
        description=paragraphs(item.paragraphs),
        images=pictures,
    )


def study_pdf(study: data.Study) -> Document:
    """The study's full text as a PDF document (reused by title)."""
    title = f"研究成果全文：{study.title}"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    blocks = [
        ("title", study.title),
        ("line", study.authors),
        ("line", study.publication),
        ("line", "【内容提要】" + study.abstract),
        *[("paragraph", text) for text in study.paragraphs],
    ]
    if study.citation:
        blocks.append(("line", "【引用格式】" + study.citation))
    document = Document(title=title, description=study.abstract[:255])
    name = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
    document.file.save(
        f"research-{name}.pdf", ContentFile(pdf(study.title, blocks)), save=False
    )
    document._set_document_file_metadata()  # size and hash, as an upload gets them
    document.save()
    return document


def build_museum(
    home: Page, first_build: bool, stdout, picture_size=SIZE
) -> MuseumHomePage | None:
    """Publish the demo museum below `home` when it is missing (see the module).

    `picture_size` is the exhibits' photographs' (tests draw them small).
    """
    if not museum_wanted(first_build):
        stdout.write("Police Museum: present (or removed by an editor); not built.")
        return None
    museum = data.museum()
    items = data.exhibits()
    studies = data.studies(numbers={item.accession for item in items})
    places = {
        "category": terms(ExhibitCategory, museum.categories),
        "material": terms(ExhibitMaterial, museum.materials),
    }
    museum_page = build_home(home, museum)
    places["hall"] = build_halls(museum_page, museum)
    collection = add_child(
        museum_page,
        CollectionPage(
            title=museum.collection.title,
            slug="collection",
            intro=museum.collection.intro,
            teaser=museum.collection.intro,
        ),
    )
    exhibits = {}
    for number, item in progress(enumerate(items), len(items), "藏品", stdout):
        page = exhibit_page(item, number, places, picture_size)
        collection.add_child(instance=page)  # saved; published once linked below
        exhibits[item.accession] = page
    for item in items:  # links need every exhibit saved first
        page = exhibits[item.accession]
        page.related_exhibits = [
            RelatedExhibit(target=exhibits[n]) for n in item.related
        ]
        publish(page)
    museum_page.featured_exhibits = [
        MuseumFeaturedExhibit(exhibit=exhibits[n]) for n in museum.featured
    ]
    publish(museum_page)
    research = add_child(
        museum_page,
        ResearchIndexPage(
            title=museum.research.title,
            slug="research",
            intro=museum.research.intro,
            teaser=museum.research.intro,
        ),
    )
    for number, study in enumerate(studies, start=1):
        published = timezone.make_aware(
            datetime.datetime.combine(study.date, datetime.time(9))
        )
        add_child(
            research,
            ResearchPage(
                title=study.title,
                slug=f"study-{number:02d}",
                teaser=study.abstract[:300],
                authors=study.authors,
                abstract=study.abstract,
                publication=study.publication,
                date=study.date,
                pdf=study_pdf(study),
                citation=study.citation,
                body=paragraphs(study.paragraphs),
                related_exhibits=[
                    ResearchExhibit(target=exhibits[n]) for n in study.related
                ],
                first_published_at=published,
            ),
        )
    stdout.write(
        f"Police Museum: {len(places['hall'])} halls, {len(exhibits)} exhibits, "
        f"{len(studies)} studies."
    )
    return museum_page
