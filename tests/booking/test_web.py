"""Booking on the website: the calendar, the visitors form, the check page, the
ticket, cancelling, 我的预约 and the lookup, with the engine's refusals in place."""

import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from services import references
from services.booking import logic
from services.booking.models import Booking, BookingStatus, Closure, Visitor
from services.booking.schedule import generate_days
from services.crypto import decrypt, encrypt

from .conftest import make_offer, new_id, person, slot_on

pytestmark = pytest.mark.django_db

PHONE = "13812345678"


def day_url(offer, days_ahead=1) -> str:
    date = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return f"/booking/{offer.slug}/{date.isoformat()}/"


def form_data(slot, *visitors, phone=PHONE, **extra) -> dict:
    data = {"slot": str(slot.pk), "phone": phone, "count": str(len(visitors))}
    for index, visitor in enumerate(visitors):
        data[f"v{index}-name"] = visitor["name"]
        data[f"v{index}-document_type"] = visitor["document_type"]
        data[f"v{index}-document_number"] = visitor["document_number"]
        if visitor.get("minor"):
            data[f"v{index}-minor"] = "on"
    return {**data, **extra}


class Pages:
    """Every HTML page a test saw, to check that no document number is in any."""

    def __init__(self, client):
        self.client = client
        self.seen = []

    def get(self, url, **kwargs):
        return self.keep(self.client.get(url, **kwargs))

    def post(self, url, data=None, **kwargs):
        return self.keep(self.client.post(url, data or {}, **kwargs))

    def keep(self, response):
        if "html" in response.get("Content-Type", ""):
            self.seen.append(response.content.decode())
        return response

    def assert_never_shown(self, *numbers):
        for html in self.seen:
            for number in numbers:
                assert number not in html
                assert number[:-1] not in html  # nor without its check character


@pytest.fixture
def pages(client):
    return Pages(client)


def confirm(client, offer):
    """Post the check page as shown (with the draft it showed)."""
    url = f"/booking/{offer.slug}/confirm/"
    page = client.get(url)
    seen = re.search(r'name="seen" value="([^"]+)"', page.content.decode())
    return client.post(url, {"seen": seen[1] if seen else ""})


def book_through(pages, offer, slot, *visitors):
    """Fill in, check and confirm: the ticket page's response."""
    response = pages.post(day_url(offer), form_data(slot, *visitors))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/booking/{offer.slug}/confirm/"
    confirmed = confirm(pages, offer)
    assert confirmed.status_code == 302
    return pages.get(confirmed["Location"])


def errors_near(response, field_id: str) -> str:
    """The form field (or fieldset) around an element, with its messages."""
    html = response.content.decode()
    start = html.index(f'id="{field_id}"')
    begin = max(
        html.rfind('<div class="form-field', 0, start),
        html.rfind("<fieldset", 0, start),
    )
    closing = "</fieldset>" if html.startswith("<fieldset", begin) else "</div>"
    return html[begin : html.index(closing, start)]


# The flow ------------------------------------------------------------------


def test_two_visitors_book_once_and_get_a_ticket(pages, offer, slot):
    calendar = pages.get(f"/booking/{offer.slug}/")
    assert calendar.status_code == 200
    assert f'href="{day_url(offer)}"' in calendar.text
    assert "余30" in calendar.text  # three slots of ten
    day = pages.get(day_url(offer))
    assert day.status_code == 200 and f'value="{slot.pk}"' in day.text
    adult, child = person("张三"), person("李小明", new_id(birth="20150307"))
    response = pages.post(day_url(offer), form_data(slot, adult, child))
    check = pages.get(response["Location"])
    assert "张*" in check.text and "李**" in check.text
    assert "110***********" in check.text and "138****5678" in check.text
    ticket = book_through(pages, offer, slot, adult, child)
    booking = Booking.objects.get()
    assert booking.party_size == 2 and booking.channel == "web"
    assert ticket.status_code == 200 and "<svg" in ticket.text
    assert references.display(booking.token) in ticket.text
    assert "参观预约" in ticket.text and "警察博物馆" in ticket.text
    assert "09:00–10:00" in ticket.text and "居民身份证" in ticket.text
    assert ticket["Cache-Control"] == "private, no-store"
    slot.refresh_from_db()
    assert slot.booked == 2
    pages.assert_never_shown(adult["document_number"], child["document_number"])
    mine = pages.get("/booking/mine/")
    assert f"/booking/tickets/{booking.pk}/" in mine.text


