"""The staff side of bookings in the admin: the gate, the records, closures, figures."""

import csv
import datetime
import io
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail import hooks
from wagtail.admin.menu import admin_menu
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from services.booking import records
from services.booking.errors import CheckInRefused
from services.booking.logic import book, cancel, check_in
from services.booking.models import (
    Booking,
    BookingStatus,
    Closure,
    Day,
    Slot,
    Venue,
)
from tests.booking.conftest import new_id, person, slot_on

pytestmark = pytest.mark.django_db

PHONE = "13812341234"
MASKED_PHONE = "138****1234"
CHECK_IN_URL = "/admin/booking/check-in/"
DOCUMENT_URL = "/admin/booking/check-in/document/"
DASHBOARD_URL = "/admin/booking/dashboard/"
RECORDS_URL = "/admin/booking/records/"
DESK = ["booking.check_in_booking"]
EVERYTHING = [
    "booking.view_booking",
    "booking.check_in_booking",
    "booking.view_booking_dashboard",
    "booking.add_closure",
    "booking.change_closure",
    "booking.delete_closure",
]


def make_staff(name: str, *dotted: str):
    """A staff user who may use the admin, with the named permissions."""
    user = get_user_model().objects.create_user(
        name, f"{name}@x.invalid", "pw", first_name="小明", last_name="王"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for name_ in dotted:
        app_label, codename = name_.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def gatekeeper(db):
    return make_staff("gate", *DESK)


@pytest.fixture
def manager(db):
    return make_staff("manager", *EVERYTHING)


@pytest.fixture
def revealer(db):
    return make_staff("revealer", *EVERYTHING, "services.reveal_personal_data")


@pytest.fixture
def outsider(db):
    """In the admin (an editor, say), with no booking permissions."""
    return make_staff("outsider")


def move(slot, start: datetime.datetime, minutes: int = 60) -> None:
    Slot.objects.filter(pk=slot.pk).update(
        start=start, end=start + datetime.timedelta(minutes=minutes)
    )


def booking_today(offer, starts_in=10, minutes=60, party=None, index=0):
    """A booking of one of today's slots, moved to start `starts_in` minutes from
    now (made while the slot was still ahead: `book` takes no started slot)."""
    slot = slot_on(offer, days_ahead=0, index=index)
    now = timezone.now()
    move(slot, now + datetime.timedelta(hours=1))  # bookable now
    booking, _created = book(offer, slot.pk, PHONE, party or [person("张三丰")])
    move(slot, now + datetime.timedelta(minutes=starts_in), minutes)
    return booking


def scan(client, token, venue=None):
    """Post a token at a gate (the museum's, unless told)."""
    venue = venue or Venue.objects.filter(name="警察博物馆").first()
    return client.post(
        CHECK_IN_URL, {"token": token, "venue": venue.pk if venue else ""}
    )


def verdict(response) -> str:
    html = response.content.decode()
    match = re.search(r'class="bk-verdict"[^>]*>.*?</svg>(.*?)</h2>', html, re.S)
    reason = re.search(r'class="bk-reason">(.*?)</p>', html, re.S)
    return f"{match.group(1).strip()} {reason.group(1).strip() if reason else ''}"


def logs(instance, action):
    return ModelLogEntry.objects.filter(
        object_id=str(instance.pk), action=action
    ).order_by("pk")


# The gate


def test_a_ticket_lets_the_party_in_once(client, offer, gatekeeper):
    number = new_id()
    booking = booking_today(
        offer, party=[person("张三丰", number), person("李四", new_id())]
    )
    client.force_login(gatekeeper)

    response = scan(client, booking.token.lower()[:4] + "-" + booking.token[4:])
    html = response.content.decode()
    assert response.status_code == 200
    assert verdict(response).startswith("可以入场")
    assert "共 2 人" in html and "参观预约" in html
    assert "张**" in html and "李*" in html and "居民身份证" in html
    assert "张三丰" not in html and number not in html and PHONE not in html
    # Ready for the next ticket: the field is empty and focused.
    field = re.search(r'<input type="text" name="token"[^>]*>', html).group()
    assert "autofocus" in field and "value=" not in field
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CHECKED_IN
    assert booking.checked_in_by == gatekeeper

    again = scan(client, booking.token)
    at = timezone.localtime(booking.checked_in_at).strftime("%H:%M")
    assert verdict(again).startswith("不能入场")
    assert "已于" in verdict(again) and at in verdict(again)
    assert "重复入场" in verdict(again)

    admitted, refused = (
        logs(booking, "booking.check_in"),
        logs(booking, "booking.check_in_refused"),
    )
    assert admitted.get().data == {"party_size": 2}
    assert admitted.get().user == gatekeeper
    assert "重复入场" in refused.get().data["reason"]
    for entry in ModelLogEntry.objects.all():
        text = str(entry.data) + entry.label
        assert number not in text and "张三丰" not in text and PHONE not in text


def test_a_ticket_of_another_day_is_refused(client, offer, slot, gatekeeper):
    booking, _created = book(offer, slot.pk, PHONE, [person()])
    client.force_login(gatekeeper)
    response = scan(client, booking.token)
    tomorrow = slot.day.date
    assert verdict(response).startswith("不能入场")
    assert f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日的预约" in verdict(
        response
    )
    assert "不是今天的" in verdict(response)
    # The card says which booking it is, without anyone's name.
    html = response.content.decode()
    assert "参观预约" in html and "张*" not in html
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_a_cancelled_ticket_is_refused(client, offer, gatekeeper):
    booking = booking_today(offer)
    Slot.objects.filter(pk=booking.slot_id).update(
        start=timezone.now() + datetime.timedelta(hours=5),
        end=timezone.now() + datetime.timedelta(hours=6),
    )
    booking.refresh_from_db()
    cancel(booking)
    client.force_login(gatekeeper)
    assert "已取消，不能入场" in verdict(scan(client, booking.token))


