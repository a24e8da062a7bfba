"""The staff workbench in the admin: who sees cases, masking, reveal, export, status."""

import csv
import datetime
import io
import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail import hooks
from wagtail.admin.menu import admin_menu
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from services import logic, uploads
from services.models import (
    AnswerPage,
    CaseEvent,
    FormKind,
    Notice,
    ServiceFormPage,
    Status,
    Submission,
)
from services.spec import input_fields
from tests.factories import add
from tests.services.conftest import PASSPORT_FORM, field, jpeg, resident_id, stream

PHONE = "13812341234"
MASKED_PHONE = "138****1234"
ID_NUMBER = resident_id()
MASKED_ID = ID_NUMBER[:3] + "*" * 11 + ID_NUMBER[-4:]


def upload_photo(page) -> str:
    field = next(f for f in input_fields(page.spec) if f["key"] == "photo")
    checked = uploads.check_upload(
        field, SimpleUploadedFile("证件照.jpg", jpeg(), content_type="image/jpeg")
    )
    return uploads.store(page, field, checked).token


def make_case(page, phone=PHONE, id_number=ID_NUMBER, **answers) -> Submission:
    payload = {
        "applicant_name": "张三",
        "id_number": id_number,
        "reason": "first",
        "photo": [upload_photo(page)],
        "promise": True,
        "contact_phone": phone,
        "delivery": "pickup",
        "pickup_location": "l1",
        **answers,
    }
    case, created = logic.submit(page, payload, uuid.uuid4().hex)
    assert created
    return case


def make_staff(name: str, *codenames: str):
    """A staff user who may use the admin, with the named permissions."""
    user = get_user_model().objects.create_user(name, f"{name}@x.invalid", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="services", codename__in=codenames
        ),
    )
    return user


@pytest.fixture
def case(form_page):
    return make_case(form_page)


@pytest.fixture
def viewer(db):
    return make_staff("viewer", "view_submission")


@pytest.fixture
def clerk(db):
    return make_staff("clerk", "view_submission", "change_submission")


@pytest.fixture
def revealer(db):
    return make_staff(
        "revealer", "view_submission", "change_submission", "reveal_personal_data"
    )


@pytest.fixture
def outsider(db):
    """In the admin (an editor, say), with no access to cases."""
    return make_staff("outsider")


def index_url(**params) -> str:
    url = reverse("cases:index")
    if params:
        from urllib.parse import urlencode

        url += "?" + urlencode(params, doseq=True)
    return url


def logs(case, action):
    return ModelLogEntry.objects.filter(object_id=str(case.pk), action=action)


# Access