def test_no_url_carries_the_token_or_a_person(pages, offer, slot):
    ticket = book_through(pages, offer, slot, person())
    token = Booking.objects.get().token
    links = re.findall(r'(?:href|action)="([^"]*)"', ticket.text)
    assert links and not any(token in link or "?" in link for link in links)


def test_a_double_submitted_confirmation_books_once(client, offer, slot):
    client.post(day_url(offer), form_data(slot, person()))
    pending = client.session[f"booking-draft-{offer.pk}"]
    check = client.get(f"/booking/{offer.slug}/confirm/")
    seen = {"seen": re.search(r'name="seen" value="([^"]+)"', check.text)[1]}
    first = client.post(f"/booking/{offer.slug}/confirm/", seen)
    again = client.post(f"/booking/{offer.slug}/confirm/", seen)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    # A second tab still holding the pending booking: the same key, the same booking.
    session = client.session
    session[f"booking-draft-{offer.pk}"] = pending
    session.save()
    other_tab = client.post(f"/booking/{offer.slug}/confirm/", seen)
    assert other_tab["Location"] == first["Location"]
    assert Booking.objects.count() == 1
    slot.refresh_from_db()
    assert slot.booked == 1


def test_only_the_check_page_shown_is_booked(client, offer, slot):
    client.post(day_url(offer), form_data(slot, person("张三")))
    seen = re.search(r'name="seen" value="([^"]+)"', client.get(day_url(offer)).text)
    assert seen is None  # the form page has no confirmation
    shown = client.get(f"/booking/{offer.slug}/confirm/").text
    # Another tab changes the booking meanwhile: a new check page, nothing booked.
    client.post(day_url(offer), form_data(slot, person("李四")))
    old = re.search(r'name="seen" value="([^"]+)"', shown)[1]
    response = client.post(f"/booking/{offer.slug}/confirm/", {"seen": old})
    assert response.status_code == 302
    assert response["Location"] == f"/booking/{offer.slug}/confirm/"
    assert not Booking.objects.exists()
    assert "李*" in client.get(response["Location"]).text


def test_the_check_page_needs_a_checked_form(client, offer):
    response = client.get(f"/booking/{offer.slug}/confirm/")
    assert response.status_code == 302
    assert response["Location"] == f"/booking/{offer.slug}/"
    assert client.post(f"/booking/{offer.slug}/confirm/").status_code == 302
    assert not Booking.objects.exists()


def test_a_visitor_row_is_added_and_removed_without_javascript(pages, offer, slot):
    adult = person("张三")
    added = pages.post(day_url(offer), form_data(slot, adult, action="add"))
    assert added.status_code == 200
    assert 'name="v1-name"' in added.text and 'value="2"' in added.text
    assert 'value="张三"' in added.text and "已填写 110***" in added.text
    # The number given before is kept when its box is left blank.
    second = person("李四")
    data = form_data(slot, {**adult, "document_number": ""}, second)
    response = pages.post(day_url(offer), data)
    assert response.status_code == 302
    removed = pages.post(
        day_url(offer), form_data(slot, adult, second, action="remove-0")
    )
    assert 'value="李四"' in removed.text and 'value="张三"' not in removed.text
    assert 'name="v1-name"' not in removed.text
    pages.assert_never_shown(adult["document_number"], second["document_number"])


def test_an_empty_row_added_last_is_not_a_visitor(pages, offer, slot):
    blank = {"name": "", "document_type": "resident_id", "document_number": ""}
    response = pages.post(day_url(offer), form_data(slot, person(), blank))
    assert response.status_code == 302
    confirm(pages, offer)
    assert Booking.objects.get().party_size == 1