def test_too_early_and_too_late_say_when(client, offer, gatekeeper):
    client.force_login(gatekeeper)
    early = booking_today(offer, starts_in=120)  # 30 minutes early are allowed
    opens = timezone.localtime(
        timezone.now() + datetime.timedelta(minutes=90)
    ).strftime("%H:%M")
    response = verdict(scan(client, early.token))
    assert "还没到入场时间" in response
    assert re.search(r"\d\d:\d\d起可以入场", response)
    assert response.split("这张票")[1][:5] in {opens, _minute_before(opens)}

    late = booking_today(offer, starts_in=-150, index=1)  # ended 90 minutes ago
    response = verdict(scan(client, late.token))
    assert "已超过入场时间" in response
    start = timezone.localtime(_slot(late).start)
    assert f"时段是{start:%H:%M}–" in response
    for booking in (early, late):
        booking.refresh_from_db()
        assert booking.status == BookingStatus.BOOKED


def _slot(booking):
    return Slot.objects.get(pk=booking.slot_id)


def _minute_before(hhmm: str) -> str:
    moment = datetime.datetime.strptime(hhmm, "%H:%M") - datetime.timedelta(minutes=1)
    return moment.strftime("%H:%M")


def test_the_engine_decides_at_the_given_moment(offer, gatekeeper):
    """The same refusals through `check_in(now=...)`, at the edges of the window."""
    booking = booking_today(offer, starts_in=60)
    slot = _slot(booking)
    with pytest.raises(CheckInRefused, match="还没到入场时间"):
        check_in(
            booking.token, gatekeeper, now=slot.start - datetime.timedelta(minutes=31)
        )
    with pytest.raises(CheckInRefused, match="已超过入场时间"):
        check_in(
            booking.token, gatekeeper, now=slot.end + datetime.timedelta(minutes=31)
        )
    admitted = check_in(
        booking.token, gatekeeper, now=slot.start - datetime.timedelta(minutes=30)
    )
    assert admitted.status == BookingStatus.CHECKED_IN


@pytest.mark.parametrize("typed", ["ABCD-EFGH-JKX", "hello", "110105199003071234"])
def test_an_unknown_token_is_refused_and_logged_without_the_value(
    client, offer, gatekeeper, typed
):
    client.force_login(gatekeeper)
    response = scan(client, typed)
    assert verdict(response) == "不能入场 没有这张预约票，请核对预约码。"
    entry = ModelLogEntry.objects.get(action="booking.check_in_refused")
    assert entry.object_id == str(gatekeeper.pk) and entry.user == gatekeeper
    assert typed not in str(entry.data) and typed not in entry.label


def test_an_empty_scan_asks_for_a_token(client, gatekeeper):
    client.force_login(gatekeeper)
    response = scan(client, "")
    assert "请扫描或输入预约码。" in response.content.decode()
    assert not ModelLogEntry.objects.exists()


