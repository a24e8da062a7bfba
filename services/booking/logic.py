"""The one write path of bookings: book, cancel, check in.

Capacity and one-booking-per-document-per-day are the database's to enforce: a
conditional UPDATE raises `booked` only while it fits (the CHECK constraints back it
up) and a partial unique index refuses a second active booking of a document. Both
hold on PostgreSQL and SQLite; nothing here checks first and inserts after.
"""

import datetime
import hmac
import json

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.debug import sensitive_variables

from services import references
from services.crypto import decrypt, encrypt, keyed_hash
from services.logic import dummy_token

from . import records
from .errors import (
    AlreadyBooked,
    BookingError,
    CannotCancel,
    CheckInRefused,
    Full,
    IdempotencyConflict,
    InvalidBooking,
    NotFound,
    Unavailable,
)
from .models import Booking, BookingStatus, Day, Offer, Slot, Visitor
from .people import PHONE_PURPOSE, Person, check_party, check_phone
from .schedule import local_now, window

MAX_KEY_LENGTH = 100


def _key(value) -> str | None:
    if value in (None, ""):
        return None
    if (
        not isinstance(value, str)
        or not 8 <= len(value) <= MAX_KEY_LENGTH
        or not value.isascii()
        or not value.isprintable()
    ):
        raise InvalidBooking(
            _("Idempotency-Key 应为8至100个可打印的ASCII字符。"),
            {"idempotency_key": [_("Idempotency-Key 应为8至100个可打印的ASCII字符。")]},
        )
    return value


def _request_hash(offer, slot_id, phone: str, people: list[Person]) -> str:
    request = [offer.pk, slot_id, phone, [(p.name, p.document_hash) for p in people]]
    return keyed_hash(json.dumps(request, ensure_ascii=False), "booking-request")


def _replayed(key: str | None, request_hash: str) -> Booking | None:
    if key is None:
        return None
    booking = Booking.objects.filter(idempotency_key=key).first()
    if booking is not None and not hmac.compare_digest(
        booking.request_hash, request_hash
    ):
        raise IdempotencyConflict(
            _("这个 Idempotency-Key 已用于另一份预约，请为新的预约生成新的标识。")
        )
    return booking


def _find_slot(offer: Offer, slot_id) -> Slot:
    slot = None
    if isinstance(slot_id, int) and not isinstance(slot_id, bool) and slot_id > 0:
        slot = Slot.objects.select_related("day").filter(pk=slot_id).first()
    if slot is None or slot.day.offer_id != offer.pk:
        raise InvalidBooking(
            _("所选时段不存在，请重新选择。"),
            {"slot": [_("所选时段不存在，请重新选择。")]},
        )
    return slot


def _check_open(offer: Offer, slot: Slot, now) -> None:
    if not offer.active:
        raise Unavailable(_("该项目暂停预约。"))
    if slot.day.closed:
        raise Unavailable(
            _("%(date)s闭馆（%(reason)s），请选择其他日期。")
            % {
                "date": formats.date_format(
                    slot.day.date, pgettext("date format", "n月j日")
                ),
                "reason": slot.day.reason,
            }
        )
    first, last = window(offer, now)
    if not first <= slot.day.date <= last or slot.start <= now:
        raise Unavailable(
            _("所选时段不在可预约的时间内：可预约%(first)s至%(last)s尚未开始的时段。")
            % {
                "first": formats.date_format(first, pgettext("date format", "n月j日")),
                "last": formats.date_format(last, pgettext("date format", "n月j日")),
            }
        )


def _taken_on_the_day(offer, date, people: list[Person]) -> None:
    """A friendly refusal naming the visitor; the unique index is the real guard."""
    hashes = {p.document_hash: index for index, p in enumerate(people)}
    taken = Visitor.objects.filter(
        offer=offer, date=date, active=True, document_hash__in=hashes
    ).values_list("document_hash", flat=True)
    for document_hash in taken:
        index = hashes[document_hash]
        raise _already_booked(people[index], index, date)


def _already_booked(person: Person, index: int, date) -> AlreadyBooked:
    message = _(
        "参观人%(name)s的证件在%(date)s已有预约，同一证件每天只能预约一次。"
    ) % {
        "name": person.name_masked,
        "date": formats.date_format(date, pgettext("date format", "n月j日")),
    }
    return AlreadyBooked(message, {f"visitors[{index}].document_number": [message]})