def test_the_calendar_shows_closed_full_and_unreleased_days(client):
    offer = make_offer(capacity=1, window_days=5)
    today = timezone.localdate()
    closed = today + datetime.timedelta(days=2)
    Closure.objects.create(venue=offer.venue, date=closed, reason="设备检修")
    generate_days(offer, today, today + datetime.timedelta(days=6))
    for index in range(3):
        logic.book(offer, slot_on(offer, 1, index).pk, PHONE, [person()])
    html = client.get(f"/booking/{offer.slug}/").text
    assert "设备检修" in html and "约满" in html and "未放号" in html
    assert f"{closed.month}月{closed.day}日：设备检修" in html
    assert "名额于" in html  # when the next day opens
    assert day_url(offer, 1) not in html and day_url(offer, 3) in html
    assert "每单最多 5 人" in html and "2 小时前取消" in html
    assert "未成年人须由成年人陪同" in html
    page = client.get(day_url(offer, 2))
    assert page.status_code == 200 and "设备检修" in page.text
    assert 'name="slot"' not in page.text


# Refusals: the engine's words next to the field, nothing stored, nothing echoed --


def refused(pages, offer, slot, *visitors, status, field, says, **extra):
    """Post the form; the refusal is where it belongs and nothing was stored."""
    before = (Booking.objects.count(), Visitor.objects.count())
    response = pages.post(day_url(offer), form_data(slot, *visitors, **extra))
    assert response.status_code == status, response.content.decode()[:3000]
    assert says in errors_near(response, field), errors_near(response, field)
    assert (Booking.objects.count(), Visitor.objects.count()) == before
    for index, visitor in enumerate(visitors):
        assert f'value="{visitor["name"]}"' in response.text
        assert f'id="id_v{index}-document_number"' in response.text
    assert f'value="{extra.get("phone", PHONE)}"' in response.text
    pages.assert_never_shown(*(v["document_number"] for v in visitors))
    return response


def test_a_wrong_check_digit(pages, offer, slot):
    number = new_id()
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    refused(
        pages,
        offer,
        slot,
        person("张三"),
        person("李四", wrong),
        status=400,
        field="id_v1-document_number",
        says="校验位",
    )


def test_a_full_slot(pages):
    offer = make_offer(capacity=2)
    slot = slot_on(offer)
    logic.book(offer, slot.pk, PHONE, [person(), person()])
    response = refused(
        pages, offer, slot, person("张三"), status=409, field="slots", says="名额不足"
    )
    assert "名额不足" not in errors_near(response, "id_phone")


def test_a_day_closed_after_the_form_was_opened(pages, offer, slot):
    Closure.objects.create(venue=offer.venue, date=slot.day.date, reason="设备检修")
    today = timezone.localdate()
    generate_days(offer, today, today + datetime.timedelta(days=8))
    response = pages.post(day_url(offer), form_data(slot, person("张三")))
    assert response.status_code == 409
    assert "闭馆（设备检修）" in response.text and not Booking.objects.exists()


def test_a_day_outside_the_window(pages, offer):
    later = slot_on(offer, days_ahead=offer.window_days + 1)
    response = pages.post(
        day_url(offer, offer.window_days + 1), form_data(later, person())
    )
    assert response.status_code == 409
    assert "不在可预约的时间内" in response.text and not Booking.objects.exists()


def test_a_document_already_booked_that_day(pages, offer, slot):
    taken = person("王五")
    logic.book(offer, slot_on(offer, 1, 2).pk, "13900000000", [taken])
    refused(
        pages,
        offer,
        slot,
        person("张三"),
        {**taken, "name": "王五"},
        status=409,
        field="id_v1-document_number",
        says="已有预约",
    )


def test_a_banned_visitor(pages, offer, slot):
    banned = person("赵六")
    today = timezone.localdate()
    for days in range(1, 4):
        booking, _ = logic.book(offer, slot_on(offer, days).pk, PHONE, [banned])
        past = today - datetime.timedelta(days=days)
        booking.visitors.update(date=past)
        Booking.objects.filter(pk=booking.pk).update(
            status=BookingStatus.NO_SHOW, date=past
        )
    response = pages.post(day_url(offer, 4), form_data(slot_on(offer, 4), banned))
    assert response.status_code == 409
    assert "暂停预约" in errors_near(response, "id_v0-document_number")
    assert Booking.objects.count() == 3
    assert banned["document_number"] not in response.text
    assert 'value="赵六"' in response.text