def test_anonymous_is_sent_to_sign_in(client, case):
    file = case.files.get()
    for url in (
        index_url(),
        reverse("cases:inspect", args=[case.pk]),
        reverse("cases:download", args=[case.pk, file.pk]),
        reverse("cases:stats"),
        index_url(export="csv"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    response = client.post(reverse("cases:reveal", args=[case.pk]))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not ModelLogEntry.objects.filter(object_id=str(case.pk)).exists()


def test_staff_without_permission_is_turned_away(client, case, outsider):
    client.force_login(outsider)
    file = case.files.get()
    for url in (
        index_url(),
        reverse("cases:inspect", args=[case.pk]),
        reverse("cases:inspect", args=[case.pk + 1000]),  # no telling what exists
        reverse("cases:download", args=[case.pk, file.pk]),
        reverse("cases:stats"),
        reverse("cases:history", args=[case.pk]),
        index_url(export="csv"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not ModelLogEntry.objects.filter(object_id=str(case.pk)).exists()


def test_menu_shows_cases_to_those_who_may_see_them(case, viewer, outsider):
    def labels(user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return [str(item.label) for item in admin_menu.menu_items_for_request(request)]

    assert "办件" in labels(viewer)
    assert "办件" not in labels(outsider)


def test_group_editor_offers_view_change_and_reveal(db):
    offered = {
        permission.codename
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
        if permission.content_type.app_label == "services"
    }
    assert {
        "view_submission",
        "change_submission",
        "reveal_personal_data",
    } <= offered
    assert not offered & {"add_submission", "delete_submission"}


# The list


def test_list_masks_the_phone(client, case, viewer):
    client.force_login(viewer)
    response = client.get(index_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert case.display_reference in html
    assert "普通护照申领" in html
    assert MASKED_PHONE in html
    assert PHONE not in html
    assert ID_NUMBER not in html


def test_list_filters_by_status_form_and_date(client, form_page, tree, clerk):
    other = add(
        tree["category"],
        ServiceFormPage(
            title="港澳通行证签注",
            form_fields=PASSPORT_FORM,
            pickup_allowed=True,
            pickup_locations="出入境接待大厅",
        ),
    )
    first, second = make_case(form_page), make_case(form_page)
    third = make_case(other, delivery="pickup", pickup_location="l1")
    logic.change_status(second, Status.ACCEPTED, clerk)
    Submission.objects.filter(pk=first.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=40)
    )
    client.force_login(clerk)

    def shown(**params):
        html = client.get(index_url(**params)).content.decode()
        return {c for c in (first, second, third) if c.display_reference in html}

    assert shown() == {first, second, third}
    assert shown(status="accepted") == {second}
    assert shown(status=["accepted", "submitted"]) == {first, second, third}
    assert shown(page=other.pk) == {third}
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    assert shown(submitted_from=since) == {second, third}
    assert shown(submitted_to=since) == {first}


def test_list_finds_a_reference_however_it_is_typed(client, form_page, viewer):
    wanted, other = make_case(form_page), make_case(form_page)
    client.force_login(viewer)
    typed = wanted.display_reference.lower().replace("0", "o").replace("1", "l")
    html = client.get(index_url(q=typed)).content.decode()
    assert wanted.display_reference in html
    assert other.display_reference not in html


@pytest.mark.parametrize(
    "params",
    [
        {"submitted_from": "0001-01-01"},
        {"submitted_to": "9999-12-31"},
        {"submitted_from": "2025-13-45"},
        {"page": "abc"},
        {"status": "bogus"},
        {"q": "a\x00b"},
        {"q": "-" * 5},
        {"p": "-1"},
        {"ordering": "spec"},
    ],
)
def test_list_survives_odd_parameters(client, case, viewer, params):
    client.force_login(viewer)
    assert client.get(index_url(**params)).status_code == 200


def test_list_queries_do_not_grow_with_cases(client, form_page, viewer):
    client.force_login(viewer)

    def queries() -> int:
        client.get(index_url())  # warm: permissions, content types
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index_url()).status_code == 200
        return len(captured)

    for _ in range(3):
        make_case(form_page)
    few = queries()
    for _ in range(12):
        make_case(form_page)
    assert Submission.objects.count() == 15
    assert queries() == few


# One case


def test_detail_is_masked_by_default(client, case, viewer):
    client.force_login(viewer)
    response = client.get(reverse("cases:inspect", args=[case.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert MASKED_ID in html
    assert ID_NUMBER not in html
    assert "张*" in html and "张三" not in html
    assert MASKED_PHONE in html and PHONE not in html
    assert "首次申领" in html  # not personal: in full
    assert "显示完整信息" not in html  # no reveal permission, no button
    assert not ModelLogEntry.objects.filter(object_id=str(case.pk)).exists()


def test_detail_reads_the_case_snapshot_not_the_current_form(client, case, viewer):
    page = case.page.specific
    page.form_fields = PASSPORT_FORM.replace("申请事由", "办理类型")
    page.save_revision().publish()
    client.force_login(viewer)
    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "申请事由" in html and "办理类型" not in html


def test_detail_shows_history_notices_and_files(client, case, clerk):
    logic.change_status(
        case, Status.ACCEPTED, clerk, note="请于三日内领取", comment="材料齐"
    )
    Notice.objects.create(
        submission=case,
        channel="outbox",
        recipient=MASKED_PHONE,
        subject="【网上公安局】普通护照申领：已受理",
        body="您的办件已受理。",
    )
    client.force_login(clerk)
    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "请于三日内领取" in html and "材料齐" in html
    assert "您的办件已受理。" in html
    download = reverse("cases:download", args=[case.pk, case.files.get().pk])
    assert download in html


def test_detail_links_a_case_and_its_evaluation(client, tree, case, viewer):
    survey = add(
        tree["interaction"],
        ServiceFormPage(
            title="满意度评价",
            kind=FormKind.SURVEY,
            contact_required=False,
            form_fields=json.dumps(
                [
                    {
                        "type": "text",
                        "value": {"key": "case_reference", "label": "编号"},
                    },
                    {
                        "type": "choice",
                        "value": {
                            "key": "rating",
                            "label": "总体评价",
                            "choices": [
                                {"value": str(n), "label": str(n)} for n in range(1, 6)
                            ],
                        },
                    },
                ]
            ),
        ),
    )
    rating, _ = logic.submit(
        survey,
        {"case_reference": case.reference, "rating": "4", "contact_phone": PHONE},
        "rate-once",
    )
    client.force_login(viewer)
    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert reverse("cases:inspect", args=[rating.pk]) in html and "4 / 5" in html
    html = client.get(reverse("cases:inspect", args=[rating.pk])).content.decode()
    assert reverse("cases:inspect", args=[case.pk]) in html
    assert case.display_reference in html


def test_reveal_shows_full_values_and_is_logged(client, case, revealer):
    client.force_login(revealer)
    detail = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "显示完整信息" in detail and ID_NUMBER not in detail

    response = client.post(reverse("cases:reveal", args=[case.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert ID_NUMBER in html and "张三" in html and PHONE in html
    entry = logs(case, "services.reveal").get()
    assert entry.user == revealer
    assert ID_NUMBER not in str(entry.data) and PHONE not in str(entry.data)

    history = client.get(reverse("cases:history", args=[case.pk])).content.decode()
    assert "查看了完整个人信息" in history
    labels = dict(log_registry.get_choices())
    assert str(labels["services.reveal"]) == "查看完整信息"


def test_reveal_needs_the_permission(client, case, clerk):
    client.force_login(clerk)
    response = client.post(reverse("cases:reveal", args=[case.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not logs(case, "services.reveal").exists()
    assert client.get(reverse("cases:reveal", args=[case.pk])).status_code == 405


# Export


def read_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_export_is_masked_without_the_reveal_permission(client, case, clerk):
    client.force_login(clerk)
    response = client.get(index_url(export="csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    (row,) = read_csv(response)
    assert row["受理编号"] == case.display_reference
    assert row["状态"] == "已提交"
    assert row["身份证号码"] == MASKED_ID
    assert row["手机号码"] == MASKED_PHONE
    assert row["姓名"] == "张*"
    assert row["申请事由"] == "首次申领"
    assert not ModelLogEntry.objects.filter(action="services.export").exists()
    # Asking for full values without the permission is refused.
    response = client.get(index_url(export="csv", full="1"))
    assert response["Location"] == reverse("wagtailadmin_home")


def test_full_export_has_full_values_and_is_logged(client, form_page, revealer):
    cases = [make_case(form_page), make_case(form_page, phone="13900001111")]
    client.force_login(revealer)
    masked = {r["手机号码"] for r in read_csv(client.get(index_url(export="csv")))}
    assert masked == {MASKED_PHONE, "139****1111"}  # masked for them too, unless asked

    rows = read_csv(client.get(index_url(export="csv", full="1")))
    assert {r["手机号码"] for r in rows} == {PHONE, "13900001111"}
    assert {r["身份证号码"] for r in rows} == {ID_NUMBER}
    for case in cases:
        entry = logs(case, "services.export").get()
        assert entry.user == revealer and entry.data == {"format": "csv"}

    response = client.get(index_url(export="xlsx", full="1"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert ID_NUMBER in values and PHONE in values
    assert logs(cases[0], "services.export").count() == 2


def test_export_follows_the_filters(client, form_page, clerk):
    accepted, _submitted = make_case(form_page), make_case(form_page)
    logic.change_status(accepted, Status.ACCEPTED, clerk)
    client.force_login(clerk)
    rows = read_csv(client.get(index_url(export="csv", status="accepted")))
    assert [r["受理编号"] for r in rows] == [accepted.display_reference]


def test_export_defuses_formulas(client, form_page, clerk):
    make_case(form_page, reason="renew", old_passport="=1+2")
    make_case(form_page, reason="renew", old_passport="@SUM(A1)")
    client.force_login(clerk)
    rows = read_csv(client.get(index_url(export="csv")))
    assert {r["原护照号码"] for r in rows} == {"'=1+2", "'@SUM(A1)"}

    response = client.get(index_url(export="xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    formulas = [c for c in cells if isinstance(c.value, str) and "SUM" in c.value]
    assert formulas and all(c.data_type == "s" for c in formulas)


# Status


def test_status_moves_along_allowed_steps(client, case, clerk):
    client.force_login(clerk)
    url = reverse("cases:status", args=[case.pk])
    response = client.post(
        url,
        {"status": "accepted", "current": "submitted", "note": "已受理", "comment": ""},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ACCEPTED
    event = CaseEvent.objects.filter(submission=case).last()
    assert (event.status, event.note, event.user) == ("accepted", "已受理", clerk)
    entry = logs(case, "services.change_status").get()
    assert entry.data == {"from": "submitted", "to": "accepted"}

    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert 'value="reviewing"' in html and 'value="sent"' not in html


def test_status_refuses_a_step_that_is_not_allowed(client, case, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("cases:status", args=[case.pk]),
        {"status": "sent", "current": "submitted"},
    )
    assert response.status_code == 200
    assert "不能改为“已寄出”" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert not logs(case, "services.change_status").exists()


def test_status_form_asks_why_and_notices_a_stale_page(client, case, clerk):
    client.force_login(clerk)
    url = reverse("cases:status", args=[case.pk])
    html = client.post(url, {"status": "rejected", "current": "submitted"}).content
    assert "请写明需补正的内容或不予受理的理由" in html.decode()
    logic.change_status(case, Status.ACCEPTED, clerk)
    html = client.post(url, {"status": "accepted", "current": "submitted"}).content
    assert "办件刚被他人处理过" in html.decode()
    assert Submission.objects.get(pk=case.pk).status == Status.ACCEPTED


def test_status_change_needs_the_change_permission(client, case, viewer):
    client.force_login(viewer)
    response = client.post(
        reverse("cases:status", args=[case.pk]),
        {"status": "accepted", "current": "submitted"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")
    assert Submission.objects.get(pk=case.pk).status == Status.SUBMITTED


# Files


def test_download_needs_the_reveal_permission(client, case, viewer):
    file = case.files.get()
    client.force_login(viewer)  # may see the case, masked: not the scans
    response = client.get(reverse("cases:download", args=[case.pk, file.pk]))
    assert response.status_code in (302, 403)
    assert not logs(case, "services.download_file").exists()


def test_download_streams_the_private_file_and_logs(client, case, revealer):
    viewer = revealer
    file = case.files.get()
    client.force_login(viewer)
    response = client.get(reverse("cases:download", args=[case.pk, file.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == file.file.open("rb").read()
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    entry = logs(case, "services.download_file").get()
    assert entry.user == viewer and entry.data == {"file": file.pk, "field": "证件照片"}


def test_download_only_through_its_own_case(client, form_page, revealer):
    first, second = make_case(form_page), make_case(form_page)
    client.force_login(revealer)
    url = reverse("cases:download", args=[second.pk, first.files.get().pk])
    assert client.get(url).status_code == 404


# Statistics


def test_stats_count_per_day_and_status(client, form_page, clerk):
    cases = [make_case(form_page) for _ in range(3)]
    logic.change_status(cases[0], Status.ACCEPTED, clerk)
    Submission.objects.filter(pk=cases[1].pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=45)
    )
    client.force_login(clerk)
    response = client.get(reverse("cases:stats"))
    assert response.status_code == 200
    assert response.context["month_total"] == 2
    assert response.context["total"] == 3
    counts = {s["label"]: s["count"] for s in response.context["statuses"]}
    assert counts["已受理"] == 1 and counts["已提交"] == 2
    assert response.context["days"][-1] == (timezone.localdate(), 2)
    assert "<svg" in response.content.decode()


# Questions answered in public (F15)

QUESTION = "护照丢失后多久可以补办？"


@pytest.fixture
def question_form(tree):
    return add(
        tree["interaction"],
        ServiceFormPage(
            title="咨询建议",
            slug="ask",
            kind=FormKind.QUESTION,
            form_fields=stream(
                ("textarea", field("question", "您的问题")),
                (
                    "declaration",
                    field(
                        "publish_consent",
                        "同意公开",
                        required=False,
                        statement="同意在隐去个人信息后公开问题和答复。",
                    ),
                ),
            ),
        ),
    )


def ask(form, consent: bool) -> Submission:
    answers = {"question": QUESTION, "contact_phone": PHONE}
    if consent:
        answers["publish_consent"] = True
    case, _created = logic.submit(form, answers, uuid.uuid4().hex)
    return case


def test_staff_publish_an_answer_from_the_case_page(client, question_form, staff):
    case = ask(question_form, consent=True)
    moderator = staff["moderator"]
    client.force_login(moderator)
    case_url = reverse("cases:inspect", args=[case.pk])
    answer_url = reverse("cases:answer", args=[case.pk])
    html = client.get(case_url).content.decode()
    assert "答复与公开" in html and answer_url in html and "发布问答" in html
    assert f"{QUESTION}</textarea>" in html  # prefilled from the citizen's question

    response = client.post(
        answer_url,
        {"question": "护照丢失后如何补办？", "answer": "挂失后即可申请补发。"},
    )
    assert response.status_code == 302 and response["Location"] == case_url
    page = AnswerPage.objects.get(case=case)
    assert page.live and page.get_parent().pk == question_form.pk
    assert (page.question, page.answer) == (
        "护照丢失后如何补办？",
        "挂失后即可申请补发。",
    )
    case.refresh_from_db()
    assert case.published and case.answer == "挂失后即可申请补发。"
    entry = logs(case, "services.publish_answer").get()
    assert entry.user == moderator and entry.data == {"page": page.pk, "updated": False}
    assert (
        str(dict(log_registry.get_choices())["services.publish_answer"]) == "公开问答"
    )

    html = client.get(case_url).content.decode()
    assert f"已发布公开的问答“{page.title}”" in html
    assert f'<a href="{page.url}" class="button button-small' in html  # its link
    assert f'<a href="{page.url}" target="_blank"' in html  # and the panel's
    assert "更新问答" in html and "发布问答" not in html
    assert "护照丢失后如何补办？</textarea>" in html  # now the published text

    client.post(
        answer_url, {"question": page.question, "answer": "补发约需七个工作日。"}
    )
    assert AnswerPage.objects.get().answer == "补发约需七个工作日。"
    assert logs(case, "services.publish_answer").latest("pk").data["updated"] is True
    history = client.get(reverse("cases:history", args=[case.pk])).content.decode()
    assert "发布了公开的问答" in history and "更新了公开的问答" in history


def test_an_empty_answer_stays_on_the_form(client, question_form, staff):
    case = ask(question_form, consent=True)
    client.force_login(staff["moderator"])
    response = client.post(
        reverse("cases:answer", args=[case.pk]), {"question": QUESTION, "answer": " "}
    )
    assert response.status_code == 200
    assert "问答未发布" in response.content.decode()
    assert response.context["answer_form"].errors["answer"]
    assert not AnswerPage.objects.exists()


def test_without_consent_nothing_is_published(client, question_form, staff):
    case = ask(question_form, consent=False)
    client.force_login(staff["moderator"])
    answer_url = reverse("cases:answer", args=[case.pk])
    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "提问人未同意公开" in html
    assert answer_url not in html and "发布问答" not in html

    response = client.post(answer_url, {"question": QUESTION, "answer": "答复"})
    assert response.status_code == 200
    assert "提问人未同意公开，不能发布。" in response.content.decode()
    assert not AnswerPage.objects.exists()
    assert not Submission.objects.get(pk=case.pk).published
    assert not logs(case, "services.publish_answer").exists()


def test_publishing_needs_the_change_permission(client, question_form, viewer):
    case = ask(question_form, consent=True)
    client.force_login(viewer)
    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "答复与公开" not in html
    response = client.post(
        reverse("cases:answer", args=[case.pk]),
        {"question": QUESTION, "answer": "答复"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not AnswerPage.objects.exists()


def test_only_question_cases_have_answers(client, case, clerk):
    client.force_login(clerk)
    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "答复与公开" not in html
    response = client.post(
        reverse("cases:answer", args=[case.pk]), {"question": "问", "answer": "答"}
    )
    assert response.status_code == 404
    assert not AnswerPage.objects.exists()
