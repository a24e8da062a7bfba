"""book(), cancel() and check_in(): each refusal is a clear message, nothing stored."""

import datetime

import pytest
from django.utils import timezone

from services.booking import errors
from services.booking.logic import book, cancel, check_in, find_booking
from services.booking.models import Booking, BookingStatus, Closure, Visitor
from services.booking.records import mark_no_shows, purge
from services.booking.schedule import availability, generate_days, window
from services.booking.tickets import ics, qr_svg
from services.crypto import decrypt

from .conftest import make_offer, new_id, person, slot_on

pytestmark = pytest.mark.django_db
PHONE = "13812345678"


def nothing_stored(slot, bookings=0):
    slot.refresh_from_db()
    slot.day.refresh_from_db()
    assert Booking.objects.count() == bookings
    assert Visitor.objects.count() == sum(b.party_size for b in Booking.objects.all())
    assert slot.booked == sum(
        b.party_size for b in slot.bookings.filter(status="booked")
    )


def test_a_party_of_two_is_booked_with_masked_and_encrypted_identities(offer, slot):
    number = new_id()
    booking, created = book(
        offer, slot.pk, PHONE, [person("张三", number), person("李四")]
    )
    assert (
        created and booking.party_size == 2 and booking.status == BookingStatus.BOOKED
    )
    slot.refresh_from_db()
    assert (
        slot.booked == 2 and slot.day.__class__.objects.get(pk=slot.day_id).booked == 2
    )
    first = booking.visitors.get(position=0)
    assert first.name_masked == "张*"
    assert first.document_masked == number[:3] + "*" * 11 + number[-4:]
    assert number not in first.document and decrypt(first.document) == number
    assert decrypt(booking.phone) == PHONE
    assert find_booking(booking.token, "5678") == booking


@pytest.mark.parametrize(
    ("visitors", "field", "words"),
    [
        ([person() for _ in range(6)], "visitors", "最多5人"),
        ([person(name="")], "visitors[0].name", "姓名"),
        ([person(document_type="driving")], "visitors[0].document_type", "证件类型"),
        ([person(number=new_id(birth="20150101"))], "visitors", "成年人陪同"),
        ([{"name": "张三"}, "x"], "visitors[1]", "格式"),
        ([], "visitors", "至少"),
    ],
)
def test_bad_parties_are_refused_with_the_field_named(
    offer, slot, visitors, field, words
):
    with pytest.raises(errors.InvalidBooking) as refusal:
        book(offer, slot.pk, PHONE, visitors)
    assert field in refusal.value.errors
    assert words in " ".join(refusal.value.errors[field])
    nothing_stored(slot)


def test_a_wrong_check_digit_is_refused(offer, slot):
    number = new_id()
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    with pytest.raises(errors.InvalidBooking) as refusal:
        book(offer, slot.pk, PHONE, [person(number=wrong)])
    message = " ".join(refusal.value.errors["visitors[0].document_number"])
    assert "校验位" in message and wrong not in message
    nothing_stored(slot)


def test_a_minor_with_an_adult_is_booked(offer, slot):
    child = person("王小明", new_id(birth="20150101"))
    booking, _ = book(offer, slot.pk, PHONE, [person(), child])
    assert [v.minor for v in booking.visitors.all()] == [False, True]


def test_foreign_visitors_book_with_a_passport(offer, slot):
    guest = {
        "name": "John Smith",
        "document_type": "passport",
        "document_number": "E12345678",
    }
    booking, _ = book(offer, slot.pk, PHONE, [guest])
    assert booking.visitors.get().document_masked == "E******78"


def test_a_long_foreign_name_fits_masked(offer, slot):
    """Sixty letters are allowed; PostgreSQL enforces the masked column's length."""
    guest = {
        "name": "Maximiliana " + "a" * 48,
        "document_type": "passport",
        "document_number": "E12345679",
    }
    booking, _ = book(offer, slot.pk, PHONE, [guest])
    assert len(booking.visitors.get().name_masked) == 60


def test_a_bad_phone_and_a_bad_visitor_are_reported_together(offer, slot):
    with pytest.raises(errors.InvalidBooking) as refusal:
        book(offer, slot.pk, "12345", [person(name="")])
    assert {"phone", "visitors[0].name"} <= set(refusal.value.errors)
    nothing_stored(slot)


def test_a_closed_day_is_refused_with_its_reason(offer, slot):
    Closure.objects.create(venue=offer.venue, date=slot.day.date, reason="设备检修")
    generate_days(offer, slot.day.date, slot.day.date)
    with pytest.raises(errors.Unavailable, match="设备检修"):
        book(offer, slot.pk, PHONE, [person()])
    nothing_stored(slot)
    day = availability(offer, slot.day.date, slot.day.date)[0]
    assert day.closed and day.reason == "设备检修" and not day.bookable


def test_a_weekday_without_hours_is_closed_with_the_offers_note(db):
    offer = make_offer(weekdays=range(1, 7), closed_note="每周一闭馆（法定节假日除外）")
    today = timezone.localdate()
    days = availability(offer, today, today + datetime.timedelta(days=6))
    monday = next(d for d in days if d.date.weekday() == 0)
    assert monday.closed and monday.reason == "每周一闭馆（法定节假日除外）"
    assert all(not d.closed for d in days if d.date.weekday() != 0)


