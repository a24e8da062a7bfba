"""A small museum for the page, collection and privacy tests, made through the ORM."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.core.management.base import OutputWrapper
from PIL import Image as PILImage

from media.models import Image
from museum.demo import build_museum
from museum.models import (
    CollectionPage,
    ExhibitCategory,
    ExhibitImage,
    ExhibitMaterial,
    ExhibitPage,
    HallPage,
    MuseumHomePage,
    ResearchIndexPage,
    ResearchPage,
)
from tests.factories import add

_numbers = itertools.count(1)


def picture(title: str = "藏品照片") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (120, 90, 60)).save(buffer, "JPEG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name="exhibit.jpg")
    image.save()
    return image


def make_museum(tree: dict) -> dict:
    """Museum home, two halls, the collection and the research section, published."""
    museum = add(
        tree["home"],
        MuseumHomePage(
            title="警察博物馆",
            slug="museum",
            introduction="市警察博物馆简介。",
            address="东城区东交民巷 36 号",
            booking_url="/booking/museum-visit/",
            opening_hours=[
                (
                    "hours",
                    {
                        "days": ["tue", "wed", "thu", "fri", "sat", "sun"],
                        "opens": datetime.time(9),
                        "closes": datetime.time(16, 30),
                        "last_entry": datetime.time(16),
                        "note": "",
                    },
                )
            ],
            visitor_rules=[("rule", "请提前预约。")],
            show_in_menus=True,
        ),
    )
    halls = [
        add(
            museum,
            HallPage(
                title=title, slug=slug, introduction=f"{title}简介。", route_order=n
            ),
        )
        for n, (title, slug) in enumerate(
            [("公安史展厅", "history"), ("警用装备展厅", "equipment")], start=1
        )
    ]
    collection = add(museum, CollectionPage(title="展馆典藏", slug="collection"))
    research = add(museum, ResearchIndexPage(title="研究成果", slug="research"))
    category, _ = ExhibitCategory.objects.get_or_create(
        slug="insignia", defaults={"name": "警衔警徽"}
    )
    material, _ = ExhibitMaterial.objects.get_or_create(
        slug="copper", defaults={"name": "铜"}
    )
    return {
        "museum": museum,
        "halls": halls,
        "collection": collection,
        "research": research,
        "category": category,
        "material": material,
    }


def make_exhibit(place: dict, title: str | None = None, **fields) -> ExhibitPage:
    """A published exhibit with one picture, in the first hall unless told."""
    number = next(_numbers)
    fields.setdefault("accession_number", f"T-{number:04d}")
    fields.setdefault("category", place["category"])
    fields.setdefault("material", place["material"])
    fields.setdefault("year_start", 1950 + number % 60)
    fields.setdefault("hall", place["halls"][0])
    fields.setdefault("hall_order", number)
    fields.setdefault("teaser", "藏品摘要")
    fields.setdefault("description", [("paragraph", "<p>藏品介绍。</p>")])
    if "images" not in fields:
        fields["images"] = [
            ExhibitImage(image=place.get("picture") or picture(), alt_text="正面照片")
        ]
    page = ExhibitPage(title=title or f"藏品 {number}", **fields)
    return add(place["collection"], page)


def make_study(place: dict, title: str = "研究论文", **fields) -> ResearchPage:
    fields.setdefault("authors", "林知远、周慕青")
    fields.setdefault("abstract", "论文摘要。")
    fields.setdefault("publication", "《公安史研究》2024 年第 1 期")
    return add(place["research"], ResearchPage(title=title, **fields))


def load_demo_museum(tree: dict) -> MuseumHomePage:
    """The demo museum (cms/demo/data/museum) under the test home page, with small
    pictures (the pages and records are the demo's own).

    As a second run of the loader makes it on a site built before the museum: not a
    first build, no museum yet and none ever deleted.
    """
    return build_museum(
        tree["home"], False, OutputWrapper(io.StringIO()), picture_size=(160, 120)
    )


def hall_of(museum: MuseumHomePage, slug: str) -> HallPage:
    return HallPage.objects.child_of(museum).get(slug=slug)
