"""Demo articles, disclosure documents and the 120 service guides."""

import datetime
from decimal import Decimal

import msgspec
from django.utils import timezone

from cms.models import TransparencyIndexPage, TransparencyPage
from guides.models import GuideCategoryPage, GuideIndexPage, GuidePage, GuideRelatedItem
from news.models import NewsIndexPage, NewsPage

from .documents import make_document
from .images import make_image
from .progress import progress
from .schema import GuideItem, disclosures, guide_categories, news_articles
from .tree import add_child

CODE_PREFIXES = {
    "exit_entry": "CRJ",
    "household": "HZ",
    "public_order": "ZA",
    "drug_control": "JD",
    "traffic": "JG",
    "custody": "JS",
    "cyber": "WA",
    "fire": "XF",
}
CONSULT_PHONES = {
    "exit_entry": "010-84020101",
    "traffic": "122",
    "fire": "96119",
}
COMPLAINT_PHONE = "12389"
TABULAR = {"finance", "statistics"}  # their attachments are CSV tables


def paragraphs(texts: list[str]) -> list[tuple[str, str]]:
    """Body blocks from plain paragraphs."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def build_news(index: NewsIndexPage, stdout) -> list[NewsPage]:
    """Publish the demo news, oldest first, as an editor would have."""
    now = timezone.now()
    pages = []
    items = sorted(enumerate(news_articles()), key=lambda pair: -pair[1].days_ago)
    for number, item in progress(items, len(items), "新闻", stdout):
        image = None
        if number % 3 == 0:
            image = make_image(f"新闻配图 {number + 1:02d}", seed=100 + number)
        date = now - datetime.timedelta(days=item.days_ago, hours=number % 9)
        body = paragraphs(item.paragraphs)
        if number % 6 == 1:
            pictures = [
                make_image(f"新闻组图 {number + 1:02d}-{n}", seed=300 + number * 3 + n)
                for n in range(3)
            ]
            gallery = {
                "title": "现场图片",
                "images": [{"image": p, "caption": ""} for p in pictures],
            }
            body.insert(2, ("gallery", gallery))
        page = NewsPage(
            title=item.title,
            slug=f"news-{number + 1:03d}",
            teaser=item.summary,
            date=date,
            category=item.category,
            source=item.source,
            body=body,
            lead_image=image,
            teaser_image=image,
            pinned=item.pinned,
            pin_order=item.days_ago if item.pinned else 0,
            first_published_at=date,
        )
        page.tags.add(*item.tags)
        pages.append(add_child(index, page))
    return pages


def build_transparency(index: TransparencyIndexPage, stdout) -> None:
    """Publish the disclosure documents, some with attachments."""
    today = timezone.localdate()
    documents = disclosures()
    for number, item in progress(
        enumerate(documents), len(documents), "公开文件", stdout
    ):
        issued = today - datetime.timedelta(days=item.issued_days_ago)
        effective = None
        if item.effective_days_ago is not None:
            effective = today - datetime.timedelta(days=item.effective_days_ago)
        attachments = []
        if item.attachment:
            document = make_document(
                item.attachment,
                "\n".join([item.title, item.doc_number, *item.paragraphs]),
                extension="csv" if item.category in TABULAR else "txt",
            )
            attachments.append(("attachment", {"document": document, "label": ""}))
        add_child(
            index,
            TransparencyPage(
                title=item.title,
                slug=f"doc-{number + 1:03d}",
                teaser=item.summary,
                category=item.category,
                document_number=item.doc_number,
                issuer=item.issuer,
                issue_date=issued,
                effective_date=effective,
                validity=item.validity,
                body=paragraphs(item.paragraphs),
                attachments=attachments,
            ),
        )


def blocks(name: str, records) -> list[tuple[str, dict]]:
    """StreamField data from a list of structs (their fields are the block's)."""
    return [(name, msgspec.structs.asdict(record)) for record in records]


def guide_page(
    item: GuideItem, business: str, number: int, related: list[GuidePage]
) -> GuidePage:
    """A GuidePage from one demo item."""
    fee = item.fee
    return GuidePage(
        title=item.name,
        slug=f"{CODE_PREFIXES[business].lower()}-{number:03d}",
        teaser=item.summary,
        item_code=f"JW-{CODE_PREFIXES[business]}-{number:03d}",
        item_type=item.item_type,
        serves_citizens="citizen" in item.audiences,
        serves_companies="company" in item.audiences,
        serves_foreigners="foreigner" in item.audiences,
        responsible_body=item.body,
        legal_basis=blocks("law", item.legal_basis),
        conditions=[("condition", text) for text in item.conditions],
        materials=blocks("material", item.materials),
        steps=blocks("step", item.steps),
        statutory_days=item.statutory_days,
        statutory_day_type=item.statutory_day_type,
        promised_days=item.promised_days,
        promised_day_type=item.statutory_day_type,
        fee_free=fee is None,
        fee_amount=Decimal(fee.amount) if fee else None,
        fee_unit=fee.unit if fee else "",
        fee_basis=fee.basis if fee else "",
        where_to_apply=item.where,
        visits=item.visits,
        online_depth=item.online_depth,
        appointment_supported=item.appointment,
        courier_supported=item.courier,
        consult_phone=CONSULT_PHONES.get(business, "12345"),
        complaint_phone=COMPLAINT_PHONE,
        faqs=blocks("faq", item.faqs),
        related_items=[GuideRelatedItem(target=page) for page in related[-2:]],
        popular=item.popular,
    )


def build_guides(index: GuideIndexPage, stdout) -> dict[str, GuidePage]:
    """Publish the eight businesses and their service items; return items by name."""
    by_name: dict[str, GuidePage] = {}
    data = guide_categories()
    pairs = [(c, n, i) for c in data for n, i in enumerate(c.items, start=1)]
    categories: dict[str, GuideCategoryPage] = {}
    for category, number, item in progress(pairs, len(pairs), "办事指南", stdout):
        business = category.business
        if business not in categories:
            categories[business] = add_child(
                index,
                GuideCategoryPage(
                    title=category.title,
                    slug=business.replace("_", "-"),
                    business=business,
                    intro=category.intro,
                    teaser=category.intro,
                ),
            )
        siblings = [p for p in by_name.values() if p.business == business]
        page = add_child(
            categories[business], guide_page(item, business, number, siblings)
        )
        by_name[item.name] = page
    return by_name