def test_outside_the_window_is_refused(offer):
    too_late = slot_on(offer, days_ahead=offer.window_days + 1)
    with pytest.raises(errors.Unavailable, match="可预约"):
        book(offer, too_late.pk, PHONE, [person()])
    nothing_stored(too_late)


def test_the_last_day_opens_at_the_release_time(offer):
    today = timezone.localdate()
    before = timezone.make_aware(datetime.datetime.combine(today, datetime.time(8, 59)))
    after = before + datetime.timedelta(minutes=1)
    assert window(offer, before)[1] == today + datetime.timedelta(days=6)
    assert window(offer, after)[1] == today + datetime.timedelta(days=7)


def test_a_full_slot_is_refused(db):
    offer = make_offer(capacity=3)
    slot = slot_on(offer)
    book(offer, slot.pk, PHONE, [person(), person()])
    with pytest.raises(errors.Full, match="名额"):
        book(offer, slot.pk, PHONE, [person(), person()])
    nothing_stored(slot, bookings=1)
    book(offer, slot.pk, PHONE, [person()])  # the last place still goes
    with pytest.raises(errors.Full):
        book(offer, slot.pk, PHONE, [person()])


def test_the_daily_cap_binds_across_slots(db):
    offer = make_offer(capacity=10, daily_cap=3)
    book(offer, slot_on(offer, index=0).pk, PHONE, [person(), person()])
    with pytest.raises(errors.Full, match="当天"):
        book(offer, slot_on(offer, index=1).pk, PHONE, [person(), person()])
    assert Booking.objects.count() == 1


def test_one_document_books_once_a_day(offer, slot):
    number = new_id()
    book(offer, slot.pk, PHONE, [person(number=number)])
    other = slot_on(offer, index=1)
    with pytest.raises(errors.AlreadyBooked) as refusal:
        book(offer, other.pk, PHONE, [person(), person("李四", number)])
    assert "visitors[1].document_number" in refusal.value.errors
    assert number not in refusal.value.message
    nothing_stored(other, bookings=1)
    book(offer, slot_on(offer, days_ahead=2).pk, PHONE, [person(number=number)])


def test_the_same_document_twice_in_one_party_is_refused(offer, slot):
    number = new_id()
    with pytest.raises(errors.InvalidBooking) as refusal:
        book(offer, slot.pk, PHONE, [person(number=number), person("李四", number)])
    assert "visitors[1].document_number" in refusal.value.errors


def test_a_replayed_idempotency_key_returns_the_first_booking(offer, slot):
    party = [person(), person()]
    first, created = book(
        offer, slot.pk, PHONE, party, idempotency_key="app-retry-0001"
    )
    again, created_again = book(
        offer, slot.pk, PHONE, party, idempotency_key="app-retry-0001"
    )
    assert created and not created_again and again == first
    slot.refresh_from_db()
    assert slot.booked == 2 and Booking.objects.count() == 1
    with pytest.raises(errors.IdempotencyConflict):
        book(offer, slot.pk, PHONE, [person()], idempotency_key="app-retry-0001")
    with pytest.raises(errors.InvalidBooking):
        book(offer, slot.pk, PHONE, [person()], idempotency_key="short")


def test_a_slot_of_another_offer_or_nonsense_is_refused(offer, slot):
    other = make_offer(slug="hall")
    for slot_id in (slot_on(other).pk, 0, -1, "1", None, True, 10**12):
        with pytest.raises(errors.InvalidBooking):
            book(offer, slot_id if slot_id != slot.pk else 0, PHONE, [person()])
    assert Booking.objects.count() == 0


def test_cancelling_frees_the_places_at_once(offer, slot):
    number = new_id()
    booking, _ = book(offer, slot.pk, PHONE, [person(number=number), person()])
    cancel(booking)
    slot.refresh_from_db()
    assert slot.booked == 0 and booking.status == BookingStatus.CANCELLED
    book(offer, slot.pk, PHONE, [person(number=number)])  # the document is free again
    with pytest.raises(errors.CannotCancel):
        cancel(Booking.objects.get(pk=booking.pk))


def test_a_late_cancellation_counts_as_a_no_show(offer, slot):
    booking, _ = book(offer, slot.pk, PHONE, [person()])
    late = slot.start - datetime.timedelta(hours=offer.cancel_hours, minutes=-1)
    assert cancel(booking, now=late).status == BookingStatus.LATE_CANCELLED
    with pytest.raises(errors.CannotCancel):
        cancel(booking, now=slot.start)