def test_the_gate_allows_the_camera_on_its_page_only(client, gatekeeper):
    client.force_login(gatekeeper)
    assert "camera=(self)" in client.get(CHECK_IN_URL)["Permissions-Policy"]
    assert "camera=()" in client.get(reverse("wagtailadmin_home"))["Permissions-Policy"]
    # The scan button is a static script (the admin's CSP), hidden until it runs.
    html = client.get(CHECK_IN_URL).content.decode()
    assert '<script src="/static/booking/staff/check_in.js" defer>' in html
    assert re.search(r"<button[^>]*data-bk-camera hidden", html)


def test_a_presented_document_is_checked_against_the_party(client, offer, gatekeeper):
    adult, child = new_id(), new_id(birth="20150101")
    booking = booking_today(
        offer, party=[person("张三丰", adult), person("张小宝", child)]
    )
    client.force_login(gatekeeper)
    scan(client, booking.token)

    def check(number, kind="resident_id"):
        return client.post(
            DOCUMENT_URL,
            {"token": booking.token, "document_type": kind, "number": number},
        )

    response = check(child.lower())
    html = response.content.decode()
    assert verdict(response) == "证件相符 是第 2 位参观人 张** 的证件。"
    assert child not in html and child.lower() not in html

    stranger = new_id()
    response = check(stranger)
    assert verdict(response).startswith("证件不符")
    assert stranger not in response.content.decode()

    response = check(adult[:-1] + ("0" if adult[-1] != "0" else "1"))  # a typo
    html = response.content.decode()
    assert "校验" in html and adult[:-1] not in html
    assert not re.search(r'name="number"[^>]*value=', html)

    entries = logs(booking, "booking.document_check")
    assert [e.data for e in entries] == [
        {"matched": True, "position": 2},
        {"matched": False},
    ]


# Who may


def staff_urls(booking) -> list[str]:
    return [
        CHECK_IN_URL,
        DASHBOARD_URL,
        DASHBOARD_URL + "?export=csv",
        DASHBOARD_URL + "visitors/?export=csv",
        RECORDS_URL,
        RECORDS_URL + "?export=xlsx",
        reverse("booking_records:inspect", args=[booking.pk]),
        reverse("booking_records:history", args=[booking.pk]),
        reverse("booking_offers:index"),
        reverse("booking_offers:edit", args=[booking.offer_id]),
        reverse("booking_venues:index"),
        reverse("booking_closures:index"),
        reverse("booking_closures:add"),
        reverse("booking_openings:index"),
    ]


def test_anonymous_is_sent_to_sign_in(client, offer, slot):
    booking, _created = book(offer, slot.pk, PHONE, [person()])
    for url in staff_urls(booking):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    for url in (
        CHECK_IN_URL,
        DOCUMENT_URL,
        reverse("booking_records:reveal", args=[booking.pk]),
    ):
        response = client.post(url, {"token": booking.token})
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert not ModelLogEntry.objects.exists()


def test_staff_without_permission_see_nothing(client, offer, slot, outsider):
    booking, _created = book(offer, slot.pk, PHONE, [person()])
    client.force_login(outsider)
    for url in staff_urls(booking):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    response = client.post(CHECK_IN_URL, {"token": booking.token})
    assert response["Location"] == reverse("wagtailadmin_home")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert not ModelLogEntry.objects.exists()


def menu_labels(user) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    labels = []
    for item in admin_menu.menu_items_for_request(request):
        labels.append(str(item.label))
        if hasattr(item, "menu"):
            labels += [
                f"{item.label}/{sub.label}"
                for sub in item.menu.menu_items_for_request(request)
            ]
    return labels


def test_the_menu_shows_what_each_may_use(gatekeeper, manager, outsider):
    assert "预约管理" not in menu_labels(outsider)
    assert [
        label for label in menu_labels(gatekeeper) if label.startswith("预约管理/")
    ] == ["预约管理/核验入场"]
    assert {
        "预约管理/核验入场",
        "预约管理/预约记录",
        "预约管理/预约统计",
        "预约管理/临时闭馆",
    } <= set(menu_labels(manager))
    assert "预约管理/预约项目" not in menu_labels(manager)


