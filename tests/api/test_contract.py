"""The app's journeys through a client that knows only the published schema."""

import io

import pytest

from tests.api.schema_client import SchemaClient

pytestmark = pytest.mark.live


def test_app_home_guide_news_page_two_and_search(api_site):
    client = SchemaClient(api_site["url"])

    home = client.call("app_home").json()
    blocks = {block["type"]: block["value"] for block in home["blocks"]}
    assert set(blocks) == {
        "banner",
        "section",
        "news",
        "services",
        "social",
        "hotlines",
    }
    headlines = blocks["news"]["items"]
    assert [item["is_pinned"] for item in headlines[:2]] == [True, True]
    assert not any(item["is_pinned"] for item in headlines[2:])
    assert blocks["banner"]["image"]["url"].startswith(api_site["url"])
    assert [r["width"] for r in blocks["banner"]["image"]["renditions"]] == [360, 640]

    services = {item["title"]: item for item in blocks["services"]["items"]}
    assert set(services) == {"普通护照申领", "外国人签证延期"}
    service = services["普通护照申领"]
    guide = client.follow(service["detail_url"]).json()
    assert guide["meta"]["type"] == "guides.GuidePage"
    assert guide["materials"][0]["value"]["name"] == "居民身份证"
    assert guide["teaser_image"]["alt"] == "警徽"

    first = client.call("news_feed", limit=5).json()
    pinned = [item for item in first["items"] if item["is_pinned"]]
    assert len(pinned) == 2 and first["items"][:2] == pinned
    second = client.follow(first["meta"]["next"]).json()
    seen = {item["id"] for item in first["items"]}
    assert len(second["items"]) == 5
    assert not seen & {item["id"] for item in second["items"]}
    dates = [item["date"] for item in first["items"][2:] + second["items"]]
    assert dates == sorted(dates, reverse=True)

    found = client.call(
        "pages_list", search="护照", type="guides.GuidePage", fields="title"
    ).json()
    assert "普通护照申领" in [item["title"] for item in found["items"]]

    missing = client.call("pages_detail", path={"id": 999999})
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"


# An application, as the app makes it from the published schema alone.

PHONE = "13712345678"


@pytest.fixture
def api_form(api_site):
    """The passport form (three steps, conditions, a photo) on the live site."""
    # Project imports for the setup only, here: the journey uses the schema alone.
    from django.core.cache import cache

    from services.models import ServiceFormPage
    from tests.factories import add
    from tests.services.conftest import PASSPORT_FORM

    cache.clear()  # lookup budgets other tests in this process may have spent
    return add(
        api_site["category"],
        ServiceFormPage(
            title="普通护照申领",
            slug="passport-form",
            form_fields=PASSPORT_FORM,
            pickup_allowed=True,
            pickup_locations="出入境接待大厅",
            courier_allowed=True,
        ),
    )


