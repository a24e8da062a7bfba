"""The form engine's API: list, schema, step checks, uploads, submit, case lookup."""

import datetime
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from wagtail.models import PageViewRestriction

from services import logic, references
from services.models import CaseFile, ServiceFormPage, Submission
from services.spec import input_fields
from tests.factories import add, make_guide
from tests.services.conftest import PASSPORT_FORM, field, jpeg, resident_id, stream

pytestmark = pytest.mark.django_db

PHONE = "13812345678"
ID_NUMBER = resident_id()
BAD_ID = ID_NUMBER[:-1] + ("1" if ID_NUMBER[-1] == "0" else "0")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 400
DOCUMENTS_FORM = stream(
    ("text", field("company", "单位名称", max_length=60)),
    ("file", field("licence", "营业执照", allowed_types=["pdf", "jpg"])),
    ("file", field("seal", "印模", allowed_types=["jpg", "png"], required=False)),
)


@pytest.fixture(autouse=True)
def fresh_counts():
    """Lookup budgets and rate limits live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def documents_form(tree) -> ServiceFormPage:
    """A one-step form with two file fields, one of them taking PDFs."""
    return add(
        tree["category"],
        ServiceFormPage(
            title="公章刻制备案", slug="seal-form", form_fields=DOCUMENTS_FORM
        ),
    )


def api(page, tail: str = "") -> str:
    return f"/api/v2/forms/{page.pk}/{tail}"


def upload(client, page, field_key="photo", content=None, name="photo.jpg"):
    data = jpeg() if content is None else content
    return client.post(
        api(page, "files/"),
        {"field": field_key, "file": SimpleUploadedFile(name, data)},
    )


def token_for(client, page, field_key="photo", content=None, name="photo.jpg") -> str:
    response = upload(client, page, field_key, content, name)
    assert response.status_code == 201, response.content
    return response.json()["token"]


def answers(photo: list[str], **changes) -> dict:
    """A complete, valid set of answers to the passport form, sent by courier."""
    data = {
        "applicant_name": "张三",
        "id_number": ID_NUMBER,
        "reason": "first",
        "photo": photo,
        "promise": True,
        "contact_phone": PHONE,
        "delivery": "courier",
        "recipient_name": "李四",
        "delivery_address": {"region": "110105", "detail": "建国路1号院3号楼"},
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, page, data, key: str | None = "app-key-0001"):
    headers = {} if key is None else {"HTTP_IDEMPOTENCY_KEY": key}
    return client.post(
        api(page, "submissions/"), data, content_type="application/json", **headers
    )


def validate(client, page, step, data):
    return client.post(
        api(page, "validate/"),
        {"step": step, "answers": data},
        content_type="application/json",
    )


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    return body


def invalid_names(response) -> set[str]:
    body = problem(response, 400)
    assert body["type"] == "/api/problems/invalid-parameters/"
    return {item["name"] for item in body["invalid_params"]}


def stored() -> tuple[int, int]:
    """How many cases there are, and how many files are attached to one."""
    return (
        Submission.objects.count(),
        CaseFile.objects.filter(submission__isnull=False).count(),
    )


def private_files() -> set[Path]:
    return {p for p in Path(settings.PRIVATE_ROOT).rglob("*") if p.is_file()}


def clean_pdf(javascript: str = "") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# The list of forms


def test_the_list_leaves_out_drafts_and_restricted_forms(client, tree, form_page):
    draft = ServiceFormPage(title="草稿表单", slug="draft-form", form_fields="[]")
    draft.live = False
    tree["category"].add_child(instance=draft)
    restricted = add(
        tree["category"],
        ServiceFormPage(title="内部表单", slug="staff-form", form_fields=PASSPORT_FORM),
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    guide = make_guide(tree["category"], title="护照指南", apply_form=form_page)

    listed = client.get("/api/v2/forms/").json()

    assert [item["title"] for item in listed] == ["普通护照申领"]
    assert listed[0]["id"] == form_page.pk
    assert listed[0]["url"] == "http://localhost" + form_page.url
    assert listed[0]["is_open"] is True
    assert listed[0]["guide"] == {
        "id": guide.pk,
        "title": "护照指南",
        "business": "exit_entry",
    }
    for hidden in (draft, restricted):
        problem(client.get(api(hidden)), 404)
        problem(upload(client, hidden), 404)
        problem(submit(client, hidden, answers([])), 404)
    assert not CaseFile.objects.exists()


def test_listing_forms_takes_the_same_queries_for_one_or_many(client, tree, form_page):
    def measure() -> tuple[int, int]:
        """Forms listed and queries of a warm request (caches filled before)."""
        cache.clear()
        assert client.get("/api/v2/forms/").status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v2/forms/")
        assert response.status_code == 200
        return len(response.json()), len(queries)

    forms_before, queries_before = measure()
    for n in range(4):
        form = add(
            tree["category"],
            ServiceFormPage(title=f"表单 {n}", slug=f"form-{n}", form_fields="[]"),
        )
        make_guide(tree["category"], apply_form=form)
    forms_after, queries_after = measure()

    assert (forms_before, forms_after) == (1, 5)
    assert queries_after == queries_before


# A form's schema


def test_the_schema_has_steps_keys_conditions_and_choices(client, form_page):
    schema = client.get(api(form_page)).json()

    assert schema["title"] == "普通护照申领" and schema["is_open"] is True
    assert [step["title"] for step in schema["steps"]] == [
        "申请人",
        "材料",
        "承诺",
        "联系与领取",
    ]
    keys = [[f["key"] for f in step["fields"]] for step in schema["steps"]]
    assert keys == [
        ["applicant_name", "id_number", "reason", "old_passport"],
        ["photo"],
        ["promise"],
        [
            "contact_phone",
            "delivery",
            "pickup_location",
            "recipient_name",
            "delivery_address",
        ],
    ]
    fields = {f["key"]: f for step in schema["steps"] for f in step["fields"]}
    assert fields["id_number"]["type"] == "resident_id"
    assert fields["reason"]["choices"] == [
        {"value": "first", "label": "首次申领"},
        {"value": "renew", "label": "换发"},
    ]
    assert fields["old_passport"]["condition"] == {"field": "reason", "value": "renew"}
    assert fields["reason"]["condition"] is None
    assert fields["photo"]["allowed_types"] == ["jpg", "png"]
    assert fields["photo"]["max_size"] == 1024 * 1024
    assert fields["promise"]["statement"] == "所填信息真实有效。"
    assert [c["label"] for c in fields["pickup_location"]["choices"]] == [
        "出入境接待大厅",
        "朝阳分局出入境窗口",
    ]
    courier = {"field": "delivery", "value": "courier"}
    assert fields["delivery_address"]["condition"] == courier


def test_guidance_html_has_links_the_app_can_follow(client, tree):
    guide = make_guide(tree["category"], title="办事指南")
    draft = ServiceFormPage(title="未发布", slug="unpublished", form_fields="[]")
    draft.live = False
    tree["category"].add_child(instance=draft)
    text = (
        f'<p>请先阅读<a linktype="page" id="{guide.pk}">办事指南</a>'
        f'和<a linktype="page" id="{draft.pk}">草稿</a>。</p>'
    )
    form = add(
        tree["category"],
        ServiceFormPage(
            title="带说明的表单",
            slug="guided",
            form_fields=stream(
                ("guidance", {"text": text}),
                ("text", field("topic", "事项", max_length=50)),
            ),
        ),
    )

    guidance = client.get(api(form)).json()["steps"][0]["fields"][0]

    assert guidance["type"] == "guidance"
    assert "key" not in guidance
    html = guidance["html"]
    assert f'href="http://localhost{guide.url}" data-page-id="{guide.pk}"' in html
    assert "<a>草稿</a>" in html  # no link to a page the public cannot see
    assert "linktype" not in html


# Checking a step


def test_a_good_step_passes_and_comes_back_masked(client, form_page):
    response = validate(
        client,
        form_page,
        0,
        {"applicant_name": "张三", "id_number": ID_NUMBER.lower(), "reason": "first"},
    )

    assert response.status_code == 200, response.content
    masked_id = ID_NUMBER[:3] + "*" * 11 + ID_NUMBER[-4:]
    assert response.json() == {  # identity data masked: never echoed
        "answers": {"applicant_name": "张*", "id_number": masked_id, "reason": "first"}
    }
    assert ID_NUMBER not in response.text


def test_a_bad_step_names_each_field_and_never_echoes_the_id(client, form_page):
    response = validate(
        client,
        form_page,
        0,
        {"applicant_name": "Zhang3", "id_number": BAD_ID, "reason": "lost"},
    )

    assert invalid_names(response) == {"applicant_name", "id_number", "reason"}
    reasons = {p["name"]: p["reason"] for p in response.json()["invalid_params"]}
    assert "校验位" in reasons["id_number"]
    assert BAD_ID not in response.content.decode()
    assert BAD_ID[:17] not in response.content.decode()


def test_a_conditional_field_is_required_only_when_shown(client, form_page):
    step = {"applicant_name": "张三", "id_number": ID_NUMBER}

    renew = validate(client, form_page, 0, {**step, "reason": "renew"})
    assert invalid_names(renew) == {"old_passport"}

    first = validate(
        client, form_page, 0, {**step, "reason": "first", "old_passport": "E12345678"}
    )
    assert first.status_code == 200, first.content
    assert "old_passport" not in first.json()["answers"]  # hidden: dropped

    renewed = validate(
        client, form_page, 0, {**step, "reason": "renew", "old_passport": "E12345678"}
    )
    assert renewed.json()["answers"]["old_passport"] == "E12345678"


def test_the_contact_step_asks_for_an_address_only_for_the_courier(client, form_page):
    earlier = answers([token_for(client, form_page)])
    courier = {k: v for k, v in earlier.items() if k != "delivery_address"}
    assert invalid_names(validate(client, form_page, 3, courier)) == {
        "delivery_address"
    }

    elsewhere = {**earlier, "delivery_address": {"region": "999999", "detail": "x"}}
    assert invalid_names(validate(client, form_page, 3, elsewhere)) == {
        "delivery_address"
    }

    pickup = {**courier, "delivery": "pickup", "pickup_location": "l2"}
    response = validate(client, form_page, 3, pickup)
    assert response.status_code == 200, response.content
    assert response.json()["answers"]["pickup_location"] == "l2"
    assert "recipient_name" not in response.json()["answers"]


@pytest.mark.parametrize("value", [{"number": "E1"}, ["E1"], True])
def test_an_answer_of_the_wrong_json_type_is_refused(client, form_page, value):
    """Not stored as the text of a Python object ("<object object at …>")."""
    answers_so_far = {"applicant_name": "张三", "id_number": ID_NUMBER}
    data = {**answers_so_far, "reason": "renew", "old_passport": value}

    response = validate(client, form_page, 0, data)

    assert invalid_names(response) == {"old_passport"}
    hidden = validate(client, form_page, 0, {**data, "reason": "first"})
    assert hidden.status_code == 200  # a hidden field's answer is dropped, not read
    empty = validate(client, form_page, 0, {**data, "old_passport": None})
    assert invalid_names(empty) == {"old_passport"}
    assert empty.json()["invalid_params"][0]["reason"] == "请填写此项。"


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ({"step": 4, "answers": {}}, {"step"}),
        ({"step": -1, "answers": {}}, {"step"}),
        ({"step": "0", "answers": {}}, {"step"}),
        ({"step": True, "answers": {}}, {"step"}),
        ({"answers": {}}, {"step"}),
        ({"step": 0, "answers": ["张三"]}, {"body"}),
        ({"step": 0, "answers": {"nickname": "x"}}, {"nickname"}),
    ],
)
def test_a_malformed_check_is_refused_by_name(client, form_page, body, names):
    response = client.post(
        api(form_page, "validate/"), body, content_type="application/json"
    )
    assert names <= invalid_names(response)


# Uploads


def test_a_jpeg_is_kept_privately_and_answers_with_a_token(client, form_page):
    response = upload(client, form_page, name="我的照片.jpg")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["content_type"] == "image/jpeg" and body["name"] == "我的照片.jpg"
    case_file = CaseFile.objects.get(token=body["token"])
    assert case_file.submission is None and case_file.field_key == "photo"
    path = Path(case_file.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.read_bytes()[:3] == b"\xff\xd8\xff"
    assert case_file.size == path.stat().st_size == body["size"]


@pytest.mark.parametrize(
    ("content", "name", "says"),
    [
        (EXE, "photo.jpg", "文件内容不是允许的类型"),
        (jpeg() + b"\0" * (1024 * 1024), "photo.jpg", "文件过大"),
        (clean_pdf(), "photo.pdf", "文件内容不是允许的类型"),  # PDF not allowed here
        (b"\xff\xd8\xff\xe0 truncated", "photo.jpg", "图片"),
    ],
    ids=["executable", "oversize", "pdf-not-allowed", "broken-jpeg"],
)
def test_a_bad_file_is_refused_and_not_kept(client, form_page, content, name, says):
    before = private_files()

    response = upload(client, form_page, content=content, name=name)

    assert invalid_names(response) == {"file"}
    assert says in response.json()["invalid_params"][0]["reason"]
    assert not CaseFile.objects.exists()
    assert private_files() == before


def test_a_pdf_with_javascript_is_refused(client, documents_form):
    good = upload(client, documents_form, "licence", clean_pdf(), "a.pdf")
    assert good.status_code == 201

    response = upload(client, documents_form, "licence", clean_pdf("app.alert(1)"))

    assert invalid_names(response) == {"file"}
    assert "脚本" in response.json()["invalid_params"][0]["reason"]
    assert CaseFile.objects.count() == 1


@pytest.mark.parametrize("key", ["nonsense", "applicant_name", ""])
def test_an_upload_for_no_file_field_is_refused(client, form_page, key):
    assert invalid_names(upload(client, form_page, key)) == {"field"}
    assert not CaseFile.objects.exists()


def test_an_upload_without_a_file_is_refused(client, form_page):
    response = client.post(api(form_page, "files/"), {"field": "photo"})
    assert invalid_names(response) == {"file"}


def test_uploads_have_their_own_rate_limit(client, form_page, settings):
    settings.API_RATE_LIMITS = {**settings.API_RATE_LIMITS, "submit": "2/hour"}
    assert upload(client, form_page).status_code == 201
    assert submit(client, form_page, {"nonsense": 1}).status_code == 400

    refused = upload(client, form_page)

    assert problem(refused, 429)["title"] == "请求过于频繁"
    assert int(refused["Retry-After"]) > 0
    assert client.get(api(form_page)).status_code == 200  # reading is not limited


def test_without_a_submit_limit_uploads_still_work(client, form_page, settings):
    settings.API_RATE_LIMITS = {"api": "1000/min", "search": "1000/min"}
    assert upload(client, form_page).status_code == 201


# Submitting


def test_a_valid_application_is_stored_once(client, form_page):
    token = token_for(client, form_page)

    first = submit(client, form_page, answers([token]))

    assert first.status_code == 201, first.content
    reference = first.json()["reference"]
    assert references.is_valid(reference)
    assert first.json()["status"] == "submitted"
    case = Submission.objects.get()
    assert case.reference == reference and case.page_id == form_page.pk
    assert [f.token for f in case.files.all()] == [token]
    assert list(case.events.values_list("status", flat=True)) == ["submitted"]

    again = submit(client, form_page, answers([token]))

    assert again.status_code == 200
    assert again.json()["reference"] == reference
    assert Submission.objects.count() == 1


def test_answers_to_hidden_fields_are_not_stored(client, form_page):
    token = token_for(client, form_page)
    data = answers(
        [token],
        old_passport="E12345678",  # shown only for a renewal
        delivery="pickup",
        pickup_location="l1",  # recipient and address: shown only for the courier
    )

    assert submit(client, form_page, data).status_code == 201

    case = Submission.objects.get()
    kept = logic.reveal(case.spec, case.form_data)
    assert set(kept) == {
        "applicant_name",
        "id_number",
        "reason",
        "photo",
        "promise",
        "contact_phone",
        "delivery",
        "pickup_location",
    }
    assert kept["id_number"] == ID_NUMBER and kept["pickup_location"] == "l1"


@pytest.mark.parametrize(
    ("key", "names"),
    [
        (None, {"Idempotency-Key"}),
        ("short", {"Idempotency-Key"}),
        ("k" * 65, {"Idempotency-Key"}),
        ("钥匙钥匙钥匙钥匙钥匙", {"Idempotency-Key"}),
    ],
)
def test_a_missing_or_bad_idempotency_key_is_refused(client, form_page, key, names):
    token = token_for(client, form_page)
    assert invalid_names(submit(client, form_page, answers([token]), key)) == names
    assert stored() == (0, 0)


def bad_submissions(client, form_page, documents_form):
    """(what is wrong, answers, the field named) for the passport form.

    A token for another field of the same form: see the documents form below.
    """
    mine = token_for(client, form_page)
    theirs = token_for(client, documents_form, "seal")
    used = token_for(client, form_page)
    assert submit(client, form_page, answers([used]), "used-once-01").status_code == 201
    return [
        ("unknown field", answers([mine], nickname="小张"), "nickname"),
        ("check digit", answers([mine], id_number=BAD_ID), "id_number"),
        ("token of another form", answers([theirs]), "photo"),
        ("token already used", answers([used]), "photo"),
        ("made-up token", answers(["x" * 32]), "photo"),
        ("not a token list", answers([{"token": mine}]), "photo"),
        ("hidden field required", answers([mine], reason="renew"), "old_passport"),
        ("no declaration", answers([mine], promise=False), "promise"),
        ("no phone", answers([mine], contact_phone=None), "contact_phone"),
        (
            "bad district",
            answers([mine], delivery_address={"region": "1"}),
            "delivery_address",
        ),
    ]


def test_nothing_is_stored_for_any_refused_submission(
    client, form_page, documents_form
):
    cases = bad_submissions(client, form_page, documents_form)
    before = stored()
    assert before == (1, 1)

    for number, (what, data, name) in enumerate(cases):
        response = submit(client, form_page, data, f"refused-key-{number:02d}")
        names = invalid_names(response)
        assert name in names, (what, names)
        assert stored() == before, what


def test_a_token_for_another_field_of_the_same_form_is_refused(client, documents_form):
    seal = token_for(client, documents_form, "seal")
    data = {"company": "某某公司", "licence": [seal], "contact_phone": PHONE}

    assert invalid_names(submit(client, documents_form, data)) == {"licence"}
    assert stored() == (0, 0)


def test_an_invalid_id_is_refused_without_repeating_it(client, form_page):
    token = token_for(client, form_page)

    response = submit(client, form_page, answers([token], id_number=BAD_ID))

    assert invalid_names(response) == {"id_number"}
    assert BAD_ID[:17] not in response.content.decode()
    assert stored() == (0, 0)


def test_a_closed_or_not_yet_open_form_refuses(client, form_page):
    token = token_for(client, form_page)
    now = timezone.now()
    form_page.closes_at = now - datetime.timedelta(minutes=1)
    form_page.save_revision().publish()

    refused = submit(client, form_page, answers([token]))

    assert invalid_names(refused) == {"page_id"}
    assert "不接受提交" in refused.json()["detail"]
    assert client.get(api(form_page)).json()["is_open"] is False

    form_page.closes_at = None
    form_page.opens_at = now + datetime.timedelta(days=1)
    form_page.save_revision().publish()
    assert invalid_names(submit(client, form_page, answers([token]), "key-002-xyz"))
    assert stored() == (0, 0)


@pytest.mark.parametrize("meanwhile", ["validate_answers", "check_files"])
def test_a_retry_racing_the_first_attempt_gets_its_receipt(
    client, form_page, monkeypatch, meanwhile
):
    """The first attempt is saved while the retry is being checked (after its
    answers, or after its files): the retry answers with the first receipt."""
    token = token_for(client, form_page)
    original = getattr(logic, meanwhile)
    first = []

    def first_attempt_lands(*args):
        result = original(*args)
        monkeypatch.setattr(logic, meanwhile, original)
        first.append(logic.submit(form_page, answers([token]), "race-key-0001")[0])
        return result

    monkeypatch.setattr(logic, meanwhile, first_attempt_lands)

    response = submit(client, form_page, answers([token]), "race-key-0001")

    assert response.status_code == 200, response.content
    assert response.json()["reference"] == first[0].reference
    assert Submission.objects.count() == 1
    assert [f.token for f in Submission.objects.get().files.all()] == [token]


def test_a_file_taken_meanwhile_by_another_application_is_refused(
    client, form_page, monkeypatch
):
    """Two applications name one upload: the second to save gets a 400, no case."""
    token = token_for(client, form_page)
    check_files = logic.check_files

    def other_application_lands_meanwhile(page, spec, data):
        found = check_files(page, spec, data)
        monkeypatch.setattr(logic, "check_files", check_files)
        logic.submit(page, data, "other-key-0001")
        return found

    monkeypatch.setattr(logic, "check_files", other_application_lands_meanwhile)

    response = submit(client, form_page, answers([token]), "late-key-0001")

    assert invalid_names(response) == {"photo"}
    assert stored() == (1, 1)
    assert Submission.objects.get().idempotency_key == "other-key-0001"


# What is stored


def test_personal_answers_are_stored_encrypted_and_files_privately(client, form_page):
    token = token_for(client, form_page)
    assert submit(client, form_page, answers([token])).status_code == 201
    case = Submission.objects.get()

    for key in ("applicant_name", "id_number", "contact_phone", "delivery_address"):
        assert case.form_data[key].startswith("enc:"), key
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {Submission._meta.db_table} WHERE id = %s",  # noqa: S608
            [case.pk],
        )
        row = " ".join(str(value) for value in cursor.fetchone())
    for secret in (ID_NUMBER[:17], PHONE, "张三", "建国路"):
        assert secret not in row, secret
    assert logic.reveal(case.spec, case.form_data)["id_number"] == ID_NUMBER

    path = Path(case.files.get().file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.exists()
    media_files = [p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert path.name not in media_files


# Looking a case up


def submitted_case(client, form_page) -> Submission:
    token = token_for(client, form_page)
    assert submit(client, form_page, answers([token])).status_code == 201
    return Submission.objects.get()


def lookup(client, reference: str, last4: str, address: str = "192.0.2.10"):
    return client.get(
        f"/api/v2/cases/{reference}/",
        {"phone_last4": last4},
        REMOTE_ADDR=address,
    )


def test_the_right_reference_and_digits_show_the_history(client, form_page):
    case = submitted_case(client, form_page)
    logic.change_status(case, "accepted", user=None, note="材料齐全，已受理。")

    typed = case.display_reference.lower()  # as a citizen may type it
    response = lookup(client, typed, PHONE[-4:])

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["reference"] == case.display_reference
    assert body["form"] == "普通护照申领"
    assert body["status"] == "accepted" and body["status_label"] == "已受理"
    assert [(e["status"], e["note"]) for e in body["history"]] == [
        ("submitted", ""),
        ("accepted", "材料齐全，已受理。"),
    ]
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response and "Last-Modified" not in response
    assert PHONE not in response.content.decode()


def test_a_wrong_number_and_an_unknown_case_look_the_same(client, form_page):
    case = submitted_case(client, form_page)
    unknown = references.new_reference()

    wrong_digits = lookup(client, case.reference, "0000")
    no_such_case = lookup(client, unknown, PHONE[-4:])

    problem(wrong_digits, 404)
    assert wrong_digits.content == no_such_case.content
    assert wrong_digits["Cache-Control"] == no_such_case["Cache-Control"]
    assert wrong_digits["Cache-Control"] == "private, no-store"


def test_too_many_failed_lookups_are_refused_for_an_hour(client, form_page, settings):
    settings.LOOKUP_FAILURES_PER_HOUR = 3
    case = submitted_case(client, form_page)
    for _ in range(3):
        problem(lookup(client, case.reference, "0000"), 404)

    refused = lookup(client, case.reference, PHONE[-4:])  # even the right one

    body = problem(refused, 429)
    assert body["title"] == "请求过于频繁"
    assert 0 < int(refused["Retry-After"]) <= 3601
    assert refused["Cache-Control"] == "private, no-store"
    assert lookup(client, case.reference, PHONE[-4:], "198.51.100.1").status_code == 200


def test_an_anonymous_case_cannot_be_looked_up(client, tree):
    """A case without a phone matches no four digits, not even 0000."""
    anonymous = add(
        tree["category"],
        ServiceFormPage(
            title="匿名举报",
            slug="anonymous",
            form_fields=stream(("textarea", field("details", "情况", max_length=200))),
            contact_required=False,
        ),
    )
    created = submit(client, anonymous, {"details": "某处有隐患。"})
    assert created.status_code == 201, created.content
    reference = created.json()["reference"]
    assert Submission.objects.get().phone == ""

    for digits in ("0000", "1234"):
        problem(lookup(client, reference, digits), 404)


def test_a_malformed_lookup_is_a_400_that_costs_nothing(client, form_page, settings):
    settings.LOOKUP_FAILURES_PER_HOUR = 1
    case = submitted_case(client, form_page)
    for digits in ("", "123", "12345", "12a4", "١٢٣٤"):
        assert invalid_names(lookup(client, case.reference, digits)) == {"phone_last4"}
    assert lookup(client, case.reference, PHONE[-4:]).status_code == 200


# Editing a form after submissions


def test_old_cases_keep_the_form_they_were_answered_on(client, form_page):
    case = submitted_case(client, form_page)
    old_spec = json.loads(json.dumps(case.spec))

    edited = [
        child
        for child in form_page.form_fields.raw_data
        if child["value"].get("key") not in {"id_number", "promise"}
    ]
    for child in edited:
        if child["value"].get("key") == "reason":
            child["value"]["label"] = "办理类型"
            child["value"]["choices"][0]["label"] = "首次"
        if child["value"].get("key") == "applicant_name":
            child["value"]["label"] = "申请人姓名"
    form_page = ServiceFormPage.objects.get(pk=form_page.pk)
    form_page.form_fields = json.dumps(edited)
    form_page.save_revision().publish()

    now = client.get(api(form_page)).json()
    now_keys = {f.get("key") for step in now["steps"] for f in step["fields"]}
    assert "id_number" not in now_keys and "promise" not in now_keys
    case.refresh_from_db()
    assert case.spec == old_spec
    revealed = logic.reveal(case.spec, case.form_data)
    shown = {
        f["label"]: logic.plain(f, revealed.get(f["key"]))
        for f in input_fields(case.spec)
    }
    assert shown["申请事由"] == "首次申领"
    assert shown["姓名"] == "张三"
    assert shown["我承诺"] == "已确认"
    assert shown["身份证号码"] == ID_NUMBER
    fields = {f["key"]: f for f in input_fields(case.spec)}
    masked_id = logic.masked(fields["id_number"], revealed["id_number"])
    assert masked_id != ID_NUMBER and masked_id[:1] == ID_NUMBER[:1]
    assert "*" in masked_id
    assert logic.masked(fields["applicant_name"], "张三") == "张*"
    assert logic.masked(fields["contact_phone"], PHONE) == "138****5678"
    # A new application follows the new form: the removed field is unknown now.
    token = token_for(client, form_page)
    assert "id_number" in invalid_names(
        submit(client, form_page, answers([token]), "after-edit-01")
    )


def test_json_nested_too_deep_is_a_bad_request_not_a_crash(client, form_page):
    """Python's JSON decoder recurses per level; 5,000 levels overflow its stack."""
    deep = b'{"step": 0, "answers": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    for path in ("validate/", "submissions/"):
        response = client.post(
            f"/api/v2/forms/{form_page.pk}/{path}",
            deep,
            content_type="application/json",
            headers={"Idempotency-Key": "deep-json-0001"},
        )
        assert response.status_code == 400, response.content
        assert response["Content-Type"].startswith("application/problem+json")
