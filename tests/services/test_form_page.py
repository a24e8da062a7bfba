"""The form page as editors and citizens meet it: structure, preview, steps."""

import pytest
from django.test import RequestFactory
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage
from guides.models import GuideCategoryPage, GuidePage
from services.models import AnswerPage, ServiceFormPage
from tests.services.conftest import resident_id

STEP_ONE = {"applicant_name": "王小明", "id_number": resident_id(), "reason": "first"}


class TestStructure(WagtailPageTestCase):
    def test_where_forms_live(self):
        for parent in (GuideCategoryPage, StandardPage, HomePage):
            self.assertCanCreateAt(parent, ServiceFormPage)
        self.assertCanNotCreateAt(GuidePage, ServiceFormPage)
        self.assertAllowedSubpageTypes(ServiceFormPage, {AnswerPage})


def test_each_step_has_a_preview_mode(form_page, superuser):
    modes = dict(form_page.preview_modes)
    assert list(modes) == ["step-0", "step-1", "step-2", "step-3"]
    assert modes["step-1"] == "第 2 步：材料"
    request = RequestFactory().get("/")
    request.user = superuser
    request.session = {}
    html = form_page.serve_preview(request, "step-2").render().content.decode()
    assert 'name="promise"' in html and "预览：提交已停用" in html
    assert 'name="applicant_name"' not in html


def test_a_later_step_is_not_reachable_first(client, form_page):
    response = client.get(form_page.url + "step/2/")
    assert response.status_code == 302
    assert response["Location"].endswith("/step/0/")
    response = client.post(form_page.url + "step/2/", {"promise": "on"})
    assert response["Location"].endswith("/step/0/")
    assert client.get(form_page.url + "check/")["Location"].endswith("/step/0/")


def test_the_conditional_field_is_required_only_when_shown(client, form_page):
    url = form_page.url + "step/0/"
    renew = client.post(url, {**STEP_ONE, "reason": "renew"})
    assert renew.status_code == 400 and "请填写此项" in renew.text
    first = client.post(url, {**STEP_ONE, "old_passport": "E12345678"})
    assert first.status_code == 302 and first["Location"].endswith("/step/1/")


def test_going_back_keeps_the_answers(client, form_page):
    client.post(form_page.url + "step/0/", STEP_ONE)
    html = client.get(form_page.url + "step/0/").text
    assert 'value="王小明"' in html


def test_a_republished_form_starts_again(client, form_page):
    client.post(form_page.url + "step/0/", STEP_ONE)
    assert client.get(form_page.url + "step/1/").status_code == 200
    form_page.save_revision().publish()
    assert client.get(form_page.url + "step/1/")["Location"].endswith("/step/0/")


def test_a_closed_form_says_so(client, form_page):
    from django.utils import timezone

    form_page.closes_at = timezone.now() - timezone.timedelta(days=1)
    form_page.opens_at = timezone.now() - timezone.timedelta(days=30)
    form_page.save_revision().publish()
    html = client.get(form_page.url).text
    assert "该表单目前不接受提交" in html and 'name="applicant_name"' not in html


@pytest.mark.parametrize("reserved", ["contact_phone", "delivery"])
def test_reserved_keys_are_refused(form_page, reserved):
    from django.core.exceptions import ValidationError

    form_page.form_fields = form_page.form_fields.raw_data
    form_page.form_fields.raw_data[1]["value"]["key"] = reserved
    with pytest.raises(ValidationError) as refused:
        form_page.full_clean()
    assert "系统使用" in str(refused.value)


def test_keys_are_fixed_once_there_are_submissions(form_page):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from services import logic
    from services.models import ServiceFormPage
    from services.uploads import check_upload, store
    from tests.services.conftest import jpeg

    def rename(key: str, label: str) -> ServiceFormPage:
        page = ServiceFormPage.objects.get(pk=form_page.pk)
        raw = page.form_fields.raw_data
        raw[1]["value"]["key"], raw[1]["value"]["label"] = key, label
        page.form_fields = list(raw)
        return page

    rename("full_name", "姓名").full_clean()  # no submissions yet: any key
    answers = {**STEP_ONE, "promise": True, "contact_phone": "13800001234"}
    answers.update(delivery="pickup", pickup_location="l1")
    photo = {
        "key": "photo",
        "allowed_types": ["jpg"],
        "max_size": 10**6,
        "max_files": 1,
    }
    upload = SimpleUploadedFile("photo.jpg", jpeg())
    answers["photo"] = [store(form_page, photo, check_upload(photo, upload)).token]
    logic.submit(form_page, answers, "keys-fixed-1")
    rename("applicant_name", "申请人姓名").full_clean()  # a new label is fine
    with pytest.raises(ValidationError) as refused:
        rename("full_name", "姓名").full_clean()
    assert "applicant_name → full_name" in str(refused.value)
