"""The booking API of the app: offers, availability, book, look up, tickets, cancel."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from services import references
from services.booking.models import (
    Booking,
    BookingStatus,
    Closure,
    Day,
    Slot,
    Visitor,
)
from services.booking.people import Person
from services.booking.schedule import MAX_RANGE_DAYS, generate_days, window
from tests.booking.conftest import make_offer, new_id, person, slot_on

pytestmark = pytest.mark.django_db

PHONE = "13812345678"
OFFERS = "/api/v2/booking/offers/"
BOOKINGS = "/api/v2/booking/bookings/"
# An 18-character identity number anywhere in a body is a leak (masked ones have *).
WHOLE_ID = re.compile(r"[0-9]{17}[0-9Xx]")


@pytest.fixture(autouse=True)
def fresh_counts():
    """Lookup budgets and rate limits live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


class Api:
    """The test client as the app calls the API; it keeps every body it was given."""

    def __init__(self, client):
        self.client = client
        self.bodies: list[str] = []
        self.secrets: set[str] = set()

    def keep(self, response):
        self.bodies.append(response.content.decode("utf-8", "replace"))
        return response

    def get(self, url: str, **params):
        return self.keep(self.client.get(url, params))

    def post(self, url: str, body, key: str | None = "app-key-0001", **kwargs):
        headers = {"Idempotency-Key": key} if key else {}
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        kwargs.setdefault("content_type", "application/json")
        return self.keep(self.client.post(url, data, headers=headers, **kwargs))


@pytest.fixture
def api(client):
    """After the test: no whole document number in anything the API answered."""
    api = Api(client)
    yield api
    for body in api.bodies:
        assert not WHOLE_ID.search(body), body[:500]
        for secret in api.secrets:
            assert secret not in body, body[:500]


def body_for(at, visitors=None, phone=PHONE, **changes) -> dict:
    """A booking of the slot `at` (changes replace or add properties)."""
    body = {
        "offer": at.day.offer_id,
        "slot": at.pk,
        "phone": phone,
        "visitors": [person()] if visitors is None else visitors,
    }
    body.update(changes)
    return body


def book(api, at, visitors=None, key="app-key-0001", **changes):
    return api.post(BOOKINGS, body_for(at, visitors, **changes), key=key)


def booked(api, at, visitors=None, key="app-key-0001", **changes) -> dict:
    response = book(api, at, visitors, key, **changes)
    assert response.status_code == 201, response.content[:500]
    return response.json()


