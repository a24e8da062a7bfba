"""Editors submit news, moderators approve it; scheduled pages go live on time."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms.demo import people
from news.models import NewsPage
from tests.factories import make_guide, make_news

pytestmark = pytest.mark.django_db


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


def guide_form(guide, title: str, action: str) -> dict:
    """The guide's edit form as the admin posts it, with a new title."""

    def stream(name, values):
        return streamfield([(name, value) for value in values])

    return nested_form_data(
        {
            "title": title,
            "slug": guide.slug,
            "teaser": guide.teaser,
            "item_code": guide.item_code,
            "item_type": guide.item_type,
            "responsible_body": guide.responsible_body,
            "serves_citizens": "on",
            "legal_basis": stream("law", [b.value for b in guide.legal_basis]),
            "conditions": stream("condition", [b.value for b in guide.conditions]),
            "materials": stream(
                "material",
                [{**b.value, "blank_form": "", "example": ""} for b in guide.materials],
            ),
            "steps": stream("step", [b.value for b in guide.steps]),
            "statutory_days": guide.statutory_days,
            "statutory_day_type": guide.statutory_day_type,
            "promised_days": guide.promised_days,
            "promised_day_type": guide.promised_day_type,
            "fee_free": "on",
            "visits": guide.visits,
            "online_depth": guide.online_depth,
            "faqs": stream("faq", [b.value for b in guide.faqs]),
            "related_items": inline_formset([]),
            "comments": inline_formset([]),
            action: "1",
        }
    )


def add_url(tree) -> str:
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", tree["news"].pk))


def approve(client, moderator, page) -> WorkflowState:
    """The moderator finds the task on the dashboard and approves it."""
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow.name == people.WORKFLOW_NAME
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert page.get_latest_revision().object_str in dashboard
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    state.refresh_from_db()
    return state


def test_editor_submits_and_moderator_approves(client, tree, staff):
    client.force_login(staff["editor"])
    response = client.post(add_url(tree), news_form("待审核的通告", "action-submit"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(title="待审核的通告")
    assert not page.live

    state = approve(client, staff["moderator"], page)
    page.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED


def test_a_guide_edit_goes_through_the_moderators_approval(client, tree, staff):
    guide = make_guide(tree["category"], title="普通护照申领")
    client.force_login(staff["editor"])
    edit = reverse("wagtailadmin_pages:edit", args=(guide.pk,))
    response = client.post(
        edit, guide_form(guide, "普通护照申领（新）", "action-submit")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    guide.refresh_from_db()
    assert guide.title == "普通护照申领"  # the live page is unchanged until approval
    assert client.get(guide.url).content.decode().count("普通护照申领（新）") == 0

    state = approve(client, staff["moderator"], guide)
    assert state.status == WorkflowState.STATUS_APPROVED
    guide.refresh_from_db()
    assert guide.title == "普通护照申领（新）"
    assert not guide.locked


def test_a_chinese_title_saves_with_a_pinyin_slug(client, tree, staff):
    client.force_login(staff["moderator"])
    form = news_form("冬季道路交通安全提示", "action-publish")
    form["slug"] = ""  # nobody typed one
    assert client.post(add_url(tree), form).status_code == 302
    page = NewsPage.objects.get(title="冬季道路交通安全提示")
    assert page.slug == "dong-ji-dao-lu-jiao-tong-an-quan-ti-shi"
    form["slug"] = "冬季道路交通安全提示"  # what the admin's slug field fills in
    assert client.post(add_url(tree), form).status_code == 302
    second = NewsPage.objects.filter(title="冬季道路交通安全提示").latest("pk")
    assert second.slug == "dong-ji-dao-lu-jiao-tong-an-quan-ti-shi-2"
    assert client.get(second.url).status_code == 200


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
