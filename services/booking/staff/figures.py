"""预约统计: an offer's figures over a date range, per day and per slot of a day.

Counted from the bookings themselves (one grouped query per view), not from the
days' running totals, so that every figure agrees with the list of bookings:

- places taken: people of bookings that hold their places (booked, checked in,
  no-show; a cancellation, late or not, frees them);
- the no-show rate: no-shows and late cancellations over the bookings whose slot
  has ended, leaving out those cancelled in time (they freed their places and
  nobody was expected) and days the venue closed after they were made.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from ..models import Booking, BookingStatus, Day, Offer, Slot
from ..models.bookings import NO_SHOW_STATUSES

HOLDING = (BookingStatus.BOOKED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW)


@dataclass
class Tally:
    """Bookings and people, per status."""

    bookings: dict = field(default_factory=lambda: dict.fromkeys(BookingStatus, 0))
    people: dict = field(default_factory=lambda: dict.fromkeys(BookingStatus, 0))

    def add(self, status: str, bookings: int, people: int) -> None:
        status = BookingStatus(status)
        self.bookings[status] += bookings
        self.people[status] += people

    @property
    def total_bookings(self) -> int:
        return sum(self.bookings.values())

    @property
    def total_people(self) -> int:
        return sum(self.people.values())

    @property
    def taken(self) -> int:
        return sum(self.people[status] for status in HOLDING)


@dataclass
class Totals(Tally):
    """The range's tally and the no-show rate over bookings whose slot has ended."""

    ended: int = 0
    missed: int = 0

    @property
    def no_show_rate(self) -> float | None:
        return self.missed / self.ended if self.ended else None


def _grouped(bookings, key: str, now: datetime.datetime):
    return (
        bookings.values(key, "status")
        .annotate(
            n=Count("pk"),
            people=Sum("party_size"),
            ended=Count("pk", filter=Q(slot__end__lt=now, slot__day__closed=False)),
        )
        .order_by()
    )


def per_day(
    offer: Offer, first: datetime.date, last: datetime.date, now: datetime.datetime
) -> tuple[list[dict], Totals]:
    """One row per date of [first, last] (closed days and days not made yet too),
    and the totals of the range."""
    days = {
        day.date: day
        for day in Day.objects.filter(offer=offer, date__range=(first, last)).only(
            "date", "closed", "reason", "capacity"
        )
    }
    tallies: dict[datetime.date, Tally] = {}
    totals = Totals()
    bookings = Booking.objects.filter(offer=offer, date__range=(first, last))
    for row in _grouped(bookings, "date", now):
        tallies.setdefault(row["date"], Tally()).add(
            row["status"], row["n"], row["people"]
        )
        totals.add(row["status"], row["n"], row["people"])
        if row["status"] != BookingStatus.CANCELLED:
            totals.ended += row["ended"]
        if row["status"] in NO_SHOW_STATUSES:
            totals.missed += row["ended"]
    rows = []
    # Counted, not stepped: a day past 9999-12-31 does not exist.
    for offset in range((last - first).days + 1):
        date = first + datetime.timedelta(days=offset)
        day = days.get(date)
        tally = tallies.get(date, Tally())
        rows.append(
            {
                "date": date,
                "made": day is not None,
                "closed": bool(day and day.closed),
                "reason": day.reason if day else "",
                "capacity": day.capacity if day and not day.closed else 0,
                "taken": tally.taken,
                "checked_in": tally.people[BookingStatus.CHECKED_IN],
                "tally": tally,
            }
        )
    return rows, totals


def per_slot(offer: Offer, date: datetime.date) -> list[dict]:
    """One row per slot of the offer's date."""
    slots = list(
        Slot.objects.filter(day__offer=offer, day__date=date)
        .only("start", "end", "capacity")
        .order_by("start")
    )
    tallies: dict[int, Tally] = {}
    bookings = Booking.objects.filter(offer=offer, date=date)
    for row in (
        bookings.values("slot_id", "status")
        .annotate(n=Count("pk"), people=Sum("party_size"))
        .order_by()
    ):
        tallies.setdefault(row["slot_id"], Tally()).add(
            row["status"], row["n"], row["people"]
        )
    rows = []
    for slot in slots:
        tally = tallies.get(slot.pk, Tally())
        rows.append(
            {
                "slot": slot,
                "capacity": slot.capacity,
                "taken": tally.taken,
                "checked_in": tally.people[BookingStatus.CHECKED_IN],
                "tally": tally,
            }
        )
    return rows