def problem(response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"] == (f"/api/problems/{kind}/" if kind else "about:blank")
    assert body["title"] and body["detail"]
    return body


def named(body: dict) -> dict[str, str]:
    return {item["name"]: item["reason"] for item in body.get("invalid_params", [])}


def state(slot) -> tuple:
    """What a refused request must leave as it was."""
    slot.refresh_from_db()
    day = Day.objects.get(pk=slot.day_id)
    return Booking.objects.count(), Visitor.objects.count(), slot.booked, day.booked


def refused(api, at, status, kind, visitors=None, key="app-key-0001", **changes):
    """Book, expecting a refusal that stores nothing; the problem document."""
    before = state(at)
    body = problem(book(api, at, visitors, key, **changes), status, kind)
    assert state(at) == before
    return body


def lookup(api, token: str, last4: str = PHONE[-4:], tail: str = ""):
    return api.get(f"{BOOKINGS}{token}/{tail}", phone_last4=last4)


def assert_personal(response) -> None:
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")


# Offers and availability ------------------------------------------------------------


def test_offers_list_the_active_offers_with_their_rules_and_links(api, offer):
    make_offer(slug="paused", active=False)
    response = api.get(OFFERS)
    assert response.status_code == 200
    [listed] = response.json()
    assert listed["id"] == offer.pk and listed["slug"] == "visit"
    assert listed["title"] == "参观预约"
    assert listed["venue"]["name"] == "警察博物馆"
    assert listed["venue"]["address"] == "东城区东交民巷36号"
    rules = listed["rules"]
    assert rules["party_cap"] == 5 and rules["window_days"] == 7
    assert rules["release_time"] == "09:00"
    assert rules["cancel_hours"] == 2 and rules["minors_need_adult"] is True
    assert (rules["no_show_limit"], rules["no_show_window_days"]) == (3, 180)
    assert rules["ban_days"] == 60
    assert {"value": "resident_id", "label": "居民身份证"} in rules["document_types"]
    assert {t["value"] for t in rules["document_types"]} >= {"passport"}
    first, last = window(offer)
    assert listed["window"] == {"first": str(first), "last": str(last)}
    assert listed["links"] == {
        "availability": f"http://localhost/api/v2/booking/offers/{offer.pk}"
        "/availability/",
        "web": "http://localhost/booking/visit/",
    }
    # Edited in the admin without publishing: never answered 304 from a stale ETag.
    assert not response.has_header("ETag")


def test_availability_defaults_to_the_window_with_slots_and_places(api, offer, slot):
    booked(api, slot, [person(), person(name="李四")])
    response = api.get(f"{OFFERS}{offer.pk}/availability/")
    assert response.status_code == 200
    data = response.json()
    today = timezone.localdate()
    first, last = window(offer)
    assert (data["from"], data["to"]) == (str(today), str(last))
    assert [day["date"] for day in data["days"]][0] == str(first)
    assert len(data["days"]) == (last - today).days + 1
    tomorrow = data["days"][1]
    assert tomorrow["bookable"] and not tomorrow["closed"]
    assert tomorrow["remaining"] == 28
    assert [s["remaining"] for s in tomorrow["slots"]] == [8, 10, 10]
    assert tomorrow["slots"][0] == {
        "id": slot.pk,
        "start": timezone.localtime(slot.start).isoformat(),
        "end": timezone.localtime(slot.end).isoformat(),
        "capacity": 10,
        "remaining": 8,
        "bookable": True,
    }
    assert tomorrow["slots"][0]["start"].endswith("+08:00")
    # Places move with every booking: briefly cached, never a 304.
    assert response["Cache-Control"] == "public, max-age=10"
    assert not response.has_header("ETag")


def test_availability_shows_closed_days_and_days_not_yet_released(api, offer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    Closure.objects.create(venue=offer.venue, date=tomorrow, reason="设备检修")
    generate_days(offer, tomorrow, tomorrow)
    later = tomorrow + datetime.timedelta(days=20)
    response = api.get(
        f"{OFFERS}{offer.pk}/availability/", to=str(later), **{"from": str(tomorrow)}
    )
    assert response.status_code == 200
    days = {day["date"]: day for day in response.json()["days"]}
    assert len(days) == 21
    closed = days[str(tomorrow)]
    assert closed["closed"] and closed["reason"] == "设备检修"
    assert not closed["bookable"] and closed["slots"] == []
    far = days[str(later)]
    assert far["reason"] == "尚未放号" and not far["bookable"]
    opens = datetime.datetime.fromisoformat(far["opens_at"])
    assert opens.date() == later - datetime.timedelta(days=offer.window_days)
    assert opens.strftime("%H:%M") == "09:00"


@pytest.mark.parametrize(
    ("params", "name", "words"),
    [
        ({"from": "2026-13-01"}, "from", "没有这一天"),
        ({"from": "2026-02-30"}, "from", "没有这一天"),
        ({"to": "tomorrow"}, "to", "YYYY-MM-DD"),
        ({"from": "２０２６-０１-０１"}, "from", "YYYY-MM-DD"),
        ({"from": "20260101"}, "from", "YYYY-MM-DD"),
        ({"from": "2030-01-02", "to": "2030-01-01"}, "from", "不能晚于"),
        (
            {"from": "2030-01-01", "to": "2030-03-31"},
            "to",
            f"最多查询{MAX_RANGE_DAYS}天",
        ),
        ({"to": "2020-01-01"}, "to", None),
    ],
)
def test_bad_dates_are_refused_by_name(api, offer, params, name, words):
    response = api.get(f"{OFFERS}{offer.pk}/availability/", **params)
    if words is None:  # only `to`, in the past: `from` follows it there
        assert response.status_code == 200
        assert [d["reason"] for d in response.json()["days"]] == ["已过去"]
        return
    body = problem(response, 400, "invalid-parameters")
    assert words in named(body)[name]
    assert body["detail"] == named(body)[name]


def test_the_edges_of_the_calendar_are_no_error(api, offer):
    url = f"{OFFERS}{offer.pk}/availability/"
    edge = api.get(url, **{"from": "9999-12-31"})
    assert edge.status_code == 200
    assert [day["date"] for day in edge.json()["days"]] == ["9999-12-31"]
    first = api.get(url, **{"from": "0001-01-01", "to": "0001-01-05"})
    assert first.status_code == 200 and len(first.json()["days"]) == 5


@pytest.mark.parametrize("offer_id", ["999999", "99999999999999999999999"])
def test_an_unknown_offer_is_a_404(api, offer, offer_id):
    body = problem(api.get(f"{OFFERS}{offer_id}/availability/"), 404, "")
    assert body["detail"] == "没有这个预约项目。"


# Booking ---------------------------------------------------------------------------


def test_a_booking_is_made_and_shown_masked(api, offer, slot):
    number = new_id()
    response = book(api, slot, [person(number=number), person(name="欧阳娜娜")])
    assert response.status_code == 201, response.content
    assert_personal(response)
    data = response.json()
    assert references.is_valid(data["token"])
    assert data["display_token"] == references.display(data["token"])
    assert data["status"] == "booked" and data["status_label"] == "已预约"
    assert data["offer"]["id"] == offer.pk and data["offer"]["title"] == "参观预约"
    assert data["date"] == str(slot.day.date)
    assert data["slot"]["id"] == slot.pk
    assert data["slot"]["start"] == timezone.localtime(slot.start).isoformat()
    assert data["party_size"] == 2
    assert data["phone_masked"] == "138****5678"
    assert data["visitors"][0] == {
        "name_masked": "张*",
        "document_type": "resident_id",
        "document_type_label": "居民身份证",
        "document_masked": number[:3] + "*" * 11 + number[-4:],
        "minor": False,
    }
    assert data["visitors"][1]["name_masked"] == "欧***"
    assert data["cancellable"] is True and data["cancelled_at"] is None
    deadline = slot.start - datetime.timedelta(hours=offer.cancel_hours)
    assert data["cancel_before"] == timezone.localtime(deadline).isoformat()
    token = data["token"]
    assert data["links"] == {
        "self": f"http://localhost{BOOKINGS}{token}/?phone_last4=5678",
        "qr_svg": f"http://localhost{BOOKINGS}{token}/qr.svg?phone_last4=5678",
        "calendar_ics": f"http://localhost{BOOKINGS}{token}/calendar.ics"
        "?phone_last4=5678",
        "cancel": f"http://localhost{BOOKINGS}{token}/cancel/",
    }
    booking = Booking.objects.get()
    assert (booking.token, booking.channel, booking.party_size) == (token, "app", 2)
    slot.refresh_from_db()
    assert slot.booked == 2


def test_foreign_visitors_book_and_their_number_is_never_echoed(api, offer, slot):
    api.secrets.add("E98765432")
    data = booked(
        api,
        slot,
        [
            person(),
            {
                "name": "John Smith",
                "document_type": "passport",
                "document_number": "E98765432",
            },
        ],
    )
    assert data["visitors"][1]["document_masked"] == "E******32"
    assert data["visitors"][1]["document_type"] == "passport"


def test_a_replayed_key_returns_the_same_booking_once(api, slot):
    body = body_for(slot)
    first = api.post(BOOKINGS, body, key="retry-key-0001")
    again = api.post(BOOKINGS, body, key="retry-key-0001")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["token"] == first.json()["token"]
    assert_personal(again)
    assert Booking.objects.count() == 1 and Visitor.objects.count() == 1
    slot.refresh_from_db()
    assert slot.booked == 1


def test_the_same_key_with_another_body_is_a_422(api, slot):
    booked(api, slot, key="retry-key-0002")
    body = refused(api, slot, 422, "booking-idempotency-conflict", key="retry-key-0002")
    assert "Idempotency-Key" in body["detail"]


def test_a_wrong_check_digit_is_refused_by_field(api, slot):
    number = new_id()
    wrong = number[:-1] + ("1" if number[-1] != "1" else "2")
    body = refused(api, slot, 400, "booking-invalid", [person(number=wrong)])
    assert "校验位" in named(body)["visitors[0].document_number"]
    assert body["title"] == "预约信息有误"


def test_a_party_over_the_cap_is_refused(api, slot):
    body = refused(api, slot, 400, "booking-invalid", [person() for _ in range(6)])
    assert named(body) == {"visitors": "每单最多5人，请减少参观人或分开预约。"}


def test_a_closed_day_is_refused_with_its_reason(api, offer, slot):
    Closure.objects.create(venue=offer.venue, date=slot.day.date, reason="设备检修")
    generate_days(offer, slot.day.date, slot.day.date)
    body = refused(api, slot, 409, "booking-unavailable")
    assert "设备检修" in body["detail"]


def test_a_day_outside_the_window_is_refused(api, offer):
    beyond = slot_on(offer, offer.window_days + 1)
    body = refused(api, beyond, 409, "booking-unavailable")
    assert "可预约" in body["detail"]


def test_a_full_slot_is_refused(api, slot):
    Slot.objects.filter(pk=slot.pk).update(booked=F("capacity"))
    Day.objects.filter(pk=slot.day_id).update(booked=10)
    body = refused(api, slot, 409, "booking-full")
    assert body["title"] == "名额已满"


def test_a_document_booked_that_day_is_refused_by_field(api, offer, slot):
    number = new_id()
    booked(api, slot, [person(number=number)], key="first-key-0001")
    other = slot_on(offer, 1, index=2)
    body = refused(
        api,
        other,
        409,
        "booking-already-booked",
        [person(), person(number=number)],
        key="second-key-001",
    )
    assert "张*" in named(body)["visitors[1].document_number"]


def test_a_document_banned_after_no_shows_is_refused(api, offer, slot):
    number = new_id()
    visitor = Person("张三", "resident_id", number, False).stored()
    today = timezone.localdate()
    for days_ago in (1, 2, 3):
        date = today - datetime.timedelta(days=days_ago)
        missed = Booking.objects.create(
            token=references.new_reference(),
            offer=offer,
            slot=slot,
            date=date,
            party_size=1,
            status=BookingStatus.NO_SHOW,
        )
        Visitor.objects.create(booking=missed, offer=offer, date=date, **visitor)
    body = refused(api, slot, 403, "booking-banned", [person(number=number)])
    assert "暂停预约" in named(body)["visitors[0].document_number"]
    assert body["title"] == "暂停预约"


def test_minors_without_an_adult_are_refused(api, slot):
    child = person(name="张小明", number=new_id(birth="20180601"))
    body = refused(api, slot, 400, "booking-invalid", [child])
    assert "成年" in named(body)["visitors"]
    adult = person()
    data = booked(api, slot, [adult, person(name="张小红", number=new_id("20180601"))])
    assert [v["minor"] for v in data["visitors"]] == [False, True]


def test_a_missing_idempotency_key_is_refused(api, slot):
    body = refused(api, slot, 400, "booking-invalid", key=None)
    assert set(named(body)) == {"Idempotency-Key"}
    for key in ("short", "x" * 101, "key with\ttab"):
        body = refused(api, slot, 400, "booking-invalid", key=key)
        assert set(named(body)) == {"Idempotency-Key"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"offer": "1"}, "offer"),
        ({"offer": True}, "offer"),
        ({"offer": 99999999999999999999999}, "offer"),
        ({"offer": None}, "offer"),
        ({"slot": "1"}, "slot"),
        ({"slot": 1.0}, "slot"),
        ({"slot": 99999999999999999999999}, "slot"),
        ({"slot": 2**63}, "slot"),
        ({"phone": 13812345678}, "phone"),
        ({"phone": "12345"}, "phone"),
        ({"visitors": "张三"}, "visitors"),
        ({"visitors": []}, "visitors"),
        ({"visitors": [1]}, "visitors[0]"),
        ({"visitors": [None] * 2000}, "visitors"),
        ({"visitors": [{"name": ["张三"], "document_type": "resident_id"}]}, None),
        ({"visitors": [{**person(), "document_type": "drivers_licence"}]}, None),
        ({"visitors": [{**person(), "minor": "yes"}]}, "visitors[0].minor"),
    ],
)
def test_wrong_types_and_sizes_are_refused_by_field(api, slot, changes, field):
    body = refused(api, slot, 400, "booking-invalid", **changes)
    if field is not None:
        assert field in named(body), named(body)
    else:
        assert any(name.startswith("visitors[0].") for name in named(body))


