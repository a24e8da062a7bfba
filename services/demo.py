"""The form engine's demo: online forms from cms/demo/data/forms/*.toml, opened from
their service guides' 在线办理 button, and a few cases that staff moved on.

Like the rest of the demo it only adds what is missing. A form is made when no form
page has its slug and no form page with its title was ever published here (page log
entries outlive the page): an editor may rename, move or delete a demo form, and
the next run leaves it so. A form's cases are made with the form, never later.
"""

import datetime
import io
import json
import zlib
from pathlib import Path
from typing import Annotated, Union

import msgspec
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from pypdf import PdfWriter
from wagtail.models import Page, PageLogEntry

from cms.demo.progress import progress
from cms.demo.schema import DATA, Record, Text, guide_categories, one_of, read
from cms.demo.tree import add_child, publish
from guides.models import GuideCategoryPage, GuidePage

from . import crypto, logic, uploads
from .blocks import FILE_TYPES
from .models import CaseFile, FormKind, ServiceFormPage, Status, Submission
from .models.cases import NEXT_STATUSES, private_storage
from .models.pages import RESERVED_KEYS
from .spec import input_fields

Key = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
# Option values: keys, and the digits of a rating (logic.rating_of reads "1".."5").
OptionValue = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9_]{0,39}$")]
Slug = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Number = int | float


class Condition(Record):
    field: Key
    value: Text


class Entry(Record, tag_field="type"):
    """One entry of a form's list: a step break, a text or an input (`type`)."""


class Step(Entry, tag="step"):
    title: Text
    condition: Condition | None = None


class Guidance(Entry, tag="guidance"):
    text: Text  # plain text; each line a paragraph
    condition: Condition | None = None


class Input(Entry, kw_only=True):
    label: Text
    key: Key
    help_text: str = ""
    required: bool = True
    condition: Condition | None = None


class TextInput(Input, tag="text", kw_only=True):
    max_length: Annotated[int, msgspec.Meta(ge=1, le=2000)] = 100


class TextAreaInput(TextInput, tag="textarea", kw_only=True):
    pass


class NumberInput(Input, tag="number", kw_only=True):
    min_value: Number | None = None
    max_value: Number | None = None
    decimal_places: Annotated[int, msgspec.Meta(ge=0, le=4)] = 0


class Option(Record):
    value: OptionValue
    label: Text


class ChoiceInput(Input, tag="choice", kw_only=True):
    choices: Annotated[list[Option], msgspec.Meta(min_length=1)]
    widget: str = "radio"

    def __post_init__(self):
        one_of(self.widget, {"radio", "select", "checkboxes"}, f"{self.key}: widget")


class DateInput(Input, tag="date", kw_only=True):
    past_only: bool = False


class FileInput(Input, tag="file", kw_only=True):
    allowed_types: list[str] = msgspec.field(
        default_factory=lambda: ["jpg", "png", "pdf"]
    )
    max_size_mb: Annotated[int, msgspec.Meta(ge=1, le=20)] = 5
    max_files: Annotated[int, msgspec.Meta(ge=1, le=10)] = 1

    def __post_init__(self):
        for kind in self.allowed_types:
            one_of(kind, {value for value, _label in FILE_TYPES}, f"{self.key}: type")


class DeclarationInput(Input, tag="declaration", kw_only=True):
    statement: Text


# Inputs with no options of their own: their checks are in services.forms.
SIMPLE_TYPES = "resident_id id_document name mobile email address plate".split()
SIMPLE_INPUTS = [
    msgspec.defstruct(f"{kind}_input", [], bases=(Input,), tag=kind, kw_only=True)
    for kind in SIMPLE_TYPES
]
AnyEntry = Union[  # noqa: UP007 (built from a list)
    tuple(
        [Step, Guidance, TextInput, TextAreaInput, NumberInput, ChoiceInput]
        + [DateInput, FileInput, DeclarationInput, *SIMPLE_INPUTS]
    )
]
Answer = str | bool | int | float | list[str] | dict[str, str]


class Move(Record):
    """A status a staff member gave the case, with the note the applicant reads."""

    status: str
    note: str = ""
    comment: str = ""


class Publication(Record):
    """F15: a question as the bureau publishes it, with its answer."""

    question: Text
    answer: Text


class DemoCase(Record):
    """A submission: answers by field key; file answers are file names to generate."""

    key: Slug  # idempotency key "demo-<key>"; unique across the demo
    answers: dict[str, Answer]
    days_ago: dict[str, int] = {}  # date answers relative to today (negative: ahead)
    rates: str = ""  # a survey's case_reference: the reference of this demo case
    moves: list[Move] = []
    published: Publication | None = None

    def __post_init__(self):
        status = Status.SUBMITTED
        for move in self.moves:
            if move.status not in NEXT_STATUSES[status]:
                raise ValueError(f"{self.key}: {move.status!r} cannot follow {status}")
            status = Status(move.status)


