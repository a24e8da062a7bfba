"""Demo offers on the booking engine (cms/demo/data/booking.toml), with bookings."""

import datetime
import random
from typing import Annotated

import msgspec
from django.utils import timezone
from stdnum.cn import ric

from cms.demo.schema import DATA, Record, Text, read
from guides.models import GuidePage

from .logic import book, check_in
from .models import Closure, ExtraOpening, Offer, Venue, WeeklySession
from .records import mark_no_shows
from .schedule import generate_days

Weekday = Annotated[int, msgspec.Meta(ge=0, le=6)]
Clock = Annotated[str, msgspec.Meta(pattern=r"^[0-2][0-9]:[0-5][0-9]$")]
PAST_DAYS = 14
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
]
REGIONS = ["110101", "110105", "110108", "310104", "440106", "510107"]


class DemoVenue(Record):
    name: Text
    address: str = ""
    phone: str = ""
    directions: str = ""


class Session(Record):
    weekdays: list[Weekday]
    start: Clock
    end: Clock
    slot_minutes: int
    capacity: int


class DemoOffer(Record):
    venue: Text
    slug: Text
    title: Text
    summary: str
    rules: str
    party_cap: int
    window_days: int
    release_time: Clock
    cancel_hours: int
    check_in_early_minutes: int
    check_in_late_minutes: int
    closed_note: str
    sessions: list[Session]
    bookings_per_day: int = 0
    daily_cap: int | None = None
    guides: str = ""


class BookingData(Record):
    venues: list[DemoVenue]
    offers: list[DemoOffer]


def _time(clock: str) -> datetime.time:
    return datetime.time.fromisoformat(clock)


def demo_offers() -> BookingData:
    return read(DATA / "booking.toml", BookingData)


def _visitor(rng: random.Random, adult=True) -> dict:
    year = rng.randint(1955, 2003) if adult else rng.randint(2012, 2018)
    birth = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = rng.choice(REGIONS) + birth + f"{rng.randint(0, 999):03d}"
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))
    return {
        "name": name,
        "document_type": "resident_id",
        "document_number": body + ric.calc_check_digit(body + "0"),
    }


def _party(rng: random.Random, cap: int) -> list[dict]:
    size = rng.randint(1, cap)
    return [
        _visitor(rng, adult=index == 0 or rng.random() < 0.7) for index in range(size)
    ]


def _book_days(offer: Offer, per_day: int, staff, rng: random.Random) -> int:
    """Bookings made as visitors would have, past days checked in or missed."""
    made = 0
    for day in offer.days.filter(closed=False).prefetch_related("slots"):
        slots = list(day.slots.all())
        for _number in range(per_day if slots else 0):
            slot = rng.choice(slots)
            when = slot.start - datetime.timedelta(days=rng.randint(1, 3), hours=2)
            phone = f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
            booking, _created = book(
                offer, slot.pk, phone, _party(rng, offer.party_cap), now=when
            )
            made += 1
            if slot.start < timezone.now() and rng.random() < 0.85:
                check_in(booking.token, staff, now=slot.start)
    return made


def build_booking(staff, stdout) -> list[Offer]:
    """Create the demo venues and offers that are missing, with their calendar."""
    data = demo_offers()
    wanted = [o for o in data.offers if not Offer.objects.filter(slug=o.slug).exists()]
    if not wanted:
        stdout.write("Booking: all demo offers present; none added.")
        return []
    venues = {}
    for item in data.venues:
        venues[item.name], _created = Venue.objects.get_or_create(
            name=item.name,
            defaults={
                "address": item.address,
                "phone": item.phone,
                "directions": item.directions,
            },
        )
    today = timezone.localdate()
    rng = random.Random(20261201)  # noqa: S311 - repeatable demo data, not secrets
    made = []
    for item in wanted:
        offer = _make_offer(item, venues[item.venue])
        _exceptions(offer, today)
        first = today - datetime.timedelta(days=PAST_DAYS)
        generate_days(
            offer, first, today + datetime.timedelta(days=offer.window_days + 1)
        )
        count = _book_days(offer, item.bookings_per_day, staff, rng)
        linked = _link_guides(offer, item.guides, staff)
        made.append(offer)
        stdout.write(
            f"Booking: {offer.title}, {count} demo bookings, {linked} guides linked."
        )
    mark_no_shows()
    return made


def _make_offer(item: DemoOffer, venue: Venue) -> Offer:
    offer = Offer.objects.create(
        venue=venue,
        slug=item.slug,
        title=item.title,
        summary=item.summary,
        rules=item.rules.strip(),
        party_cap=item.party_cap,
        window_days=item.window_days,
        release_time=_time(item.release_time),
        daily_cap=item.daily_cap,
        cancel_hours=item.cancel_hours,
        check_in_early_minutes=item.check_in_early_minutes,
        check_in_late_minutes=item.check_in_late_minutes,
        closed_note=item.closed_note,
    )
    for session in item.sessions:
        for weekday in session.weekdays:
            WeeklySession.objects.create(
                offer=offer,
                weekday=weekday,
                start=_time(session.start),
                end=_time(session.end),
                slot_minutes=session.slot_minutes,
                capacity=session.capacity,
            )
    return offer


def _exceptions(offer: Offer, today: datetime.date) -> None:
    """An ad-hoc closure and a holiday opening in the window, to show both."""
    if offer.slug != "museum-visit":
        return
    dates = [today + datetime.timedelta(days=n) for n in range(3, offer.window_days)]
    closed = next(d for d in dates if d.weekday() == 3)
    Closure.objects.get_or_create(
        venue=offer.venue, date=closed, defaults={"reason": "展厅设备检修"}
    )
    holiday = next(d for d in dates if d.weekday() == 0)
    ExtraOpening.objects.get_or_create(
        venue=offer.venue,
        date=holiday,
        defaults={"hours_of": 1, "reason": "节假日照常开放"},
    )


def _link_guides(offer: Offer, business: str, staff) -> int:
    """Publish the business's guides that take appointments with the offer's button."""
    if not business:
        return 0
    guides = GuidePage.objects.live().filter(
        business=business, appointment_supported=True, appointment_offer=None
    )
    for guide in guides:
        guide.appointment_offer = offer
        guide.save_revision(user=staff, log_action=True).publish(user=staff)
    return len(guides)
