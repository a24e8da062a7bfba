"""Bad and hostile input to the citizen's form pages and the form API: a clear
message, nothing stored, never a 500."""

import json
import re
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from services import logic
from services.models import CaseFile, Submission
from tests.services.conftest import jpeg, resident_id

pytestmark = pytest.mark.django_db

ID_NUMBER = resident_id(region="110108", birth="19851120", sequence="456")
BAD_ID = ID_NUMBER[:-1] + ("1" if ID_NUMBER[-1] == "0" else "0")
PHONE = "15012345678"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 400
APPLICANT = {"applicant_name": "王五", "id_number": ID_NUMBER, "reason": "first"}
PROMISE = {"promise": "on"}
COURIER = {
    "contact_phone": PHONE,
    "delivery": "courier",
    "recipient_name": "王五",
    "delivery_address_0": "110108",
    "delivery_address_1": "中关村大街1号",
}
ERROR = re.compile(r'<p class="form-error"[^>]*>([^<]*)</p>')
HOSTILE = [
    "",
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "😀" * 50,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "١٢٣٤",
    "-1",
    "99999999999999999999999",
    "1e309",
]


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def photo(content: bytes | None = None, name: str = "photo.jpg"):
    return SimpleUploadedFile(name, jpeg() if content is None else content)


def step_url(page, number) -> str:
    return f"{page.url}step/{number}/"


def post_step(client, page, number, data):
    return client.post(step_url(page, number), data)


def answer_steps(client, page, *steps: dict) -> None:
    """Answer the first steps in order, each accepted (a redirect onwards)."""
    for number, data in enumerate(steps):
        response = post_step(client, page, number, data)
        assert response.status_code == 302, (number, errors_of(response))


def errors_of(response) -> list[str]:
    """The messages shown under the fields, in page order."""
    return ERROR.findall(response.content.decode())


def answer_all(client, page, last=None) -> None:
    answer_steps(client, page, APPLICANT, {"photo": photo()}, PROMISE, last or COURIER)


def nothing_stored() -> bool:
    return not Submission.objects.exists() and not CaseFile.objects.exists()


# Each step


def test_a_wrong_check_digit_is_explained_and_nothing_is_kept(client, form_page):
    response = post_step(client, form_page, 0, {**APPLICANT, "id_number": BAD_ID})

    assert response.status_code == 400
    assert errors_of(response) == [
        "居民身份证号码的校验位与前17位不符，请逐位核对后重新填写。"
    ]
    assert BAD_ID not in response.text  # not even written back into the input
    assert nothing_stored()
    later = client.get(step_url(form_page, 1))
    assert later.status_code == 302 and later["Location"] == step_url(form_page, 0)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (EXE, "文件内容不是允许的类型（JPG、PNG），请检查后重新上传。"),
        (jpeg() + b"\0" * (1024 * 1024), "文件过大：每个文件不能超过 1 MB。"),
    ],
    ids=["renamed-executable", "oversize"],
)
def test_a_bad_file_is_refused_with_a_clear_message(client, form_page, content, says):
    answer_steps(client, form_page, APPLICANT)

    response = post_step(client, form_page, 1, {"photo": photo(content)})

    assert response.status_code == 400
    assert errors_of(response) == [says]
    assert nothing_stored()
    assert client.get(step_url(form_page, 2))["Location"] == step_url(form_page, 1)


def test_missing_answers_are_asked_for_field_by_field(client, form_page):
    empty = post_step(client, form_page, 0, {})
    assert errors_of(empty) == ["请填写此项。"] * 3  # the hidden field is not asked

    renew = post_step(client, form_page, 0, {**APPLICANT, "reason": "renew"})
    assert errors_of(renew) == ["请填写此项。"]
    assert 'data-key="old_passport"' in renew.content.decode()

    answer_steps(client, form_page, APPLICANT, {"photo": photo()}, PROMISE)
    courier = {"contact_phone": PHONE, "delivery": "courier"}
    no_address = post_step(client, form_page, 3, courier)
    assert errors_of(no_address) == ["请填写此项。"] * 2
    assert not Submission.objects.exists()
    assert CaseFile.objects.get().submission is None  # the photo, not yet used


def test_no_step_can_be_skipped(client, form_page):
    skipped = post_step(client, form_page, 2, PROMISE)
    assert skipped.status_code == 302
    assert skipped["Location"] == step_url(form_page, 0)

    check = client.post(f"{form_page.url}check/")
    assert check["Location"] == step_url(form_page, 0)

    answer_steps(client, form_page, APPLICANT)
    for number in (2, 3):
        jumped = post_step(client, form_page, number, COURIER)
        assert jumped["Location"] == step_url(form_page, 1)
    assert client.post(f"{form_page.url}check/")["Location"] == step_url(form_page, 1)
    assert not Submission.objects.exists()


def test_answers_to_hidden_fields_never_reach_the_case(client, form_page):
    pickup = {**COURIER, "delivery": "pickup", "pickup_location": "l2"}
    answer_steps(
        client,
        form_page,
        {**APPLICANT, "old_passport": "E12345678"},
        {"photo": photo()},
        PROMISE,
        pickup,
    )

    done = client.post(f"{form_page.url}check/")

    assert done["Location"] == f"{form_page.url}done/"
    case = Submission.objects.get()
    answers = logic.reveal(case.spec, case.form_data)
    assert answers["delivery"] == "pickup" and answers["pickup_location"] == "l2"
    hidden = {"old_passport", "recipient_name", "delivery_address"}
    assert not hidden & set(answers)
    assert "E12345678" not in json.dumps(case.form_data)


