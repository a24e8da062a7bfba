"""A visitor's record over time: no-shows, the bans they bring, and the purge."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import F, Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .errors import Banned
from .models import Booking, BookingStatus, Offer, Visitor
from .models.bookings import NO_SHOW_STATUSES


def bans(
    offer: Offer, document_hashes, today: datetime.date
) -> dict[str, datetime.date]:
    """The last day of each banned document's ban: `no_show_limit` no-shows within
    `no_show_window_days` block bookings for `ban_days` after the latest of them
    (also once the first of them has left the window)."""
    window = datetime.timedelta(days=offer.no_show_window_days)
    ban = datetime.timedelta(days=offer.ban_days)
    records = Visitor.objects.filter(
        offer=offer,
        document_hash__in=list(document_hashes),
        date__gte=today - window - ban,
        date__lte=today,
        booking__status__in=NO_SHOW_STATUSES,
    ).values_list("document_hash", "date")
    dates = defaultdict(list)
    for document, date in records:
        dates[document].append(date)
    ends = {}
    for document, missed in dates.items():
        missed.sort()
        for index, last in enumerate(missed):
            within = [d for d in missed[: index + 1] if d >= last - window]
            if len(within) >= offer.no_show_limit and last + ban >= today:
                ends[document] = max(ends.get(document, last + ban), last + ban)
    return ends


def refuse_if_banned(offer: Offer, people, today: datetime.date) -> None:
    banned = bans(offer, [person.document_hash for person in people], today)
    for index, person in enumerate(people):
        until = banned.get(person.document_hash)
        if until is None:
            continue
        message = _(
            "参观人%(name)s在近%(days)d天内有%(count)d次预约未到场或逾期取消，"
            "%(until)s前暂停预约。"
        ) % {
            "name": person.name_masked,
            "days": offer.no_show_window_days,
            "count": offer.no_show_limit,
            "until": formats.date_format(until, pgettext("date format", "Y年n月j日")),
        }
        raise Banned(message, {f"visitors[{index}].document_number": [message]})


def mark_no_shows(now: datetime.datetime | None = None) -> int:
    """Bookings nobody checked in for, once their slot and the tolerance are over.
    Not on a day the venue closed after they booked: nobody could come."""
    now = now or timezone.now()
    count = 0
    for offer in Offer.objects.all():
        over = now - datetime.timedelta(minutes=offer.check_in_late_minutes)
        count += Booking.objects.filter(
            offer=offer,
            status=BookingStatus.BOOKED,
            slot__end__lt=over,
            slot__day__closed=False,
        ).update(status=BookingStatus.NO_SHOW)
    return count


def retention_days() -> int:
    """How long visitors' data is kept: never less than a no-show window and its ban."""
    longest = (
        Offer.objects.aggregate(days=Max(F("no_show_window_days") + F("ban_days")))[
            "days"
        ]
        or 0
    )
    return max(settings.BOOKING_RETENTION_DAYS, longest)


def purge(now: datetime.datetime | None = None) -> int:
    """Erase names, numbers and phones of visits older than the retention period.
    The bookings stay, with date, slot, party size and status: anonymous counts."""
    now = now or timezone.now()
    cutoff = timezone.localdate(now) - datetime.timedelta(days=retention_days())
    old = Booking.objects.filter(date__lt=cutoff, purged_at__isnull=True)
    Visitor.objects.filter(booking__in=old).update(
        name="",
        name_masked="",
        document="",
        document_masked="",
        document_hash="",
        active=False,
    )
    return old.update(
        phone="",
        phone_hash="",
        user=None,
        idempotency_key=None,
        request_hash="",
        purged_at=now,
    )