@pytest.mark.parametrize(
    ("raw", "content_type", "status", "kind"),
    [
        (b"offer=1&slot=1", "application/x-www-form-urlencoded", 415, ""),
        (b"<booking/>", "application/xml", 415, ""),
        (b"{", "application/json", 400, ""),
        (b"\xff\xfe", "application/json", 400, ""),
        (b"[" * 5000 + b"]" * 5000, "application/json", 400, ""),
        (b"[]", "application/json", 400, "booking-invalid"),
        (b"null", "application/json", 400, "booking-invalid"),
        (b'"x"', "application/json", 400, "booking-invalid"),
        (b'{"x": "' + b"y" * 20_000 + b'"}', "application/json", 413, ""),
    ],
)
def test_bodies_that_are_no_booking_are_refused(
    api, slot, raw, content_type, status, kind
):
    before = state(slot)
    response = api.post(BOOKINGS, raw, content_type=content_type)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    expected = f"/api/problems/{kind}/" if kind else "about:blank"
    assert response.json()["type"] == expected
    assert state(slot) == before


def test_unknown_properties_are_ignored(api, slot):
    extra = {**person(), "nickname": "小张", "photo": "x" * 100}
    data = booked(api, slot, [extra], channel="web", user=1, price=0)
    assert Booking.objects.get().channel == "app"
    assert data["party_size"] == 1