# The final submit


def test_submitting_twice_makes_one_case_and_shows_its_reference(client, form_page):
    answer_all(client, form_page)

    first = client.post(f"{form_page.url}check/")
    again = client.post(f"{form_page.url}check/")

    assert first["Location"] == f"{form_page.url}done/"
    assert again.status_code == 302  # the answers are gone: start again
    assert again["Location"] == step_url(form_page, 0)
    case = Submission.objects.get()
    assert case.files.count() == 1
    done = client.get(f"{form_page.url}done/")
    assert done.status_code == 200
    assert case.display_reference in done.content.decode()


def test_two_quick_submits_from_one_session_make_one_case(client, form_page):
    """The second POST left before the first answered: it carries the same state."""
    answer_all(client, form_page)
    state = dict(client.session.items())

    first = client.post(f"{form_page.url}check/")
    session = client.session
    session.update(state)  # as the second request still saw it
    session.save()
    second = client.post(f"{form_page.url}check/")

    assert first["Location"] == second["Location"] == f"{form_page.url}done/"
    case = Submission.objects.get()
    done = client.get(f"{form_page.url}done/")
    assert case.display_reference in done.content.decode()


def test_the_done_page_without_a_submission_goes_back_to_the_form(client, form_page):
    response = client.get(f"{form_page.url}done/")
    assert response.status_code == 302 and response["Location"] == form_page.url


# Hostile values: never a 500


def test_hostile_values_in_every_step_never_break_the_form(form_page):
    """Every field of a step gets the value at once (Django checks each field
    apart), with the choices that show the conditional fields held fixed."""
    client = Client(raise_request_exception=False)
    steps = {
        0: [["applicant_name", "id_number", "old_passport"], {"reason": "renew"}],
        1: [["photo"], {}],
        2: [["promise"], {}],
        3: [
            ["contact_phone", "recipient_name", "delivery_address_0"],
            {"delivery": "courier"},
        ],
    }
    answer_all(client, form_page)
    failures = []
    for number, (keys, shown) in steps.items():
        for value in HOSTILE:
            for fixed in (shown, dict.fromkeys(shown, value)):
                data = {**dict.fromkeys(keys, value), **fixed}
                if number == 3:
                    data["delivery_address_1"] = data["pickup_location"] = value
                response = post_step(client, form_page, number, data)
                if response.status_code >= 500:
                    failures.append(f"step {number} {value!r:.20}")
                if "<script>" in response.content.decode(errors="replace"):
                    failures.append(f"unescaped echo at step {number}")
    for path in ("step/4/", "step/99999999999999999999/", "check/", "done/", "x/"):
        response = client.get(form_page.url + path)
        if response.status_code >= 500:
            failures.append(path)
    assert not failures, failures
    assert not Submission.objects.exists()


def test_hostile_values_to_the_form_api_are_problems_not_500s(client, form_page):
    client = Client(raise_request_exception=False)
    base = f"/api/v2/forms/{form_page.pk}/"
    failures = []

    def expect_problem(response, what: str) -> None:
        if response.status_code >= 500 or "json" not in response["Content-Type"]:
            failures.append(f"{response.status_code} {what}")

    keys = ["applicant_name", "id_number", "reason", "photo", "delivery_address"]
    for key in [*keys, "\x00", "x" * 1000]:
        for value in [*HOSTILE, None, True, [], {}, [[]], {"region": "\x00"}, 1e308]:
            for tail, body in (
                ("validate/", {"step": 0, "answers": {key: value}}),
                ("submissions/", {key: value}),
            ):
                response = client.post(
                    base + tail,
                    body,
                    content_type="application/json",
                    HTTP_IDEMPOTENCY_KEY="hostile-key-0001",
                )
                expect_problem(response, f"{tail} {key[:10]!r}={value!r:.20}")
    for value in HOSTILE:
        response = client.post(
            base + "submissions/",
            {},
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY=value[:200].encode("utf-8").decode("latin-1"),
        )
        expect_problem(response, f"idempotency key {value[:20]!r}")
        for name in (value, f"{value}.jpg"):
            response = client.post(
                base + "files/",
                {"field": "photo", "file": photo(name=name[:200] or "x")},
            )
            if response.status_code >= 500:
                failures.append(f"upload named {name[:20]!r}")
        response = client.post(base + "files/", {"field": value, "file": photo()})
        expect_problem(response, f"upload field {value[:20]!r}")
        for raw in (value, quote(value, safe="")):
            response = client.get(
                f"/api/v2/cases/{quote(raw, safe='')}/", {"phone_last4": value}
            )
            expect_problem(response, f"case {value[:20]!r}")
    for body in (b"", b"{", b"[]", b'"x"', b"null", b"\xff\xfe", b'{"step": 1e999}'):
        for tail in ("validate/", "submissions/"):
            response = client.generic(
                "POST",
                base + tail,
                body,
                content_type="application/json",
                HTTP_IDEMPOTENCY_KEY="hostile-key-0002",
            )
            expect_problem(response, f"{tail} raw {body!r}")
    for page_id in ("0", "99999999999999999999999", "2147483648"):
        expect_problem(client.get(f"/api/v2/forms/{page_id}/"), f"form {page_id}")
    assert not failures, "\n".join(failures[:40])
    assert not Submission.objects.exists()
