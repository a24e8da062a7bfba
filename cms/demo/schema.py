"""The demo content's data files (cms/demo/data/*.toml), read and validated.

Each file is decoded into typed structs: a missing field, a wrong type, an unknown key
or a value outside the model's choices stops the loader with the file and the place,
before any page is written.
"""

from pathlib import Path
from typing import Annotated

import msgspec

from cms.models import DisclosureCategory, Validity
from guides.blocks import MATERIAL_FORMS
from guides.models import Business, DayType, ItemType, OnlineDepth
from news.models import NewsCategory

DATA = Path(__file__).resolve().parent / "data"
GUIDE_COUNT = 120

Text = Annotated[str, msgspec.Meta(min_length=1)]
Days = Annotated[int, msgspec.Meta(ge=0, le=3650)]


class Record(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A struct that refuses keys it does not know (a typo is an error)."""


def one_of(value, allowed, what: str) -> None:
    if value not in allowed:
        raise ValueError(f"{what} {value!r} is not one of {sorted(allowed)}")


class Law(Record):
    law: Text
    article: str = ""


class Step(Record):
    title: Text
    description: str = ""


class Question(Record):
    question: Text
    answer: Text


class Material(Record):
    name: Text
    form: str
    copies: Annotated[int, msgspec.Meta(ge=1, le=20)] = 1
    required: bool = True
    note: str = ""

    def __post_init__(self):
        one_of(self.form, {value for value, _label in MATERIAL_FORMS}, "form")


class Fee(Record):
    amount: Annotated[str, msgspec.Meta(pattern=r"^\d{1,6}(\.\d{1,2})?$")]
    unit: str = ""
    basis: str = ""


class English(Record):
    name: Text
    summary: Text
    body: Text
    where: Text
    conditions: list[Text]
    steps: list[Step]
    faqs: list[Question] = []


class GuideItem(Record):
    name: Text
    summary: Text
    item_type: str
    audiences: list[str]
    body: Text
    where: Text
    conditions: list[Text]
    legal_basis: list[Law]
    materials: list[Material]
    steps: list[Step]
    promised_days: Days
    visits: Annotated[int, msgspec.Meta(ge=0, le=10)]
    online_depth: int
    appointment: bool
    courier: bool
    popular: bool = False
    statutory_days: Days | None = None
    statutory_day_type: str = DayType.WORKING
    fee: Fee | None = None
    faqs: list[Question] = []
    en: English | None = None

    def __post_init__(self):
        one_of(self.item_type, set(ItemType.values), f"{self.name}: item_type")
        one_of(self.statutory_day_type, set(DayType.values), f"{self.name}: days")
        one_of(self.online_depth, set(OnlineDepth.values), f"{self.name}: depth")
        for audience in self.audiences:
            one_of(audience, {"citizen", "company", "foreigner"}, "audience")
        if not (self.materials and self.steps and self.legal_basis):
            raise ValueError(f"{self.name}: materials, steps and legal_basis needed")


class GuideCategory(Record):
    business: str
    title: Text
    title_en: Text
    intro: Text
    items: list[GuideItem]

    def __post_init__(self):
        one_of(self.business, set(Business.values), "business")


class Article(Record):
    title: Text
    category: str
    summary: Text
    paragraphs: list[Text]
    source: str = ""
    tags: list[Text] = []
    pinned: bool = False
    days_ago: Days = 0

    def __post_init__(self):
        one_of(self.category, set(NewsCategory.values), f"{self.title}: category")


class News(Record):
    articles: list[Article]


class Disclosure(Record):
    title: Text
    category: str
    doc_number: str
    issuer: Text
    issued_days_ago: Days
    validity: str
    summary: Text
    paragraphs: list[Text]
    effective_days_ago: Days | None = None
    attachment: str | None = None

    def __post_init__(self):
        one_of(self.category, set(DisclosureCategory.values), f"{self.title}: cat.")
        one_of(self.validity, set(Validity.values), f"{self.title}: validity")


class Transparency(Record):
    documents: list[Disclosure]


def read(path: Path, kind: type[Record]) -> Record:
    """Decode one data file; a clear error names the file and the place."""
    try:
        return msgspec.toml.decode(path.read_bytes(), type=kind)
    except msgspec.ValidationError as error:
        raise ValueError(f"{path.parent.name}/{path.name}: {error}") from error


def guide_categories(data: Path = DATA) -> list[GuideCategory]:
    """The eight businesses with their items, in file-name order."""
    categories = [
        read(path, GuideCategory) for path in sorted((data / "guides").glob("*.toml"))
    ]
    names = [item.name for category in categories for item in category.items]
    if len(names) != GUIDE_COUNT or len(set(names)) != len(names):
        raise ValueError(f"expected {GUIDE_COUNT} uniquely named guide items")
    if sorted(c.business for c in categories) != sorted(Business.values):
        raise ValueError("each business needs exactly one file under guides/")
    return categories


def news_articles(data: Path = DATA) -> list[Article]:
    return read(data / "news.toml", News).articles


def disclosures(data: Path = DATA) -> list[Disclosure]:
    return read(data / "transparency.toml", Transparency).documents