def test_a_slot_of_another_offer_is_refused(api, offer):
    other = make_offer(slug="hall")
    body = refused(api, slot_on(other), 400, "booking-invalid", offer=offer.pk)
    assert set(named(body)) == {"slot"}


# Looking up, tickets, cancelling --------------------------------------------------


def test_a_booking_is_found_by_token_and_phone(api, slot):
    token = booked(api, slot)["token"]
    for form in (token, references.display(token), token.lower()):
        response = lookup(api, form)
        assert response.status_code == 200, response.content
        assert response.json()["token"] == token
        assert_personal(response)


def test_a_wrong_phone_is_the_same_404_as_a_wrong_token(api, slot):
    token = booked(api, slot)["token"]
    wrong_phone = lookup(api, token, "0000")
    other = references.new_reference()
    wrong_token = lookup(api, other)
    assert problem(wrong_phone, 404, "booking-not-found") == problem(
        wrong_token, 404, "booking-not-found"
    )
    assert_personal(wrong_phone)
    assert_personal(wrong_token)


def test_ten_misses_an_hour_are_then_refused(api, slot, settings):
    token = booked(api, slot)["token"]
    for _ in range(settings.LOOKUP_FAILURES_PER_HOUR):
        assert lookup(api, token, "0000").status_code == 404
    refused_now = lookup(api, token)  # even the right phone, for an hour
    problem(refused_now, 429, "")
    assert int(refused_now["Retry-After"]) > 0
    assert_personal(refused_now)