def resident_id(body: str = "11010519900307123") -> str:
    """A resident ID with its ISO 7064 MOD 11-2 check character."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def photo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (30, 60, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def is_shown(condition, answers: dict) -> bool:
    if not condition:
        return True
    answer = answers.get(condition["field"])
    if isinstance(answer, list):
        return condition["value"] in answer
    return answer is not None and str(answer) == condition["value"]


def answer_for(client, form_id: int, field: dict):
    """What a citizen enters, by the field's published type (last choice taken,
    so that the conditional fields after it show)."""
    kind = field["type"]
    if kind == "file":
        uploaded = client.send(
            "forms_upload",
            {"page_id": form_id},
            data={"field": field["key"]},
            files={"file": ("照片.jpg", photo(), "image/jpeg")},
        )
        assert uploaded.status_code == 201, uploaded.text
        return [uploaded.json()["token"]]
    if kind == "choice":
        return field["choices"][-1]["value"]
    return {
        "name": "张三",
        "resident_id": resident_id(),
        "text": "E12345678",
        "mobile": PHONE,
        "declaration": True,
        "address": {"region": "110105", "detail": "建国路1号院"},
    }[kind]


def test_a_citizen_applies_in_the_app_and_looks_the_case_up(api_site, api_form):
    client = SchemaClient(api_site["url"])

    listed = client.call("forms_list").json()
    form_id = next(f["id"] for f in listed if f["title"] == "普通护照申领")
    schema = client.call("forms_detail", path={"page_id": form_id}).json()
    answers: dict = {}
    for number, step in enumerate(schema["steps"]):
        if not is_shown(step["condition"], answers):
            continue
        for field in step["fields"]:
            if field["type"] != "guidance" and is_shown(field["condition"], answers):
                answers[field["key"]] = answer_for(client, form_id, field)
        checked = client.send(
            "forms_validate",
            {"page_id": form_id},
            json={"step": number, "answers": answers},
        )
        assert checked.status_code == 200, checked.text
        # The echo is for showing (identity data masked), not for sending back.
        assert set(checked.json()["answers"]) <= set(answers)
    assert {"old_passport", "recipient_name", "delivery_address"} <= set(answers)

    key = {"Idempotency-Key": "contract-application-0001"}
    submitted = client.send(
        "forms_submit", {"page_id": form_id}, json=answers, headers=key
    )
    assert submitted.status_code == 201, submitted.text
    reference = submitted.json()["reference"]
    retried = client.send(
        "forms_submit", {"page_id": form_id}, json=answers, headers=key
    )
    assert (retried.status_code, retried.json()["reference"]) == (200, reference)

    case = client.call(
        "cases_detail", path={"reference": reference}, phone_last4=PHONE[-4:]
    )
    assert case.status_code == 200, case.text
    assert case.json()["form"] == "普通护照申领"
    assert [event["status"] for event in case.json()["history"]] == ["submitted"]
    assert case.headers["Cache-Control"] == "private, no-store"
    wrong = client.call(
        "cases_detail", path={"reference": reference}, phone_last4="0000"
    )
    assert wrong.status_code == 404
    assert wrong.headers["Content-Type"] == "application/problem+json"


# A museum visit, booked, found and cancelled as the app does it from the schema.


def test_a_citizen_books_a_visit_in_the_app_and_cancels_it(api_site):
    from django.core.cache import cache

    cache.clear()  # lookup budgets other tests in this process may have spent
    client = SchemaClient(api_site["url"])

    offers = client.call("booking_offers").json()
    offer = next(o for o in offers if o["slug"] == "museum-visit")
    assert offer["links"]["web"] == f"{api_site['url']}/booking/museum-visit/"
    assert offer["rules"]["party_cap"] >= 2
    days = client.follow(offer["links"]["availability"]).json()["days"]
    day = next(d for d in days if d["bookable"])
    slot = next(s for s in day["slots"] if s["bookable"])

    number = resident_id()
    body = {
        "offer": offer["id"],
        "slot": slot["id"],
        "phone": PHONE,
        "visitors": [
            {"name": "张三", "document_type": "resident_id", "document_number": number}
        ],
    }
    key = {"Idempotency-Key": "contract-booking-0001"}
    made = client.send("booking_create", json=body, headers=key)
    assert made.status_code == 201, made.text
    booking = made.json()
    assert number not in made.text
    assert booking["visitors"][0]["document_masked"].count("*") == 11
    assert made.headers["Cache-Control"] == "private, no-store"
    retried = client.send("booking_create", json=body, headers=key)
    assert (retried.status_code, retried.json()["token"]) == (200, booking["token"])
    twice = client.send(
        "booking_create", json=body, headers={"Idempotency-Key": "contract-booking-2"}
    )
    assert twice.status_code == 409, twice.text
    assert twice.json()["type"] == "/api/problems/booking-already-booked/"
    assert number not in twice.text

    found = client.follow(booking["links"]["self"])
    assert found.json()["token"] == booking["token"]
    assert "ETag" not in found.headers
    qr = client.follow(booking["links"]["qr_svg"])
    assert qr.headers["Content-Type"] == "image/svg+xml"
    calendar = client.follow(booking["links"]["calendar_ics"])
    assert "BEGIN:VCALENDAR" in calendar.text and number not in calendar.text
    wrong = client.call(
        "booking_detail", path={"token": booking["token"]}, phone_last4="0000"
    )
    assert wrong.status_code == 404

    token = {"token": booking["token"]}
    cancelled = client.send("booking_cancel", token, json={"phone_last4": PHONE[-4:]})
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] in {"cancelled", "late_cancelled"}
    again = client.send("booking_cancel", token, json={"phone_last4": PHONE[-4:]})
    assert again.status_code == 409
    assert again.json()["type"] == "/api/problems/booking-cannot-cancel/"