def test_the_demo_groups_give_moderators_the_desk(client, staff, offer):
    """审核员 check in and read the figures; 编辑 see nothing of bookings."""
    moderator, editor = staff["moderator"], staff["editor"]
    for dotted in (
        "booking.check_in_booking",
        "booking.view_booking_dashboard",
        "booking.view_booking",
    ):
        assert moderator.has_perm(dotted) and not editor.has_perm(dotted)
    assert not moderator.has_perm("booking.add_closure")
    assert not moderator.has_perm("services.reveal_personal_data")
    client.force_login(editor)
    assert client.get(CHECK_IN_URL)["Location"] == reverse("wagtailadmin_home")
    client.force_login(moderator)
    assert client.get(CHECK_IN_URL).status_code == 200
    assert client.get(DASHBOARD_URL).status_code == 200


def test_the_group_editor_offers_the_booking_permissions(db):
    offered = {
        permission.codename
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
        if permission.content_type.app_label == "booking"
    }
    assert {
        "view_booking",
        "check_in_booking",
        "view_booking_dashboard",
        "add_closure",
        "change_offer",
        "add_venue",
        "add_extraopening",
    } <= offered
    assert not offered & {"add_booking", "change_booking", "delete_booking"}


# Closures and holiday openings


def test_a_closure_closes_the_day_at_once_and_warns_about_bookings(
    client, offer, slot, manager
):
    booking, _created = book(offer, slot.pk, PHONE, [person(), person("李四")])
    book(offer, slot_on(offer, 1, 1).pk, "13900001111", [person("王五")])
    date = slot.day.date
    client.force_login(manager)

    response = client.post(
        reverse("booking_closures:add"),
        {"venue": offer.venue_id, "date": date.isoformat(), "reason": "设备检修"},
        follow=True,
    )
    html = response.content.decode()
    assert response.status_code == 200
    day = Day.objects.get(offer=offer, date=date)
    assert day.closed and day.reason == "设备检修"
    assert f"{date.year}年{date.month}月{date.day}日已有2单预约共3人" in html
    assert "请通知这些预约人" in html
    listing = (
        RECORDS_URL
        + "?"
        + urlencode(
            {
                "offer": offer.pk,
                "date_from": date.isoformat(),
                "date_to": date.isoformat(),
                "status": "booked",
            }
        )
    )
    assert listing.replace("&", "&amp;") in html
    listed = client.get(listing).content.decode()
    assert booking.token[:4] in listed

    # A new reason shows on the calendar; deleting the closure opens the day again.
    closure = Closure.objects.get()
    client.post(
        reverse("booking_closures:edit", args=[closure.pk]),
        {"venue": offer.venue_id, "date": date.isoformat(), "reason": "停电"},
    )
    day.refresh_from_db()
    assert day.closed and day.reason == "停电"
    response = client.post(
        reverse("booking_closures:delete", args=[closure.pk]), follow=True
    )
    day.refresh_from_db()
    assert not day.closed and day.reason == ""
    assert "恢复开放预约" in response.content.decode()


def test_a_holiday_opening_opens_a_weekly_closed_day(client, manager):
    from tests.booking.conftest import make_offer

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    weekdays = [d for d in range(7) if d != tomorrow.weekday()]
    offer = make_offer(slug="hall", weekdays=weekdays, closed_note="每周闭馆")
    day = offer.days.get(date=tomorrow)
    assert day.closed and not day.slots.exists()
    client.force_login(
        make_staff("opener", "booking.add_extraopening", "booking.view_booking")
    )
    client.post(
        reverse("booking_openings:add"),
        {
            "venue": offer.venue_id,
            "date": tomorrow.isoformat(),
            "hours_of": (tomorrow.weekday() + 1) % 7,
            "reason": "节日照常开放",
        },
    )
    day.refresh_from_db()
    assert not day.closed and day.slots.count() == 3 and day.capacity == 30


def test_no_shows_are_not_marked_on_a_day_the_venue_closed(offer, slot):
    booking, _created = book(offer, slot.pk, PHONE, [person()])
    Day.objects.filter(pk=slot.day_id).update(closed=True, reason="设备检修")
    assert records.mark_no_shows(now=slot.end + datetime.timedelta(days=1)) == 0
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_an_offer_with_bookings_is_kept(client, offer, slot, revealer):
    book(offer, slot.pk, PHONE, [person()])
    revealer.user_permissions.add(Permission.objects.get(codename="delete_offer"))
    client.force_login(revealer)
    response = client.post(
        reverse("booking_offers:delete", args=[offer.pk]), follow=True
    )
    assert "不能删除" in response.content.decode()
    assert type(offer).objects.filter(pk=offer.pk).exists()


# The records


