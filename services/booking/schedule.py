"""The calendar: the booking window, days and slots made ahead, and availability."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Closure, Day, ExtraOpening, Offer, Slot

# The availability of a longer range is refused (the API answers 400).
MAX_RANGE_DAYS = 62


def local_now(now: datetime.datetime | None = None) -> datetime.datetime:
    return timezone.localtime(now or timezone.now())


def window(offer: Offer, now: datetime.datetime | None = None):
    """First and last date bookable now: the last opens at the daily release time."""
    moment = local_now(now)
    today = moment.date()
    last = today + datetime.timedelta(days=offer.window_days)
    if offer.window_days and moment.time() < offer.release_time:
        last -= datetime.timedelta(days=1)
    return today, last


def opens_at(offer: Offer, date: datetime.date) -> datetime.datetime:
    """When a date's places are released."""
    release_day = date - datetime.timedelta(days=offer.window_days)
    naive = datetime.datetime.combine(release_day, offer.release_time)
    return timezone.make_aware(naive)


def _moment(date: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, time))


def plan_day(offer, date, sessions_by_weekday, closures, openings):
    """(closed reason or "", the sessions of the date)."""
    if date in closures:
        return closures[date].reason, []
    weekday = date.weekday()
    if date in openings:
        weekday = openings[date].hours_of
    sessions = sessions_by_weekday.get(weekday, [])
    if not sessions:
        return offer.closed_note or _("闭馆"), []
    return "", sessions


@dataclass
class Generated:
    created: int = 0
    closed: int = 0
    reopened: int = 0
    # Dates closed after people had booked them: staff must tell those people.
    closed_with_bookings: list = field(default_factory=list)


@transaction.atomic
def generate_days(offer: Offer, first: datetime.date, last: datetime.date) -> Generated:
    """Make the days and slots of [first, last] that do not exist yet, and apply
    closures and extra openings to days already made (their bookings are kept)."""
    result = Generated()
    by_weekday = defaultdict(list)
    for session in offer.sessions.all():
        by_weekday[session.weekday].append(session)
    closures = {
        c.date: c
        for c in Closure.objects.filter(venue=offer.venue_id, date__range=(first, last))
    }
    openings = {
        o.date: o
        for o in ExtraOpening.objects.filter(
            venue=offer.venue_id, date__range=(first, last)
        )
    }
    existing = {d.date: d for d in offer.days.filter(date__range=(first, last))}
    date = first
    while date <= last:
        reason, sessions = plan_day(offer, date, by_weekday, closures, openings)
        day = existing.get(date)
        if day is None:
            _make_day(offer, date, reason, sessions)
            result.created += 1
        elif reason and not day.closed:
            day.closed, day.reason = True, reason
            day.save(update_fields=["closed", "reason"])
            result.closed += 1
            if day.booked:
                result.closed_with_bookings.append((date, day.booked))
        elif reason and day.reason != reason:
            # A closure's reason edited, or a closure on a weekly closed day: the
            # calendar shows the reason staff gave.
            day.reason = reason
            day.save(update_fields=["reason"])
        elif not reason and day.closed:
            if not day.slots.exists():
                _make_slots(day, sessions)
            day.closed, day.reason = False, ""
            day.save(update_fields=["closed", "reason"])
            result.reopened += 1
        date += datetime.timedelta(days=1)
    return result


def _make_day(offer, date, reason, sessions) -> Day:
    day = Day.objects.create(offer=offer, date=date, closed=bool(reason), reason=reason)
    if not reason:
        _make_slots(day, sessions)
    return day


def _make_slots(day: Day, sessions) -> None:
    slots = [
        Slot(
            day=day,
            start=_moment(day.date, start),
            end=_moment(day.date, end),
            capacity=session.capacity,
        )
        for session in sessions
        for start, end in session.slot_times()
    ]
    Slot.objects.bulk_create(slots, ignore_conflicts=True)
    total = sum(slot.capacity for slot in slots)
    cap = day.offer.daily_cap
    day.capacity = min(total, cap) if cap else total
    day.save(update_fields=["capacity"])


def generate_ahead(now: datetime.datetime | None = None) -> dict[Offer, Generated]:
    """Days for every active offer from today to the end of its window, plus one."""
    today = local_now(now).date()
    results = {}
    for offer in Offer.objects.filter(active=True).select_related("venue"):
        last = today + datetime.timedelta(days=offer.window_days + 1)
        results[offer] = generate_days(offer, today, last)
    return results


@dataclass
class SlotView:
    id: int
    start: datetime.datetime
    end: datetime.datetime
    capacity: int
    remaining: int
    bookable: bool


@dataclass
class DayView:
    date: datetime.date
    closed: bool
    reason: str
    remaining: int
    bookable: bool
    opens_at: datetime.datetime | None
    slots: list[SlotView]


def availability(
    offer: Offer,
    first: datetime.date,
    last: datetime.date,
    now: datetime.datetime | None = None,
) -> list[DayView]:
    """Every date of [first, last]: closed with the reason, or its slots and places."""
    moment = local_now(now)
    window_first, window_last = window(offer, moment)
    days = {
        day.date: day
        for day in offer.days.filter(date__range=(first, last)).prefetch_related(
            "slots"
        )
    }
    views = []
    # Counted, not stepped past `last`: a range ending on date.max must not overflow.
    for offset in range((last - first).days + 1):
        date = first + datetime.timedelta(days=offset)
        views.append(
            _day_view(offer, date, days.get(date), moment, window_first, window_last)
        )
    return views


def _day_view(offer, date, day, moment, window_first, window_last) -> DayView:
    if date < window_first:
        return DayView(date, False, _("已过去"), 0, False, None, [])
    if day is not None and day.closed:
        return DayView(date, True, day.reason, 0, False, None, [])
    if date > window_last or day is None:
        release = opens_at(offer, date) if offer.active else None
        reason = _("尚未放号") if offer.active else _("暂停预约")
        return DayView(date, False, reason, 0, False, release, [])
    day_left = day.remaining if offer.active else 0
    slots = []
    for slot in day.slots.all():
        remaining = min(slot.remaining, day_left)
        bookable = remaining > 0 and slot.start > moment
        slots.append(
            SlotView(slot.id, slot.start, slot.end, slot.capacity, remaining, bookable)
        )
    left = sum(s.remaining for s in slots if s.bookable)
    left = min(left, day_left)
    if left:
        reason = ""
    elif not offer.active:
        reason = _("暂停预约")
    elif slots and all(slot.start <= moment for slot in slots):
        reason = _("时段均已开始")  # today, late: not "full" when nobody booked
    else:
        reason = _("已约满")
    return DayView(date, False, reason, left, left > 0, None, slots)
