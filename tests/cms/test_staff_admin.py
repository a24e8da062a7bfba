"""The Chinese admin: staff defaults renamed by migration cms.0003, Chinese names in
family-first order, admin strings Wagtail's catalogue lacked, the guide's tabs."""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from tests.factories import make_guide, make_news

pytestmark = pytest.mark.django_db

GUIDE_TABS = [
    "基本信息",
    "申请条件与材料",
    "办理流程",
    "时限与收费",
    "地点与咨询",
    "常见问题",
    "推荐",
    "设置",
]


def visible_text(html: str) -> str:
    """The page's text without markup, scripts, or hidden sprites."""
    html = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_migrations_leave_only_chinese_groups():
    """Wagtail's "Moderators" and "Editors" groups are 审核员 and 编辑."""
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {"编辑", "审核员"}  # 管理员 comes from the demo loader
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


@pytest.mark.parametrize("group", ["编辑", "审核员"])
def test_editors_and_moderators_can_enter_the_admin(client, group):
    """A member of 编辑 or 审核员 reaches the dashboard straight after migrate."""
    member = get_user_model().objects.create_user("member", password="pw")
    member.groups.add(Group.objects.get(name=group))
    client.force_login(member)
    assert client.get("/admin/").status_code == 200
    assert member.has_perm("wagtailadmin.access_admin")


def test_the_default_workflow_is_approved_by_the_moderators():
    """The root page's workflow 内容发布审核 has the task 审核员审批, for 审核员."""
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == "内容发布审核"
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert [task.name for task in tasks] == ["审核员审批"]
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["审核员"]
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_the_root_collection_is_named_all():
    """The root collection is 全部, not "Root"."""
    assert Collection.get_first_root_node().name == "全部"
    assert not Collection.objects.filter(name="Root").exists()


def test_users_list_shows_names_in_their_own_order(client, superuser):
    """王小明 family name first without a space; Ming Wang given name first."""
    users = get_user_model()
    users.objects.create_user("wangxm", first_name="小明", last_name="王")
    users.objects.create_user("mingw", first_name="Ming", last_name="Wang")
    client.force_login(superuser)
    response = client.get("/admin/users/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "王小明" in text
    assert "小明 王" not in text and "小明王" not in text
    assert "Ming Wang" in text
    assert "Wang Ming" not in text


@pytest.mark.parametrize(
    ("message", "chinese"),
    [
        ("Autosave is paused", "自动保存已暂停"),
        ("Schedule to publish", "定时发布"),
        ("Privacy and access", "隐私与访问权限"),
    ],
)
def test_strings_missing_from_wagtails_catalogue_are_chinese(message, chinese):
    """Our catalogue supplies the Chinese admin strings Wagtail's zh_Hans lacks."""
    with translation.override("zh-hans"):
        assert translation.gettext(message) == chinese
    with translation.override("en"):
        assert translation.gettext(message) == message


def test_plural_admin_strings_are_chinese():
    """The dashboard's page count is Chinese in singular and plural."""
    singular = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
    with translation.override("zh-hans"):
        for count in (1, 3):
            text = translation.ngettext(singular, plural, count) % {
                "total": count,
                "site_name": "警务",
            }
            assert f"{count} 个页面" in text
            assert "Page" not in text and "created" not in text


def test_page_explorer_counts_in_chinese(client, tree, superuser):
    """The explorer's and the dashboard's page counts have no English "Pages"."""
    for _ in range(3):
        make_news(tree["news"])
    client.force_login(superuser)
    explorer = client.get(f"/admin/pages/{tree['news'].pk}/")
    assert explorer.status_code == 200
    html = explorer.content.decode()
    text = visible_text(html)
    assert "第 1-3 项，共 3 个页面" in text
    assert "Pages</" not in html and " Pages<" not in html
    assert not re.search(r"\d+ of \d+", text)
    searched = visible_text(
        client.get(
            f"/admin/pages/{tree['home'].pk}/?q=新闻&search_all=1"
        ).content.decode()
    )
    assert "全站共 3 个页面" in searched
    assert "across entire site" not in searched
    dashboard = client.get("/admin/").content.decode()
    assert re.search(r"\d+ 个页面", visible_text(dashboard))
    assert "Pages</" not in dashboard and " Pages<" not in dashboard


def test_page_explorer_has_no_english_root(client, tree, superuser):
    """The explorer's breadcrumb and the top-level listing name the root in Chinese."""
    client.force_login(superuser)
    for url in ("/admin/pages/", f"/admin/pages/{tree['home'].pk}/"):
        text = visible_text(client.get(url).content.decode())
        assert not re.search(r"\bRoot\b", text), url


def test_guide_edit_view_has_the_guide_tabs(client, tree, superuser):
    """The guide form is split into tabs named as a 办事指南 is."""
    guide = make_guide(tree["category"])
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    tabs = [label.strip() for label in re.findall(r'role="tab"[^>]*>\s*([^<]+)', html)]
    # Wagtail hides a tab with no visible panels: 设置 holds only the publishing
    # schedule, which Wagtail renders in the status side panel's dialog instead.
    assert tabs == GUIDE_TABS[:-1]
    assert 'name="go_live_at"' in html and 'name="expire_at"' in html
    for heading in ("服务对象", "办理方式", "办理时限", "收费"):
        assert heading in html
    assert not re.search(r'role="tab"[^>]*>\s*(Content|Promote|Settings)\b', html)


def test_the_rename_merges_into_groups_an_earlier_demo_made(db):
    """Both "Moderators" and 审核员 exist: members and permissions end up in 审核员."""
    migration = importlib.import_module("cms.migrations.0003_chinese_staff_defaults")
    moderators = Group.objects.create(name="Moderators")
    member = get_user_model().objects.create_user("old-moderator")
    member.groups.add(moderators)
    root = Page.get_first_root_node()
    GroupPagePermission.objects.create(
        group=moderators, page=root, permission_type="publish"
    )
    migration.rename(apps, None)
    assert not Group.objects.filter(name="Moderators").exists()
    merged = Group.objects.get(name="审核员")
    assert member in merged.user_set.all()
    assert GroupPagePermission.objects.filter(
        group=merged, page=root, permission__codename="publish_page"
    ).exists()
