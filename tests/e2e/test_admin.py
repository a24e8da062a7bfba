"""An editor signs in to the Chinese admin and edits a guide in a real browser."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.e2e


def test_editor_signs_in_and_opens_a_guide(site, page_at):
    get_user_model().objects.create_superuser(
        "chief", "chief@example.invalid", "s3cret-pass"
    )
    page = page_at(1280)
    page.goto(site["url"] + "/admin/login/")
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", "s3cret-pass")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")
    assert "控制面板" in page.title()

    page.goto(site["url"] + f"/admin/pages/{site['guide'].pk}/edit/")
    assert page.locator("#id_title").input_value() == "普通护照申领"
    body = page.content()
    for label in ("设定依据", "受理条件", "申请材料", "办理流程", "常见问题"):
        assert label in body