@sensitive_variables("phone", "visitors", "people")
def book(
    offer: Offer,
    slot_id,
    phone,
    visitors,
    *,
    idempotency_key=None,
    user=None,
    channel: str = "web",
    now: datetime.datetime | None = None,
) -> tuple[Booking, bool]:
    """Book a slot for a party. Returns (booking, created): a replayed idempotency
    key returns the booking it made. Raises a BookingError with nothing stored."""
    now = local_now(now)
    key = _key(idempotency_key)
    slot = _find_slot(offer, slot_id)
    errors, message = {}, ""
    try:
        phone = check_phone(phone)
    except InvalidBooking as error:
        errors, message = error.errors, error.message
    try:
        people = check_party(offer, visitors, slot.day.date)
    except InvalidBooking as error:
        errors, message = {**errors, **error.errors}, error.message
    if errors:
        raise InvalidBooking(message, errors)
    request_hash = _request_hash(offer, slot.pk, phone, people)
    if (booking := _replayed(key, request_hash)) is not None:
        return booking, False
    try:
        _check_open(offer, slot, now)
        records.refuse_if_banned(offer, people, now.date())
        _taken_on_the_day(offer, slot.day.date, people)
        booking = _write(offer, slot, phone, people, key, request_hash, user, channel)
    except (_KeyTaken, BookingError) as refusal:
        # A retry racing its first attempt meets that attempt's places and
        # documents: when the first one committed, answer with its booking.
        booking = _replayed(key, request_hash)
        if booking is not None:
            return booking, False
        if isinstance(refusal, _KeyTaken):  # the first attempt rolled back after all
            raise Full(_("请求处理冲突，请稍后重试。")) from None
        raise
    return booking, True


class _KeyTaken(Exception):
    """Another request with the same idempotency key committed first."""


def _insert_booking(booking: Booking, key) -> None:
    for _attempt in range(3):
        booking.token = references.new_reference()
        try:
            with transaction.atomic():
                booking.save(force_insert=True)
            return
        except IntegrityError:
            if key and Booking.objects.filter(idempotency_key=key).exists():
                raise _KeyTaken from None
    raise IntegrityError("no free ticket token after three attempts")


@sensitive_variables("phone", "people", "person")
@transaction.atomic
def _write(offer, slot, phone, people, key, request_hash, user, channel) -> Booking:
    size = len(people)
    booking = Booking(
        offer=offer,
        slot=slot,
        date=slot.day.date,
        party_size=size,
        phone=encrypt(phone),
        phone_hash=keyed_hash(phone, PHONE_PURPOSE),
        user=user if getattr(user, "is_authenticated", False) else None,
        channel=channel,
        idempotency_key=key,
        request_hash=request_hash,
    )
    _insert_booking(booking, key)
    fits = Slot.objects.filter(pk=slot.pk, booked__lte=F("capacity") - size)
    if not fits.update(booked=F("booked") + size):
        raise Full(
            _("该时段名额不足，剩余名额少于%(size)d个，请选择其他时段。")
            % {"size": size}
        )
    day = Day.objects.filter(
        pk=slot.day_id, closed=False, booked__lte=F("capacity") - size
    )
    if not day.update(booked=F("booked") + size):
        raise Full(_("当天的名额已满，请选择其他日期。"))
    for index, person in enumerate(people):
        try:
            with transaction.atomic():
                Visitor.objects.create(
                    booking=booking,
                    position=index,
                    offer=offer,
                    date=slot.day.date,
                    **person.stored(),
                )
        except IntegrityError:
            raise _already_booked(person, index, slot.day.date) from None
    return booking


def find_booking(token, phone_last4) -> Booking:
    """The booking of a ticket token whose phone ends with these four digits."""
    token = references.normalise(token) if isinstance(token, str) else ""
    last4 = phone_last4 if isinstance(phone_last4, str) else ""
    booking = None
    if references.is_valid(token) and len(last4) == 4 and last4.isdigit():
        booking = (
            Booking.objects.select_related("offer__venue", "slot__day")
            .filter(token=token, purged_at__isnull=True)
            .first()
        )
    # A missing booking decrypts a dummy too: the answer takes as long either way.
    phone = decrypt(booking.phone if booking else dummy_token())
    if booking is None or not hmac.compare_digest(phone[-4:], last4):
        raise NotFound(_("没有找到这个预约：请核对预约码和手机号码后四位。"))
    return booking