def test_no_shows_ban_the_document_and_the_booker_is_told_until_when(offer):
    number = new_id()
    for days_ahead in (1, 2, 3):
        booking, _ = book(
            offer, slot_on(offer, days_ahead).pk, PHONE, [person(number=number)]
        )
        Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.NO_SHOW)
    # They lie in the future here: move them to the last three days.
    today = timezone.localdate()
    for days_ago, visitor in enumerate(Visitor.objects.order_by("date"), start=1):
        visitor.date = today - datetime.timedelta(days=days_ago)
        visitor.save(update_fields=["date"])
    with pytest.raises(errors.Banned) as refusal:
        book(offer, slot_on(offer, 4).pk, PHONE, [person(number=number)])
    assert "暂停预约" in refusal.value.message and "3次" in refusal.value.message
    assert Booking.objects.count() == 3
    book(offer, slot_on(offer, 4).pk, PHONE, [person()])  # others still book


def test_a_ban_lasts_its_days_after_the_last_no_show(offer):
    """No-shows 185, 85 and 35 days ago (within 180 days of the last): banned until
    60 days after the last, although the first has left today's window."""
    number = new_id()
    for days_ahead in (1, 2, 3):
        booking, _ = book(
            offer, slot_on(offer, days_ahead).pk, PHONE, [person(number=number)]
        )
        Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.NO_SHOW)
    today = timezone.localdate()
    visitors = Visitor.objects.order_by("date")
    for days_ago, visitor in zip((185, 85, 35), visitors, strict=True):
        visitor.date = today - datetime.timedelta(days=days_ago)
        visitor.active = False
        visitor.save(update_fields=["date", "active"])
    with pytest.raises(errors.Banned) as refusal:
        book(offer, slot_on(offer, 4).pk, PHONE, [person(number=number)])
    until = today + datetime.timedelta(days=25)
    assert f"{until.year}年{until.month}月{until.day}日" in refusal.value.message


def test_unchecked_bookings_become_no_shows_after_the_tolerance(offer, slot):
    booking, _ = book(offer, slot.pk, PHONE, [person()])
    assert mark_no_shows(now=slot.end) == 0
    after = slot.end + datetime.timedelta(minutes=offer.check_in_late_minutes + 1)
    assert mark_no_shows(now=after) == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.NO_SHOW


def test_check_in_once_on_the_day_within_the_tolerance(offer, slot, admin_user):
    booking, _ = book(offer, slot.pk, PHONE, [person()])
    with pytest.raises(errors.CheckInRefused, match="不是今天"):
        check_in(booking.token, admin_user, now=slot.start - datetime.timedelta(days=1))
    with pytest.raises(errors.CheckInRefused, match="还没到入场时间"):
        check_in(
            booking.token, admin_user, now=slot.start - datetime.timedelta(hours=1)
        )
    with pytest.raises(errors.CheckInRefused, match="已超过入场时间"):
        check_in(booking.token, admin_user, now=slot.end + datetime.timedelta(hours=1))
    assert (
        check_in(booking.token.lower(), admin_user, now=slot.start).status
        == "checked_in"
    )
    with pytest.raises(errors.CheckInRefused, match="已于"):
        check_in(booking.token, admin_user, now=slot.start)
    with pytest.raises(errors.CheckInRefused, match="没有这张预约票"):
        check_in("0000-0000-000", admin_user, now=slot.start)


def test_a_cancelled_ticket_is_refused_at_the_door(offer, slot, admin_user):
    booking, _ = book(offer, slot.pk, PHONE, [person()])
    cancel(booking)
    with pytest.raises(errors.CheckInRefused, match="已取消"):
        check_in(booking.token, admin_user, now=slot.start)


def test_lookup_needs_the_right_phone_digits(offer, slot):
    booking, _ = book(offer, slot.pk, PHONE, [person()])
    for token, digits in [
        (booking.token, "0000"),
        ("nonsense", "5678"),
        (booking.token, None),
    ]:
        with pytest.raises(errors.NotFound):
            find_booking(token, digits)


def test_the_ticket_carries_the_token_only(offer, slot):
    number = new_id()
    booking, _ = book(offer, slot.pk, PHONE, [person(number=number)])
    svg = qr_svg(booking.token)
    assert svg.startswith("<svg") and number not in svg
    calendar = ics(booking).decode()
    assert "BEGIN:VEVENT" in calendar and "DTSTART;TZID=Asia/Shanghai" in calendar
    assert number not in calendar and "张三" not in calendar and PHONE not in calendar


def test_purge_erases_personal_data_and_keeps_the_counts(offer, slot, settings):
    booking, _ = book(offer, slot.pk, PHONE, [person(), person()])
    settings.BOOKING_RETENTION_DAYS = 1
    offer.no_show_window_days = offer.ban_days = 1
    offer.save()
    assert purge(now=slot.start) == 0
    later = slot.start + datetime.timedelta(days=3)
    assert purge(now=later) == 1
    booking.refresh_from_db()
    assert booking.phone == "" and booking.purged_at and booking.party_size == 2
    assert set(booking.visitors.values_list("name", "document", "document_hash")) == {
        ("", "", "")
    }
    slot.refresh_from_db()
    assert slot.booked == 2


def test_an_offer_cannot_take_the_slug_of_a_booking_page(offer):
    from django.core.exceptions import ValidationError

    offer.slug = "mine"
    with pytest.raises(ValidationError) as refusal:
        offer.full_clean()
    assert "slug" in refusal.value.message_dict
