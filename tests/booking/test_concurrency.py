"""Many people booking at once, each on a connection of their own (threads calling
book()): the database, not Python, keeps a slot from being oversold, a document
from being booked twice a day, and a retried request from booking twice."""

import threading

import pytest
from django.db import connections

from services.booking import errors
from services.booking.logic import book
from services.booking.models import Booking, Slot, Visitor

from .conftest import make_offer, new_id, person, slot_on

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = "13812345678"


def at_once(count: int, attempt) -> list:
    """Run attempt(i) in `count` threads released together; results or exceptions."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(index: int) -> None:
        try:
            barrier.wait()
            results[index] = attempt(index)
        except Exception as error:  # noqa: BLE001 - the outcome is what we count
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def outcomes(results) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        name = type(result).__name__ if isinstance(result, Exception) else "booked"
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_200_attempts_for_10_places_give_exactly_10_bookings():
    offer = make_offer(capacity=10)
    slot = slot_on(offer)
    numbers = [new_id() for _ in range(200)]
    results = at_once(
        200, lambda i: book(offer, slot.pk, PHONE, [person(number=numbers[i])])
    )
    assert outcomes(results) == {"booked": 10, "Full": 190}, outcomes(results)
    slot = Slot.objects.select_related("day").get(pk=slot.pk)
    assert slot.booked == 10 and slot.day.booked == 10
    assert Booking.objects.count() == 10 and Visitor.objects.count() == 10


def test_50_attempts_with_one_document_give_one_booking():
    offer = make_offer(capacity=100)
    slots = [slot_on(offer, index=i % 3) for i in range(3)]
    number = new_id()
    results = at_once(
        50,
        lambda i: book(offer, slots[i % 3].pk, PHONE, [person(number=number)]),
    )
    counts = outcomes(results)
    assert counts.get("booked") == 1 and counts.get("AlreadyBooked") == 49, counts
    assert Booking.objects.count() == 1
    assert (
        sum(
            Slot.objects.filter(pk__in=[s.pk for s in slots]).values_list(
                "booked", flat=True
            )
        )
        == 1
    )


def test_a_replayed_idempotency_key_books_once():
    offer = make_offer(capacity=100)
    slot = slot_on(offer)
    party = [person(), person()]
    results = at_once(
        30,
        lambda i: book(offer, slot.pk, PHONE, party, idempotency_key="retry-key-42"),
    )
    assert all(isinstance(r, tuple) for r in results), outcomes(results)
    assert len({booking.pk for booking, _created in results}) == 1
    assert sum(created for _booking, created in results) == 1
    slot.refresh_from_db()
    assert Booking.objects.count() == 1 and slot.booked == 2


def test_the_check_constraint_refuses_an_oversold_slot():
    offer = make_offer(capacity=2)
    slot = slot_on(offer)
    with pytest.raises(Exception) as refusal:
        Slot.objects.filter(pk=slot.pk).update(booked=3)
    assert (
        "constraint" in str(refusal.value).lower()
        or "check" in str(refusal.value).lower()
    )
    assert isinstance(errors.Full("x"), errors.BookingError)
