"""Editors compose the app home in the admin; the API serves only what was approved."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from mobile.models import AppHome

pytestmark = pytest.mark.django_db


def hotlines(*numbers: str) -> dict:
    """The hotlines block as the admin's form posts it."""
    items = {
        str(i): {
            "value": {"name": f"热线{i}", "number": n},
            "deleted": "",
            "order": str(i),
            "id": "",
        }
        for i, n in enumerate(numbers)
    }
    return {"title": "服务热线", "items": {**items, "count": str(len(numbers))}}


def form(numbers, action: str) -> dict:
    data = nested_form_data(
        {
            "title": "App 首页",
            "content": streamfield([("hotlines", hotlines(*numbers))]),
        }
    )
    data[action] = "1"
    return data


def numbers_in_api(client) -> list[str]:
    response = client.get("/api/v2/app/home/")
    if response.status_code == 404:
        return []
    blocks = response.json()["blocks"]
    return [item["number"] for item in blocks[0]["value"]["items"]]


def test_editor_drafts_moderator_approves_and_the_app_sees_it(client, tree, staff):
    client.force_login(staff["editor"])
    add = reverse("wagtailsnippets_mobile_apphome:add")
    response = client.post(add + "?locale=zh-hans", form(["110"], "action-submit"))
    assert response.status_code == 302, response.content.decode()[:2000]
    app_home = AppHome.objects.get()
    assert app_home.locale == Locale.get_default()
    assert not app_home.live
    assert numbers_in_api(client) == []  # nothing approved yet: 404 to the app

    state = WorkflowState.objects.get(object_id=str(app_home.pk))
    client.force_login(staff["moderator"])
    approve = reverse(
        "wagtailsnippets_mobile_apphome:workflow_action",
        args=(app_home.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    assert numbers_in_api(client) == ["110"]

    # A later draft does not reach the app until it is published.
    edit = reverse("wagtailsnippets_mobile_apphome:edit", args=(app_home.pk,))
    assert client.post(edit, form(["110", "12345"], "action-draft")).status_code == 302
    assert numbers_in_api(client) == ["110"]
    client.post(edit, form(["110", "12345"], "action-publish"))
    assert numbers_in_api(client) == ["110", "12345"]


def test_one_app_home_per_language(tree):
    english = Locale.objects.create(language_code="en")
    AppHome.objects.create(title="首页", content=[])
    AppHome.objects.create(title="Home", content=[], locale=english)
    with pytest.raises(IntegrityError):
        AppHome.objects.create(title="第二个", content=[])