def test_a_party_over_the_cap(pages):
    offer = make_offer(party_cap=2)
    slot = slot_on(offer)
    response = pages.post(
        day_url(offer), form_data(slot, person(), person(), person("王五"))
    )
    assert response.status_code == 400
    assert "每单最多2人" in response.text and not Booking.objects.exists()
    assert 'value="王五"' in response.text


def test_minors_alone(pages, offer, slot):
    child = person("李小明", new_id(birth="20150307"))
    response = pages.post(day_url(offer), form_data(slot, child))
    assert response.status_code == 400
    assert "未成年人须由成年人陪同" in response.text and not Booking.objects.exists()
    pages.assert_never_shown(child["document_number"])


def test_a_bad_phone_and_a_missing_name_are_shown_at_their_fields(pages, offer, slot):
    response = refused(
        pages,
        offer,
        slot,
        person(""),
        status=400,
        field="id_phone",
        says="手机号码应为11位数字",
        phone="12345",
    )
    assert "请填写姓名" in errors_near(response, "id_v0-name")


def test_places_gone_between_the_check_and_the_confirmation(pages):
    offer = make_offer(capacity=1)
    slot = slot_on(offer)
    visitor = person("张三")
    pages.post(day_url(offer), form_data(slot, visitor))
    logic.book(offer, slot.pk, "13900000000", [person()])
    response = confirm(pages, offer)
    assert response.status_code == 409 and "名额不足" in response.text
    assert 'value="张三"' in response.text and Booking.objects.count() == 1
    pages.assert_never_shown(visitor["document_number"])


# Hostile input ---------------------------------------------------------------


def test_unknown_offers_and_impossible_dates_are_404(client, offer):
    assert client.get("/booking/nothing/").status_code == 404
    assert client.get(f"/booking/{offer.slug}/2025-02-30/").status_code == 404
    assert client.get(f"/booking/{offer.slug}/20250101/").status_code == 404
    assert client.get("/booking/tickets/99999999999999999999/").status_code == 404
    for edge in ("0001-01-01", "9999-12-31"):
        page = client.get(f"/booking/{offer.slug}/{edge}/")
        assert page.status_code == 200 and 'name="slot"' not in page.text


def test_a_slot_of_another_offer_is_refused(pages, offer):
    other = make_offer(slug="hall")
    response = pages.post(day_url(offer), form_data(slot_on(other), person()))
    assert response.status_code == 400
    assert "所选时段不存在" in response.text and not Booking.objects.exists()


@pytest.mark.parametrize(
    "draft",
    [
        "garbage",
        encrypt("[1, 2]"),
        encrypt('{"slot": "1", "key": 5, "visitors": "x", "booked": -1}'),
        encrypt('{"slot": 1, "key": "k" , "visitors": [{"name": 5}, 7]}'),
    ],
)
def test_a_tampered_session_never_breaks_the_flow(client, offer, slot, draft):
    client.get(day_url(offer))
    session = client.session
    session[f"booking-draft-{offer.pk}"] = draft
    session["booking-mine"] = ["1", None, {"x": 1}]
    session.save()
    for method, url in [
        ("get", day_url(offer)),
        ("get", f"/booking/{offer.slug}/confirm/"),
        ("post", f"/booking/{offer.slug}/confirm/"),
        ("get", "/booking/mine/"),
    ]:
        assert getattr(client, method)(url).status_code < 500
    assert not Booking.objects.exists()


def test_a_pending_slot_of_another_offer_is_never_booked(client, offer):
    other = make_offer(slug="hall")
    client.post(day_url(offer), form_data(slot_on(offer), person()))
    session = client.session
    key = f"booking-draft-{offer.pk}"
    draft = json.loads(decrypt(session[key]))
    draft["slot"] = slot_on(other).pk
    session[key] = encrypt(json.dumps(draft))
    session.save()
    response = client.post(f"/booking/{offer.slug}/confirm/")
    assert response.status_code == 302 and not Booking.objects.exists()


# After booking: the ticket, its calendar file, cancelling --------------------


@pytest.fixture
def booked(pages, offer, slot):
    visitor = person("张三")
    book_through(pages, offer, slot, visitor)
    return Booking.objects.get(), visitor


