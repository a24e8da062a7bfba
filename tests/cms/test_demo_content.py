"""The demo loader builds the whole site in code, once, and rebuilds it on --reset."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site, WorkflowPage

from cms.models import HomePage, TransparencyPage
from guides.models import Business, GuideCategoryPage, GuidePage
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def counts() -> dict:
    return {
        "guides": GuidePage.objects.filter(locale__language_code="zh-hans")
        .live()
        .count(),
        "guides_en": GuidePage.objects.filter(locale__language_code="en")
        .live()
        .count(),
        "categories": GuideCategoryPage.objects.filter(
            locale__language_code="zh-hans"
        ).count(),
        "news": NewsPage.objects.live().count(),
        "pinned": NewsPage.objects.filter(pinned=True).count(),
        "documents": TransparencyPage.objects.live().count(),
        "homes": HomePage.objects.live().count(),
        "pages": Page.objects.count(),
    }


def test_loader_builds_runs_twice_and_resets(client, monkeypatch):
    monkeypatch.delenv("JINGWU_ADMIN_PASSWORD", raising=False)
    first = load()
    built = counts()
    assert built["guides"] == 120
    assert built["guides_en"] == 10
    assert built["categories"] == len(Business.values) == 8
    assert built["news"] >= 60 and built["pinned"] >= 3
    assert built["documents"] >= 24
    assert built["homes"] == 2  # Chinese and English

    password = re.search(r"created with password: (\S+)", first).group(1)
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert {"编辑", "审核员", "管理员"} <= set(
        Group.objects.values_list("name", flat=True)
    )
    workflow_pages = WorkflowPage.objects.select_related("page", "workflow")
    assert {
        wp.page.slug for wp in workflow_pages if wp.workflow.name == "新闻与公开审核"
    } == {
        "news",
        "transparency",
    }
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage

    guides = list(GuidePage.objects.filter(locale__language_code="zh-hans"))
    assert len({g.item_code for g in guides}) == 120
    for guide in guides:
        assert guide.materials and guide.steps and guide.legal_basis, guide.title
        assert guide.business == guide.get_parent().specific.business
    assert sum(g.popular for g in guides) >= 8

    second = load()
    assert "already exist" in second and "password:" not in second
    assert counts() == built

    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 200
    assert client.get("/services/exit-entry/crj-001/").status_code == 200

    load("--reset")
    rebuilt = counts()
    assert rebuilt == built
    assert client.get("/services/exit-entry/crj-001/").status_code == 200
