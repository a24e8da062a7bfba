"""Editors submit news, moderators approve it; scheduled pages go live on time."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms.demo import people
from news.models import NewsPage
from tests.factories import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(tree):
    groups = people.ensure_groups(Page.get_first_root_node())
    people.ensure_workflow(
        groups[people.MODERATORS], [tree["news"], tree["transparency"]]
    )
    users = {}
    for name, group in (("editor", people.EDITORS), ("moderator", people.MODERATORS)):
        user = get_user_model().objects.create_user(
            name, f"{name}@example.invalid", "pw"
        )
        user.groups.add(groups[group])
        users[name] = user
    return users


def news_form(title: str, action: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "draft-news",
            "teaser": "摘要",
            "date": "2026-11-27 09:00",
            "category": "notice",
            "tags": "",
            "body": streamfield([("paragraph", rich_text("<p>正文</p>"))]),
            "pin_order": "0",
            "comments": inline_formset([]),
            action: "1",
        }
    )


def add_url(tree) -> str:
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", tree["news"].pk))


def test_editor_submits_and_moderator_approves(client, tree, staff):
    client.force_login(staff["editor"])
    response = client.post(add_url(tree), news_form("待审核的通告", "action-submit"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(title="待审核的通告")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == people.WORKFLOW_NAME

    client.force_login(staff["moderator"])
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_editor_cannot_publish_directly(client, tree, staff):
    client.force_login(staff["editor"])
    client.post(add_url(tree), news_form("想直接发布", "action-publish"))
    page = NewsPage.objects.get(title="想直接发布")
    assert not page.live


def test_moderator_can_publish(client, tree, staff):
    client.force_login(staff["moderator"])
    response = client.post(add_url(tree), news_form("审核员发布", "action-publish"))
    assert response.status_code == 302
    assert NewsPage.objects.get(title="审核员发布").live


def test_admin_speaks_chinese_by_default(client, tree, staff):
    client.force_login(staff["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="zh-hans"' in html
    assert "控制面板" in html  # "Dashboard"
    assert "跳到主要内容" in html


def test_scheduled_publishing(tree):
    page = make_news(tree["news"], title="定时发布")
    page.unpublish()
    page.title = "定时发布（已上线）"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # with a future go_live_at this only schedules
    page.refresh_from_db()
    assert not page.live

    # An hour passes: move the schedule into the past rather than the clock forward.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert page.title == "定时发布（已上线）"
