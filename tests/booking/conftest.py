"""An offer open every day 09:00–12:00 in hourly slots of 10 places, days made ahead."""

import datetime
import itertools

import pytest
from django.utils import timezone

from services.booking.models import Offer, Venue, WeeklySession
from services.booking.schedule import generate_days
from tests.services.conftest import resident_id

_serials = itertools.count(100)


def new_id(birth="19900307") -> str:
    """A fresh, valid resident ID number (a new sequence number each call)."""
    return resident_id(birth=birth, sequence=f"{next(_serials) % 1000:03d}")


def person(name="张三", number=None, **extra) -> dict:
    return {
        "name": name,
        "document_type": "resident_id",
        "document_number": number or new_id(),
        **extra,
    }


def make_offer(slug="visit", capacity=10, party_cap=5, weekdays=range(7), **rules):
    venue, _created = Venue.objects.get_or_create(
        name="警察博物馆", defaults={"address": "东城区东交民巷36号"}
    )
    offer = Offer.objects.create(
        venue=venue, title="参观预约", slug=slug, party_cap=party_cap, **rules
    )
    for weekday in weekdays:
        WeeklySession.objects.create(
            offer=offer,
            weekday=weekday,
            start=datetime.time(9),
            end=datetime.time(12),
            slot_minutes=60,
            capacity=capacity,
        )
    today = timezone.localdate()
    generate_days(offer, today, today + datetime.timedelta(days=offer.window_days + 1))
    return offer


def slot_on(offer, days_ahead=1, index=0):
    date = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return offer.days.get(date=date).slots.order_by("start")[index]


@pytest.fixture
def offer(db):
    return make_offer()


@pytest.fixture
def slot(offer):
    return slot_on(offer)