@pytest.mark.parametrize("last4", ["", "123", "12345", "abcd", "١٢٣٤", "12 4"])
def test_phone_digits_must_be_four_digits(api, slot, last4):
    token = booked(api, slot)["token"]
    body = problem(lookup(api, token, last4), 400, "invalid-parameters")
    assert set(named(body)) == {"phone_last4"}


def test_the_qr_code_and_calendar_carry_the_token_and_no_person(api, slot):
    number = new_id()
    token = booked(api, slot, [person(name="王小波", number=number)])["token"]
    qr = lookup(api, token, tail="qr.svg")
    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert b'xmlns="http://www.w3.org/2000/svg"' in qr.content
    assert_personal(qr)
    ics = lookup(api, token, tail="calendar.ics")
    assert ics.status_code == 200
    assert ics["Content-Type"] == "text/calendar; charset=utf-8"
    text = ics.content.decode()
    assert "BEGIN:VEVENT" in text and references.display(token) in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Asia/Shanghai" in text
    assert "王" not in text and number not in text and PHONE not in text
    assert_personal(ics)
    # An app asking for the file type by name gets it (not a 406).
    accept = api.client.get(
        f"{BOOKINGS}{token}/qr.svg",
        {"phone_last4": PHONE[-4:]},
        headers={"Accept": "image/svg+xml"},
    )
    assert accept.status_code == 200
    missing = lookup(api, token, "0000", tail="qr.svg")
    problem(missing, 404, "booking-not-found")