def cancel(booking: Booking, now: datetime.datetime | None = None) -> Booking:
    """Cancel and free the places at once; after the deadline it counts as a no-show."""
    now = local_now(now)
    if booking.status != BookingStatus.BOOKED:
        raise CannotCancel(
            _("该预约%(status)s，不能再取消。")
            % {"status": booking.get_status_display()}
        )
    slot = booking.slot
    if now >= slot.start:
        raise CannotCancel(_("参观时段已经开始，不能取消。"))
    deadline = slot.start - datetime.timedelta(hours=booking.offer.cancel_hours)
    status = BookingStatus.LATE_CANCELLED if now > deadline else BookingStatus.CANCELLED
    with transaction.atomic():
        changed = Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED)
        if not changed.update(status=status, cancelled_at=now):
            raise CannotCancel(_("该预约已被取消或使用。"))
        size = booking.party_size
        Slot.objects.filter(pk=slot.pk).update(booked=F("booked") - size)
        Day.objects.filter(pk=slot.day_id).update(booked=F("booked") - size)
        booking.visitors.update(active=False)
    booking.status, booking.cancelled_at = status, now
    return booking


def check_in(token, staff, now: datetime.datetime | None = None, venue=None) -> Booking:
    """Admit a party: once, at its venue (when the gate names one), on its date,
    within its slot and the tolerance."""
    now = local_now(now)
    token = references.normalise(token) if isinstance(token, str) else ""
    booking = None
    if references.is_valid(token):
        booking = (
            Booking.objects.select_related("offer__venue", "slot__day")
            .filter(token=token)
            .first()
        )
    if booking is None:
        raise CheckInRefused(_("没有这张预约票，请核对预约码。"))
    if venue is not None and booking.offer.venue_id != venue.pk:
        raise CheckInRefused(
            _("这是%(venue)s的预约，不能在这里入场。") % {"venue": booking.offer.venue}
        )
    _refuse_check_in(booking, now)
    with transaction.atomic():
        changed = Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED)
        if not changed.update(
            status=BookingStatus.CHECKED_IN, checked_in_at=now, checked_in_by=staff
        ):
            raise CheckInRefused(_("这张预约票刚刚已被使用。"))
    booking.status, booking.checked_in_at = BookingStatus.CHECKED_IN, now
    return booking


def _refuse_check_in(booking: Booking, now) -> None:
    offer, slot = booking.offer, booking.slot
    if booking.status == BookingStatus.CHECKED_IN:
        at = timezone.localtime(booking.checked_in_at)
        raise CheckInRefused(
            _("这张预约票已于%(time)s使用过，不能重复入场。")
            % {"time": formats.date_format(at, pgettext("date format", "n月j日 H:i"))}
        )
    if booking.status != BookingStatus.BOOKED:
        raise CheckInRefused(
            _("这张预约票%(status)s，不能入场。")
            % {"status": booking.get_status_display()}
        )
    if slot.day.closed:
        raise CheckInRefused(
            _("预约当天闭馆（%(reason)s），这张预约票已失效。")
            % {"reason": slot.day.reason}
        )
    if booking.date != now.date():
        raise CheckInRefused(
            _("这是%(date)s的预约，不是今天的。")
            % {
                "date": formats.date_format(
                    booking.date, pgettext("date format", "Y年n月j日")
                )
            }
        )
    early = slot.start - datetime.timedelta(minutes=offer.check_in_early_minutes)
    late = slot.end + datetime.timedelta(minutes=offer.check_in_late_minutes)
    if now < early:
        raise CheckInRefused(
            _("还没到入场时间：这张票%(time)s起可以入场。")
            % {"time": formats.time_format(timezone.localtime(early), "H:i")}
        )
    if now > late:
        raise CheckInRefused(
            _("已超过入场时间：这张票的时段是%(start)s–%(end)s。")
            % {
                "start": formats.time_format(timezone.localtime(slot.start), "H:i"),
                "end": formats.time_format(timezone.localtime(slot.end), "H:i"),
            }
        )
