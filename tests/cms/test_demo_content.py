"""The demo loader builds the site from its data files, keeps editors' changes on a
second run, and rebuilds the tree on --reset (refused under production settings)."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Site, Workflow, WorkflowPage

from cms.demo import people, schema
from cms.models import HomePage, SiteSettings, TransparencyPage
from guides.models import Business, GuideCategoryPage, GuidePage
from mobile.models import AppHome
from news.models import NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.single_db]


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


def test_loader_builds_keeps_edits_on_a_second_run_and_resets(client, monkeypatch):
    monkeypatch.delenv("JINGWU_ADMIN_PASSWORD", raising=False)
    first = load()
    built = counts()
    assert built["guides"] == 120
    assert built["guides_en"] == 10
    assert built["categories"] == len(Business.values) == 8
    assert built["news"] >= 60 and built["pinned"] >= 3
    assert built["documents"] >= 24
    assert built["homes"] == 2  # Chinese and English

    password = re.search(r"Password:\s+(\S+)", first).group(1)
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert first.rstrip().endswith("┘")  # the password box is the last thing shown
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {"编辑", "审核员", "管理员"}  # Wagtail's English groups renamed
    assert Collection.get_first_root_node().name == "全部"
    root_workflow = WorkflowPage.objects.get(page__depth=1).workflow
    assert root_workflow.name == people.WORKFLOW_NAME
    assert Workflow.objects.filter(active=True).count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage

    guides = list(GuidePage.objects.filter(locale__language_code="zh-hans"))
    assert len({g.item_code for g in guides}) == 120
    for guide in guides:
        assert guide.materials and guide.steps and guide.legal_basis, guide.title
        assert guide.business == guide.get_parent().specific.business
    assert sum(g.popular for g in guides) >= 8

    # Editors change things; the README's first command runs the loader again.
    site_settings = SiteSettings.objects.get()
    site_settings.bureau_name = "某某市公安局"
    site_settings.icp_number = ""
    site_settings.save()
    editors = Group.objects.get(name="编辑")
    video = Permission.objects.get(codename="add_video")
    editors.permissions.remove(video)
    root_workflow.workflow_tasks.first().task.specific.groups.clear()

    second = load()
    assert "already exist" in second and "Password" not in second
    assert counts() == built
    site_settings.refresh_from_db()
    assert site_settings.bureau_name == "某某市公安局"
    assert site_settings.icp_number == ""
    assert video not in editors.permissions.all()
    assert not root_workflow.workflow_tasks.first().task.specific.groups.exists()
    assert "某某市公安局" in client.get("/").content.decode()

    assert client.get("/en/").status_code == 200
    assert client.get("/services/exit-entry/crj-001/").status_code == 200

    # An editor deletes the app home (the admin logs it): it stays deleted.
    app_home = AppHome.objects.get()
    log(app_home, "wagtail.delete")
    app_home.delete()
    load()
    assert not AppHome.objects.exists()

    with override_settings(ALLOW_DEMO_RESET=False):
        with pytest.raises(CommandError, match="refused under production"):
            load("--reset")
    assert counts() == built

    load("--reset")
    assert counts() == built
    assert AppHome.objects.get().live  # the reset builds the app home again
    assert SiteSettings.objects.get().bureau_name == "市公安局"
    assert client.get("/services/exit-entry/crj-001/").status_code == 200


def test_data_files_are_validated(tmp_path):
    """A typo in a data file stops the loader with the file and the place."""
    (tmp_path / "news.toml").write_text(
        '[[articles]]\ntitle = "标题"\ncategory = "police_news"\nsummary = "摘要"\n'
        'paragraphs = ["正文"]\npinnned = true\n',
        encoding="utf-8",
    )
    with pytest.raises(
        ValueError, match=r"news.toml: Object contains unknown field `pinnned`"
    ):
        schema.news_articles(tmp_path)
    (tmp_path / "news.toml").write_text(
        '[[articles]]\ntitle = "标题"\ncategory = "gossip"\nsummary = "摘要"\n'
        'paragraphs = ["正文"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="category 'gossip' is not one of"):
        schema.news_articles(tmp_path)
    assert len(schema.news_articles()) == 60
    assert sum(len(c.items) for c in schema.guide_categories()) == 120
