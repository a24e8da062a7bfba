"""An editor builds a three-step form with a conditional field in the admin and
publishes it; a citizen completes it on a phone-sized screen and tracks the case.

Screenshots of each step go to a temporary folder, or to docs/screenshots/ when
SAVE_SCREENSHOTS=1 (how the committed ones were made).
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PILImage
from wagtail.models import Collection, Page

from services.models import ServiceFormPage, Submission
from tests.services.conftest import resident_id

pytestmark = pytest.mark.e2e
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def moderator(site):
    """A 审核员 (who may publish) in the demo's groups."""
    from cms.demo import people

    if Collection.get_first_root_node() is None:  # flushed by an earlier live test
        Collection.add_root(name="全部")
    groups = people.ensure_groups(Page.get_first_root_node(), configure=True)
    user = get_user_model().objects.create_user(
        "shenhe", "shenhe@example.invalid", "s3cret-pass"
    )
    user.groups.add(groups[people.MODERATORS], groups[people.EDITORS])
    return user


@pytest.fixture
def shots(tmp_path):
    """Save a screenshot under a name; copied to docs/ with SAVE_SCREENSHOTS=1."""

    def save(page, name: str) -> None:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        if os.environ.get("SAVE_SCREENSHOTS") == "1":
            shutil.copy(path, DOCS / path.name)

    return save


def add_block(page, label: str) -> None:
    """Append a block to the form's StreamField through the block chooser."""
    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def fill_block(page, index: int, **values) -> None:
    for name, value in values.items():
        field = page.locator(f"[name='form_fields-{index}-value-{name}']")
        if name.startswith("condition-") and not field.is_visible():
            # Inside the collapsed 显示条件: open it (other inputs are waited for).
            field.locator("xpath=ancestor::section[1]").locator(
                "button[data-panel-toggle]"
            ).first.click()
        field.fill(value)


def photo(tmp_path) -> Path:
    path = tmp_path / "photo.jpg"
    buffer = io.BytesIO()
    PILImage.new("RGB", (358, 441), (240, 240, 250)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_editor_builds_a_form_and_a_citizen_completes_it(
    site, moderator, page_at, shots, tmp_path
):
    url = site["url"]
    editor = page_at(1280)
    editor.goto(url + "/admin/login/")
    editor.fill("input[name=username]", "shenhe")
    editor.fill("input[name=password]", "s3cret-pass")
    editor.get_by_role("button", name="登录").click()
    editor.wait_for_url("**/admin/")

    category = site["category"]
    editor.goto(url + f"/admin/pages/add/services/serviceformpage/{category.pk}/")
    editor.fill("#id_title", "无犯罪记录证明申请")
    add_block(editor, "分步")
    fill_block(editor, 0, title="申请人信息")
    add_block(editor, "中文姓名")
    fill_block(editor, 1, label="姓名", key="applicant_name")
    add_block(editor, "居民身份证号码")
    fill_block(editor, 2, label="身份证号码", key="id_number")
    add_block(editor, "选择")
    fill_block(editor, 3, label="用途", key="purpose")
    fill_block(editor, 3, **{"choices-0-value-value": "job"})
    fill_block(editor, 3, **{"choices-0-value-label": "求职"})
    choices = editor.locator("[name='form_fields-3-value-choices-count']")
    choices.locator("xpath=..").locator("[data-streamfield-list-add]").last.click()
    fill_block(editor, 3, **{"choices-1-value-value": "other"})
    fill_block(editor, 3, **{"choices-1-value-label": "其他"})
    add_block(editor, "单行文字")
    fill_block(editor, 4, label="其他用途", key="other_purpose")
    fill_block(editor, 4, **{"condition-field": "purpose"})
    fill_block(editor, 4, **{"condition-value": "other"})
    add_block(editor, "分步")
    fill_block(editor, 5, title="上传材料")
    add_block(editor, "上传文件")
    fill_block(editor, 6, label="本人照片", key="photo")
    add_block(editor, "分步")
    fill_block(editor, 7, title="告知承诺")
    add_block(editor, "告知承诺")
    fill_block(editor, 8, label="我已阅读并承诺", key="promise")
    fill_block(
        editor, 8, statement="本人承诺所填信息真实、准确，如有虚假愿承担法律责任。"
    )
    shots(editor, "admin-form-builder")

    editor.locator(
        "footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]"
    ).last.click()
    editor.locator("button[name=action-publish]").click()
    editor.wait_for_url(lambda address: "/add/" not in address)  # saved: the listing
    form = ServiceFormPage.objects.get(title="无犯罪记录证明申请")
    assert form.live
    steps = form.spec["steps"]
    assert [s["title"] for s in steps[:3]] == ["申请人信息", "上传材料", "告知承诺"]
    assert steps[0]["fields"][3]["condition"] == {"field": "purpose", "value": "other"}

    citizen = page_at(390)
    citizen.goto(url + form.url)
    citizen.fill("input[name=applicant_name]", "王小明")
    citizen.fill("input[name=id_number]", resident_id())
    other = citizen.locator("[data-key=other_purpose]")
    assert other.is_hidden()  # shown only for 其他
    citizen.get_by_label("其他", exact=True).check()
    assert other.is_visible()
    citizen.fill("input[name=other_purpose]", "办理签证")
    shots(citizen, "form-step-1")
    citizen.get_by_role("button", name="下一步").click()

    citizen.wait_for_url("**/step/1/")
    citizen.set_input_files("input[name=photo]", photo(tmp_path))
    shots(citizen, "form-step-2")
    citizen.get_by_role("button", name="下一步").click()

    citizen.wait_for_url("**/step/2/")
    citizen.get_by_role("button", name="下一步").click()  # without the declaration
    assert "请填写此项" in citizen.content()
    citizen.check("input[name=promise]")
    shots(citizen, "form-step-3")
    citizen.get_by_role("button", name="下一步").click()

    citizen.wait_for_url("**/step/3/")
    citizen.fill("input[name=contact_phone]", "138 0000 1234")
    shots(citizen, "form-step-4")
    citizen.get_by_role("button", name="下一步").click()

    citizen.wait_for_url("**/check/")
    text = citizen.inner_text("main")
    assert "办理签证" in text and "王小明" in text
    shots(citizen, "form-check")
    citizen.get_by_role("button", name="确认提交").click()
    citizen.wait_for_url("**/done/")
    reference = citizen.inner_text(".reference__number")
    shots(citizen, "form-done")

    case = Submission.objects.get()
    assert case.display_reference == reference
    assert case.files.count() == 1
    assert resident_id() not in str(case.form_data)  # stored encrypted

    citizen.get_by_role("link", name="查询办理进度").click()
    citizen.fill("input[name=reference]", reference.lower())
    citizen.fill("input[name=phone_last4]", "1234")
    citizen.get_by_role("button", name="查询").click()
    assert citizen.inner_text(".case-status") == "已提交"
    shots(citizen, "form-lookup")