def test_records_are_masked_and_filtered(client, offer, slot, manager):
    number = new_id()
    booked, _created = book(offer, slot.pk, PHONE, [person("张三丰", number)])
    other, _created = book(offer, slot_on(offer, 2).pk, "13900001111", [person("李四")])
    client.force_login(manager)
    html = client.get(RECORDS_URL).content.decode()
    assert "张**" in html and MASKED_PHONE in html
    assert "张三丰" not in html and number not in html and PHONE not in html

    date = slot.day.date.isoformat()
    html = client.get(
        RECORDS_URL, {"date_from": date, "date_to": date}
    ).content.decode()
    assert booked.token[:4] in html and other.token[:4] not in html
    Booking.objects.filter(pk=other.pk).update(status=BookingStatus.NO_SHOW)
    html = client.get(RECORDS_URL, {"status": "no_show"}).content.decode()
    assert other.token[:4] in html and booked.token[:4] not in html
    html = client.get(RECORDS_URL, {"q": booked.token.lower()}).content.decode()
    assert booked.token[:4] in html and other.token[:4] not in html

    detail = client.get(reverse("booking_records:inspect", args=[booked.pk]))
    html = detail.content.decode()
    assert "张**" in html and number not in html and PHONE not in html
    assert "显示完整信息" not in html  # no reveal permission


def read_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def read_xlsx(response) -> list:
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


def test_exports_are_masked(client, offer, slot, revealer):
    number = new_id()
    booked, _created = book(offer, slot.pk, PHONE, [person("张三丰", number)])
    client.force_login(revealer)  # even staff who may reveal get masked files
    date = slot.day.date.isoformat()

    (row,) = read_csv(client.get(RECORDS_URL, {"export": "csv"}))
    assert row["预约码"] == f"{booked.token[:4]}-{booked.token[4:8]}-{booked.token[8:]}"
    assert row["参观人"] == "张**" and row["联系电话"] == MASKED_PHONE
    assert row["证件"] == f"居民身份证 {number[:3]}{'*' * 11}{number[-4:]}"
    exports = [
        client.get(RECORDS_URL, {"export": "xlsx"}),
        client.get(
            DASHBOARD_URL + "visitors/",
            {"offer": offer.pk, "day": date, "export": "xlsx"},
        ),
    ]
    values = [str(v) for response in exports for v in read_xlsx(response)]
    (visitor,) = read_csv(
        client.get(
            DASHBOARD_URL + "visitors/",
            {"offer": offer.pk, "day": date, "export": "csv"},
        )
    )
    assert visitor["姓名"] == "张**" and visitor["证件类型"] == "居民身份证"
    assert visitor["预约码"] == f"{booked.token[:4]}-****-***"  # it admits at the gate
    values += list(visitor.values()) + list(row.values())
    assert "张**" in values
    for value in values:
        assert number not in value and PHONE not in value and "张三丰" not in value
    assert not ModelLogEntry.objects.exists()


def test_reveal_shows_full_values_and_is_logged(client, offer, slot, revealer, manager):
    number = new_id()
    booked, _created = book(offer, slot.pk, PHONE, [person("张三丰", number)])
    url = reverse("booking_records:reveal", args=[booked.pk])

    client.force_login(manager)
    response = client.post(url)
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not logs(booked, "booking.reveal").exists()

    client.force_login(revealer)
    detail = client.get(reverse("booking_records:inspect", args=[booked.pk]))
    assert "显示完整信息" in detail.content.decode()
    html = client.post(url).content.decode()
    assert number in html and "张三丰" in html and PHONE in html
    entry = logs(booked, "booking.reveal").get()
    assert entry.user == revealer and entry.data == {}
    assert client.get(url).status_code == 405

    history = client.get(reverse("booking_records:history", args=[booked.pk]))
    assert "查看了预约人的完整个人信息" in history.content.decode()
    labels = dict(log_registry.get_choices())
    assert str(labels["booking.check_in"]) == "核验入场"


# Figures


@pytest.fixture
def season(offer):
    """Six bookings of known statuses; tomorrow's slots moved into the past."""
    parties = {
        "in": (BookingStatus.CHECKED_IN, 2, 1, 0),
        "no_show": (BookingStatus.NO_SHOW, 1, 1, 1),
        "late": (BookingStatus.LATE_CANCELLED, 3, 1, 2),
        "cancelled": (BookingStatus.CANCELLED, 1, 1, 2),
        "waiting": (BookingStatus.BOOKED, 2, 1, 0),
        "later": (BookingStatus.BOOKED, 1, 2, 0),
    }
    made = {}
    for key, (status, size, days_ahead, index) in parties.items():
        slot = slot_on(offer, days_ahead, index)
        booking, _created = book(
            offer,
            slot.pk,
            PHONE,
            [person(name) for name in ["王一", "王二", "王三"][:size]],
        )
        Booking.objects.filter(pk=booking.pk).update(status=status)
        made[key] = booking
    ago = timezone.now() - datetime.timedelta(hours=6)
    for index, slot in enumerate(slot_on(offer, 1, i) for i in range(3)):
        move(slot, ago + datetime.timedelta(hours=index))
    return made