def test_only_this_session_opens_the_ticket(booked, client_factory):
    booking, _visitor = booked
    stranger = client_factory()
    for url in (
        f"/booking/tickets/{booking.pk}/",
        f"/booking/tickets/{booking.pk}/booking.ics",
        f"/booking/tickets/{booking.pk}/cancel/",
    ):
        assert stranger.get(url).status_code == 404
    assert stranger.post(f"/booking/tickets/{booking.pk}/cancel/").status_code == 404
    assert Booking.objects.get().status == BookingStatus.BOOKED


def test_a_signed_in_citizen_sees_their_bookings_anywhere(offer, slot, client_factory):
    citizen = get_user_model().objects.create_user("citizen", password="pw")
    first = client_factory()
    first.force_login(citizen)
    first.post(day_url(offer), form_data(slot, person()))
    confirm(first, offer)
    booking = Booking.objects.get()
    assert booking.user == citizen
    elsewhere = client_factory()
    elsewhere.force_login(citizen)
    assert f"/booking/tickets/{booking.pk}/" in elsewhere.get("/booking/mine/").text
    assert elsewhere.get(f"/booking/tickets/{booking.pk}/").status_code == 200


def test_the_calendar_file(pages, booked):
    booking, visitor = booked
    response = pages.get(f"/booking/tickets/{booking.pk}/booking.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "参观预约" in body
    assert visitor["document_number"] not in body and "张三" not in body
    assert visitor["document_number"][:6] not in body.replace("\r\n ", "")


def test_cancelling_in_time_frees_the_places(pages, booked, slot):
    booking, _visitor = booked
    ask = pages.get(f"/booking/tickets/{booking.pk}/cancel/")
    assert ask.status_code == 200 and "现在取消不计爽约" in ask.text
    assert Booking.objects.get().status == BookingStatus.BOOKED  # GET changes nothing
    done = pages.post(f"/booking/tickets/{booking.pk}/cancel/")
    assert done.status_code == 302
    ticket = pages.get(done["Location"])
    assert "已取消" in ticket.text and "<svg" not in ticket.text
    assert Booking.objects.get().status == BookingStatus.CANCELLED
    slot.refresh_from_db()
    assert slot.booked == 0
    again = pages.post(f"/booking/tickets/{booking.pk}/cancel/")
    assert again.status_code == 409 and "不能再取消" in again.text


def test_cancelling_after_the_deadline_counts_as_a_no_show(pages, booked, offer):
    booking, _visitor = booked
    offer.cancel_hours = 72
    offer.save()
    ask = pages.get(f"/booking/tickets/{booking.pk}/cancel/")
    assert "现在取消将计为一次爽约" in ask.text
    ticket = pages.get(f"/booking/tickets/{booking.pk}/")
    assert "已过取消截止时间" in ticket.text
    pages.post(f"/booking/tickets/{booking.pk}/cancel/")
    assert Booking.objects.get().status == BookingStatus.LATE_CANCELLED
    assert "计为一次爽约" in pages.get(f"/booking/tickets/{booking.pk}/").text


# The lookup -------------------------------------------------------------------


def test_the_lookup_opens_the_ticket_in_a_new_session(booked, client_factory):
    booking, _visitor = booked
    other = client_factory()
    response = other.post(
        "/booking/lookup/",
        {"token": references.display(booking.token).lower(), "phone_last4": "5678"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/booking/tickets/{booking.pk}/"
    assert other.get(response["Location"]).status_code == 200
    assert f"/booking/tickets/{booking.pk}/" in other.get("/booking/mine/").text


def test_a_wrong_lookup_says_so_and_the_budget_runs_out(
    booked, client_factory, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.LOOKUP_FAILURES_PER_HOUR = 2
    booking, _visitor = booked
    other = client_factory()
    for token, last4 in ((booking.token, "0000"), ("ABCD-EFGH-JKX", "5678")):
        wrong = other.post("/booking/lookup/", {"token": token, "phone_last4": last4})
        assert wrong.status_code == 404 and "没有找到这个预约" in wrong.text
    right = {"token": booking.token, "phone_last4": "5678"}
    assert other.post("/booking/lookup/", right).status_code == 429
    assert other.get(f"/booking/tickets/{booking.pk}/").status_code == 404
    cache.clear()


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client