def cancel(api, token: str, last4: str = PHONE[-4:]):
    return api.post(f"{BOOKINGS}{token}/cancel/", {"phone_last4": last4}, key=None)


def test_cancelling_in_time_frees_the_places_and_is_no_no_show(api, slot):
    token = booked(api, slot, [person(), person(name="李四")])["token"]
    response = cancel(api, token)
    assert response.status_code == 200, response.content
    assert_personal(response)
    data = response.json()
    assert data["status"] == "cancelled" and data["counted_as_no_show"] is False
    assert "不计为爽约" in data["message"]
    assert data["cancellable"] is False and data["cancelled_at"]
    slot.refresh_from_db()
    assert slot.booked == 0
    assert not Visitor.objects.filter(active=True).exists()
    again = problem(cancel(api, token), 409, "booking-cannot-cancel")
    assert "已取消" in again["detail"]
    assert lookup(api, token).json()["status"] == "cancelled"


def test_a_late_cancellation_says_it_counts_as_a_no_show(api, offer, slot):
    offer.cancel_hours = 48
    offer.save()
    token = booked(api, slot)["token"]
    data = cancel(api, token).json()
    assert data["status"] == "late_cancelled" and data["counted_as_no_show"] is True
    assert "计为一次爽约" in data["message"] and "48小时" in data["message"]


def test_a_used_ticket_cannot_be_cancelled(api, slot):
    token = booked(api, slot)["token"]
    Booking.objects.filter(token=token).update(status=BookingStatus.CHECKED_IN)
    body = problem(cancel(api, token), 409, "booking-cannot-cancel")
    assert "已入场" in body["detail"]
    slot.refresh_from_db()
    assert slot.booked == 1


def test_cancelling_needs_the_right_phone(api, slot):
    token = booked(api, slot)["token"]
    problem(cancel(api, token, "0000"), 404, "booking-not-found")
    problem(cancel(api, references.new_reference()), 404, "booking-not-found")
    body = problem(cancel(api, token, 1234), 400, "invalid-parameters")
    assert set(named(body)) == {"phone_last4"}
    assert Booking.objects.get().status == BookingStatus.BOOKED


# The published contract --------------------------------------------------------------


def test_every_booking_operation_is_in_the_schema(api):
    schema = api.client.get("/api/schema/").json()
    operations = {
        operation["operationId"]: (path, method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if path.startswith("/api/v2/booking/")
    }
    assert set(operations) == {
        "booking_offers",
        "booking_availability",
        "booking_create",
        "booking_detail",
        "booking_qr",
        "booking_calendar",
        "booking_cancel",
    }
    _path, _method, create = operations["booking_create"]
    responses = create["responses"]
    assert {"200", "201", "400", "403", "409", "415", "422", "429"} <= set(responses)
    assert "application/problem+json" in responses["409"]["content"]
    assert "examples" in responses["201"]["content"]["application/json"]
    qr = operations["booking_qr"][2]["responses"]["200"]["content"]
    assert set(qr) == {"image/svg+xml"}


def test_the_apps_web_views_may_send_the_idempotency_key(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    response = client.options(
        BOOKINGS,
        headers={
            "Origin": "https://app.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,idempotency-key",
        },
    )
    assert response.status_code == 200
    allowed = response["Access-Control-Allow-Headers"].split(", ")
    assert "idempotency-key" in allowed and "content-type" in allowed