def test_dashboard_figures_match_the_bookings(client, offer, season, manager):
    client.force_login(manager)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.get(DASHBOARD_URL, {"offer": offer.pk, "day": tomorrow})
    assert response.status_code == 200
    totals = response.context["totals"]
    bookings = Booking.objects.filter(offer=offer)
    assert totals.total_bookings == bookings.count() == 6
    for status in BookingStatus:
        assert totals.bookings[status] == bookings.filter(status=status).count()
        assert totals.people[status] == sum(
            b.party_size for b in bookings.filter(status=status)
        )
    # Ended: tomorrow's four bookings not cancelled in time; missed: no-show + late.
    assert (totals.ended, totals.missed) == (4, 2)
    html = response.content.decode()
    assert "50.0%" in html and "4 单中 2 单" in html

    # Per day: places held by booked, checked in and no-show parties.
    day = next(r for r in response.context["day_rows"] if r["date"] == tomorrow)
    assert (day["capacity"], day["taken"], day["occupancy"]) == (30, 5, "17%")
    assert (day["checked_in"], day["no_show"], day["late_cancelled"]) == (1, 1, 1)
    # Per slot of the chosen day.
    first, second, third = response.context["slot_rows"]
    assert (first["taken"], first["checked_in_people"]) == (4, 2)
    assert (second["taken"], third["taken"]) == (1, 0)
    assert third["late_cancelled"] == 1 and third["cancelled"] == 1
    # The chart draws the same figures, with a title per bar.
    assert "名额30，已约5人，已入场2人" in html
    assert 'role="img"' in html and "<table" in html


def test_dashboard_exports_the_figures(client, offer, season, manager):
    client.force_login(manager)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    rows = read_csv(client.get(DASHBOARD_URL, {"offer": offer.pk, "export": "csv"}))
    assert len(rows) == 29  # 14 days back, today, 14 ahead
    row = next(r for r in rows if r["日期"] == tomorrow.isoformat())
    assert row["名额"] == "30" and row["已约人数"] == "5" and row["预约单数"] == "5"
    assert row["未到场"] == "1" and row["逾期取消"] == "1" and row["已取消"] == "1"
    values = read_xlsx(client.get(DASHBOARD_URL, {"offer": offer.pk, "export": "xlsx"}))
    assert "占用率" in values and "17%" in values


def test_dashboard_survives_odd_parameters(client, offer, manager):
    client.force_login(manager)
    for params in (
        {"offer": "x", "start": "2026-02-30", "day": "yesterday"},
        {"start": "2020-01-01", "end": "2030-01-01"},
        {"start": "2026-05-01", "end": "2026-04-01"},
        {"offer": "999999"},
        {"start": "9999-12-31", "end": "9999-12-31"},
    ):
        response = client.get(DASHBOARD_URL, params)
        assert response.status_code == 200, params
        rows = response.context["day_rows"]
        assert 1 <= len(rows) <= 366


def test_dashboard_without_offers_says_so(client, manager):
    client.force_login(manager)
    response = client.get(DASHBOARD_URL)
    assert "还没有预约项目" in response.content.decode()


def test_a_ticket_of_another_venue_is_refused_at_this_gate(client, offer, gatekeeper):
    booking = booking_today(offer, starts_in=0)
    hall = Venue.objects.create(name="出入境接待大厅")
    client.force_login(gatekeeper)
    response = scan(client, booking.token, venue=hall)
    assert "不能在这里入场" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert client.session["booking_gate_venue"] == hall.pk
    assert "可以入场" in scan(client, booking.token).content.decode()


def test_a_ticket_of_a_day_closed_later_is_refused(client, offer, gatekeeper):
    booking = booking_today(offer, starts_in=0)
    Day.objects.filter(pk=booking.slot.day_id).update(closed=True, reason="设备检修")
    client.force_login(gatekeeper)
    assert "设备检修" in scan(client, booking.token).content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
