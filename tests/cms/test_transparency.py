"""The 警务公开 catalogue: filters, document facts and attachments."""

import datetime

import pytest
from django.core.files.base import ContentFile

from media.models import Document
from tests.factories import make_document_page

pytestmark = pytest.mark.django_db


def test_filter_by_category_and_year(client, tree):
    index = tree["transparency"]
    make_document_page(
        index,
        title="预算公开",
        category="finance",
        issue_date=datetime.date(2026, 2, 1),
    )
    make_document_page(
        index, title="旧预算", category="finance", issue_date=datetime.date(2025, 2, 1)
    )
    make_document_page(
        index,
        title="统计年报",
        category="statistics",
        issue_date=datetime.date(2026, 3, 1),
    )
    by_category = client.get(index.url, {"category": "finance"}).content.decode()
    assert "预算公开" in by_category and "旧预算" in by_category
    assert "统计年报" not in by_category
    by_both = client.get(
        index.url, {"category": "finance", "year": "2025"}
    ).content.decode()
    assert "旧预算" in by_both and "预算公开" not in by_both
    listing = client.get(index.url).content.decode()
    assert ">2026</a>" in listing and ">2025</a>" in listing


def test_bad_filter_values_show_everything_without_error(client, tree):
    make_document_page(tree["transparency"], title="机构职能")
    for params in ({"category": "<script>"}, {"year": "二〇二六"}, {"page": "-1"}):
        response = client.get(tree["transparency"].url, params)
        assert response.status_code == 200
        assert "机构职能" in response.content.decode()


def test_document_shows_its_facts_and_attachments(client, tree):
    attachment = Document(title="预算表")
    attachment.file.save("budget.csv", ContentFile("项目,金额\n".encode()), save=False)
    attachment.save()
    page = make_document_page(
        tree["transparency"],
        title="2026年部门预算",
        category="finance",
        document_number="京公财字〔2026〕3号",
        validity="repealed",
        attachments=[("attachment", {"document": attachment, "label": ""})],
    )
    html = client.get(page.url).content.decode()
    assert "京公财字〔2026〕3号" in html
    assert "已废止" in html
    assert "财政资金" in html
    assert attachment.url in html and "预算表" in html and "CSV" in html
