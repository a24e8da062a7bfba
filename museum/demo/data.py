"""The museum's demo data files (cms/demo/data/museum/), read and validated.

A typo in a slug, an accession number used twice, a related exhibit that does not
exist or a period, category, material or hall without any exhibit stops the loader
with the file and the place, before any page is written.
"""

import datetime
from pathlib import Path
from typing import Annotated

import msgspec

from cms.demo.schema import DATA, Record, Text, one_of, read

from ..blocks import DAY_KEYS
from ..facets import PERIODS, period_of
from ..models import ExhibitGrade
from ..models.exhibits import MIN_YEAR

MUSEUM = DATA / "museum"
MIN_EXHIBITS = 60
STUDIES = 8

Slug = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Accession = Annotated[str, msgspec.Meta(pattern=r"^JWM-\d{4}$")]
Year = Annotated[int, msgspec.Meta(ge=MIN_YEAR, le=2100)]
Clock = Annotated[str, msgspec.Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class Term(Record):
    slug: Slug
    name: Text


class Hours(Record):
    days: list[str]
    opens: Clock
    closes: Clock
    last_entry: Clock | None = None
    note: str = ""

    def __post_init__(self):
        for day in self.days:
            one_of(day, set(DAY_KEYS), "day")
        if self.opens >= self.closes:
            raise ValueError(f"opening hours: {self.opens} is not before {self.closes}")


class Hall(Record):
    slug: Slug
    title: Text
    introduction: Text
    location: str = ""
    paragraphs: list[Text] = []


class Section(Record):
    title: Text
    intro: Text


class Museum(Record):
    title: Text
    teaser: Text
    introduction: Text
    booking_url: str
    closures: str
    address: str
    transport: str
    phone: str
    featured: list[Accession]
    rules: list[Text]
    collection: Section
    research: Section
    opening_hours: list[Hours]
    categories: list[Term]
    materials: list[Term]
    halls: list[Hall]


class Picture(Record):
    alt: Text
    caption: str = ""


class Exhibit(Record):
    accession: Accession
    title: Text
    category: Slug
    year_start: Year
    teaser: Text
    paragraphs: list[Text]
    pictures: Annotated[list[Picture], msgspec.Meta(min_length=1, max_length=3)]
    material: Slug | None = None
    period: str = ""
    year_end: Year | None = None
    maker: str = ""
    dimensions: str = ""
    provenance: str = ""
    grade: str = ExhibitGrade.GENERAL
    hall: Slug | None = None
    hall_order: Annotated[int, msgspec.Meta(ge=0, le=999)] = 0
    related: list[Accession] = []

    def __post_init__(self):
        one_of(self.grade, set(ExhibitGrade.values), f"{self.accession}: grade")
        if self.year_end is not None and self.year_end < self.year_start:
            raise ValueError(f"{self.accession}: year_end is before year_start")
        if len({p.alt for p in self.pictures}) != len(self.pictures):
            raise ValueError(f"{self.accession}: each picture needs its own alt text")


class ExhibitsFile(Record):
    exhibits: list[Exhibit]


class Study(Record):
    title: Text
    authors: Text
    publication: str
    date: datetime.date
    abstract: Text
    paragraphs: list[Text]
    citation: str = ""
    related: list[Accession] = []


class StudiesFile(Record):
    studies: list[Study]


def museum(data: Path = MUSEUM) -> Museum:
    """The museum's home page, halls and taxonomies (museum.toml)."""
    return read(data / "museum.toml", Museum)


def exhibits(data: Path = MUSEUM) -> list[Exhibit]:
    """Every exhibit, checked against the museum's taxonomies, halls and periods."""
    home = museum(data)
    found = [
        exhibit
        for path in sorted((data / "exhibits").glob("*.toml"))
        for exhibit in read(path, ExhibitsFile).exhibits
    ]
    numbers = [exhibit.accession for exhibit in found]
    if len(set(numbers)) != len(numbers):
        raise ValueError("museum/exhibits: each accession number may be used once")
    if len(found) < MIN_EXHIBITS:
        raise ValueError(f"museum/exhibits: at least {MIN_EXHIBITS} exhibits needed")
    known = {
        "category": {term.slug for term in home.categories},
        "material": {term.slug for term in home.materials},
        "hall": {hall.slug for hall in home.halls},
    }
    for exhibit in found:
        for name, slugs in known.items():
            value = getattr(exhibit, name)
            if value is not None:
                one_of(value, slugs, f"{exhibit.accession}: {name}")
        if unknown := set(exhibit.related) - set(numbers):
            raise ValueError(f"{exhibit.accession}: no exhibit {sorted(unknown)}")
    if unknown := set(home.featured) - set(numbers):
        raise ValueError(f"museum.toml: featured names no exhibit {sorted(unknown)}")
    used = {name: {getattr(e, name) for e in found} for name in known}
    for name, slugs in known.items():
        if missing := slugs - used[name]:
            raise ValueError(
                f"museum/exhibits: no exhibit has {name} {sorted(missing)}"
            )
    periods = {period_of(exhibit.year_start) for exhibit in found}
    if missing := set(PERIODS) - periods:
        raise ValueError(f"museum/exhibits: no exhibit in {[p.slug for p in missing]}")
    return found


def studies(data: Path = MUSEUM, numbers: set[str] | None = None) -> list[Study]:
    """The research outputs; their related exhibits must exist."""
    found = read(data / "research.toml", StudiesFile).studies
    if len(found) != STUDIES:
        raise ValueError(f"museum/research.toml: expected {STUDIES} studies")
    numbers = numbers if numbers is not None else {e.accession for e in exhibits(data)}
    for study in found:
        if unknown := set(study.related) - numbers:
            raise ValueError(f"{study.title}: no exhibit {sorted(unknown)}")
    return found