class DemoForm(Record):
    """One form page: where it goes, which guides open it, its fields and cases."""

    title: Text
    slug: Slug
    teaser: Text
    fields: list[AnyEntry]
    kind: str = FormKind.APPLICATION
    guides: list[Text] = []  # items whose 在线办理 button opens this form
    section: str = ""  # a section's slug under the home page; else the guide's category
    intro: str = ""
    contact_required: bool = True
    pickup_locations: list[Text] = []
    courier: bool = False
    retention_days: Annotated[int, msgspec.Meta(ge=30, le=3650)] = 1095
    push_to_seal_filing: bool = False
    confirmation: str = ""
    cases: list[DemoCase] = []

    def __post_init__(self):
        one_of(self.kind, set(FormKind.values), f"{self.title}: kind")
        if not (self.guides or self.section):
            raise ValueError(f"{self.title}: a guide or a section is needed")
        seen: set[str] = set()
        for entry in self.fields:
            condition = getattr(entry, "condition", None)
            if condition and condition.field not in seen:
                raise ValueError(
                    f"{self.title}: a condition names {condition.field!r}, "
                    "which is not an earlier field"
                )
            key = getattr(entry, "key", None)
            if key in seen or key in RESERVED_KEYS:
                raise ValueError(f"{self.title}: key {key!r} is repeated or reserved")
            if key:
                seen.add(key)


class FormsFile(Record):
    forms: list[DemoForm]


def demo_forms(data: Path = DATA) -> list[DemoForm]:
    """Every demo form, in file-name order; slugs unique, guides known."""
    forms = [
        form
        for path in sorted((data / "forms").glob("*.toml"))
        for form in read(path, FormsFile).forms
    ]
    slugs = [form.slug for form in forms]
    if len(set(slugs)) != len(slugs):
        raise ValueError("forms/: each form needs its own slug")
    known = guide_businesses(data)
    cases: set[str] = set()
    for form in forms:
        if unknown := [name for name in form.guides if name not in known]:
            raise ValueError(f"{form.title}: no guide item named {unknown}")
        for case in form.cases:
            if case.key in cases or (case.rates and case.rates not in cases):
                raise ValueError(
                    f"{form.title}: case {case.key!r} is repeated, or rates a case "
                    "that is not an earlier one"
                )
            cases.add(case.key)
    return forms


def guide_businesses(data: Path = DATA) -> dict[str, str]:
    """Each service item's business, by the item's name."""
    return {
        item.name: category.business
        for category in guide_categories(data)
        for item in category.items
    }


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line)


def block_data(entry) -> dict:
    """An entry as raw StreamField data: {"type": block name, "value": …}."""
    value = msgspec.to_builtins(entry)
    kind = value.pop("type")
    if value.get("condition") is None:
        value.pop("condition", None)
    if isinstance(entry, Guidance):
        value["text"] = paragraphs(entry.text)
    for name in ("min_value", "max_value"):
        if value.get(name) is not None:
            value[name] = str(value[name])  # DecimalBlock: exact, not via float
    return {"type": kind, "value": value}


def form_page(form: DemoForm) -> ServiceFormPage:
    """An unsaved ServiceFormPage from one demo form."""
    stream = [block_data(entry) for entry in form.fields]
    return ServiceFormPage(
        title=form.title,
        slug=form.slug,
        teaser=form.teaser,
        kind=form.kind,
        intro=paragraphs(form.intro),
        form_fields=json.dumps(stream, ensure_ascii=False),
        contact_required=form.contact_required,
        pickup_allowed=bool(form.pickup_locations),
        pickup_locations="\n".join(form.pickup_locations),
        courier_allowed=form.courier,
        retention_days=form.retention_days,
        push_to_seal_filing=form.push_to_seal_filing,
        confirmation=form.confirmation,
    )


def is_missing(form: DemoForm) -> bool:
    """Neither here now nor ever published here (then an editor removed it)."""
    if ServiceFormPage.objects.filter(slug=form.slug).exists():
        return False
    kind = ContentType.objects.get_for_model(ServiceFormPage)
    return not PageLogEntry.objects.filter(content_type=kind, label=form.title).exists()


class Places:
    """Where forms go and which guides link to them, below one home page."""

    def __init__(self, home: Page):
        self.sections = {page.slug: page for page in home.get_children().specific()}
        self.categories = {
            page.business: page
            for page in GuideCategoryPage.objects.descendant_of(home).order_by("path")
        }
        self.guides = {
            page.title: page for page in GuidePage.objects.descendant_of(home)
        }
        self.business = guide_businesses()

    def parent(self, form: DemoForm) -> Page | None:
        if form.section:
            return self.sections.get(form.section)
        return self.categories.get(self.business[form.guides[0]])


def link_guide(guide: GuidePage, form: ServiceFormPage) -> bool:
    """Point the guide's 在线办理 at the form, unless an editor set or is editing it."""
    if guide.apply_form_id or guide.apply_url or guide.has_unpublished_changes:
        return False
    guide.apply_form = form
    publish(guide)
    return True


def sample_file(name: str) -> bytes:
    """A small stand-in for an upload: a one-page PDF, or a picture of a page."""
    seed = zlib.crc32(name.encode())
    if name.endswith(".pdf"):
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        writer.add_metadata({"/Title": name})
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()
    tint = (200 + seed % 40, 210 + seed // 40 % 30, 220 + seed // 1200 % 30)
    picture = PILImage.new("RGB", (480, 360), tint)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((40, 40, 440, 320), fill=(250, 250, 248), outline=(120, 120, 120))
    for line in range(6):
        width = 120 + (seed >> line) % 240
        draw.rectangle((70, 80 + line * 36, 70 + width, 92 + line * 36), fill=(90,) * 3)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG" if name.endswith(".png") else "JPEG", quality=80)
    return buffer.getvalue()


def upload(page: ServiceFormPage, field: dict, name: str) -> str:
    """Check and keep a generated file as a citizen's upload; its token."""
    try:
        checked = uploads.check_upload(
            field, SimpleUploadedFile(name, sample_file(name))
        )
    except ValidationError as error:
        raise ValueError(f"{page.title}: {name}: {error.messages}") from error
    return uploads.store(page, field, checked).token


def make_case(page: ServiceFormPage, case: DemoCase, staff) -> Submission:
    """Submit the answers, then move the case on as staff would (services.logic)."""
    answers = dict(case.answers)
    today = timezone.localdate()
    for key, days in case.days_ago.items():
        answers[key] = (today - datetime.timedelta(days=days)).isoformat()
    if case.rates:
        rated = Submission.objects.filter(idempotency_key=f"demo-{case.rates}")
        if rated.exists():  # else deleted since an earlier run made it
            # Rated by its applicant: the survey gives the case's own phone.
            answers["case_reference"] = rated.first().reference
            answers["contact_phone"] = crypto.decrypt(rated.first().phone)
    for field in input_fields(page.spec):
        if field["type"] == "file" and field["key"] in answers:
            names = answers[field["key"]]
            answers[field["key"]] = [upload(page, field, name) for name in names]
    try:
        submission, created = logic.submit(page, answers, f"demo-{case.key}")
    except logic.FormErrors as errors:
        raise ValueError(f"{page.title}: case {case.key}: {errors.errors}") from errors
    if not created:
        return submission
    for move in case.moves:
        logic.change_status(submission, move.status, staff, move.note, move.comment)
    if case.published:
        try:
            logic.publish_answer(
                submission, case.published.question, case.published.answer, staff
            )
        except ValidationError as error:
            raise ValueError(f"{page.title}: case {case.key}: {error}") from error
    return submission


def build_forms(home: Page, staff, first_build: bool, stdout) -> list[ServiceFormPage]:
    """Publish the demo forms that are missing, link their guides, add their cases."""
    forms = demo_forms()
    wanted = [form for form in forms if first_build or is_missing(form)]
    if not wanted:
        stdout.write("Online forms: all present (or removed by editors); none added.")
        return []
    places = Places(home)
    made, links, cases = [], 0, 0
    for form in progress(wanted, len(wanted), "在线表单", stdout):
        parent = places.parent(form)
        if parent is None:
            stdout.write(f"\n  {form.title}: its section or category is gone; skipped.")
            continue
        page = add_child(parent, form_page(form))
        for name in form.guides:
            guide = places.guides.get(name)
            links += bool(guide and link_guide(guide, page))
        for case in form.cases:
            make_case(page, case, staff)
            cases += 1
        made.append(page)
    stdout.write(
        f"Online forms: {len(made)} published, {links} guides linked, {cases} cases."
    )
    return made


def remove_cases() -> int:
    """Delete every case and upload, and their files once the deletion is committed
    (--reset: cases protect their form pages from deletion)."""
    names = list(CaseFile.objects.values_list("file", flat=True))
    CaseFile.objects.all().delete()
    removed = Submission.objects.count()
    Submission.objects.all().delete()

    def delete_files():
        for name in names:
            private_storage().delete(name)

    transaction.on_commit(delete_files)
    return removed
