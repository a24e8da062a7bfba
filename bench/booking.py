"""Benchmark: booking throughput through book() with many concurrent clients.

Builds a booking offer in its own database (var/bench-booking.sqlite3 unless
DATABASE_URL is set; use PostgreSQL for the real figure), then lets --clients
threads, each on its own database connection, book parties of 1–3 real-name
visitors into random slots until every place is gone. Prints bookings per second,
attempts per second, the refusals by reason, and how many places were oversold
(counted from the visitors stored, not from the counters). A second round sends
every client at one slot of 10 places. Usage:

    DATABASE_URL=$(scripts/postgres.sh) .venv/bin/python bench/booking.py \\
        [--clients 50] [--slots 40] [--capacity 25]
"""

import argparse
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-booking.sqlite3'}"
)
os.environ.setdefault("DEBUG", "false")


def setup_offer(slots: int, capacity: int):
    import datetime

    from django.utils import timezone

    from services.booking.models import Booking, Offer, Venue, WeeklySession
    from services.booking.schedule import generate_days

    Booking.objects.filter(offer__slug__startswith="bench-").delete()
    Offer.objects.filter(slug__startswith="bench-").delete()
    venue, _ = Venue.objects.get_or_create(name="基准测试场馆")
    offer = Offer.objects.create(
        venue=venue, title="基准测试", slug=f"bench-{time.time_ns()}", window_days=30
    )
    per_day = 8
    for weekday in range(7):
        WeeklySession.objects.create(
            offer=offer,
            weekday=weekday,
            start=datetime.time(9),
            end=datetime.time(9 + per_day),
            slot_minutes=60,
            capacity=capacity,
        )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    days = -(-slots // per_day)
    generate_days(offer, tomorrow, tomorrow + datetime.timedelta(days=days - 1))
    ids = list(
        offer.days.values_list("slots__id", flat=True).order_by("slots__start")[:slots]
    )
    return offer, ids


def identity(rng: random.Random) -> dict:
    from stdnum.cn import ric

    body = f"110105{rng.randint(1960, 2000)}0{rng.randint(1, 9)}1{rng.randint(0, 9)}"
    body += f"{rng.randint(0, 999):03d}"
    return {
        "name": "王小明",
        "document_type": "resident_id",
        "document_number": body + ric.calc_check_digit(body + "0"),
    }


def run(offer, slot_ids: list[int], clients: int, party=(1, 3)) -> dict:
    from django.db import connections

    from services.booking import errors
    from services.booking.logic import book

    outcome: Counter = Counter()
    lock = threading.Lock()
    full_slots: set[int] = set()
    barrier = threading.Barrier(clients)

    def client(number: int) -> None:
        rng = random.Random(number)  # noqa: S311 - load generation, not secrets
        barrier.wait()
        try:
            while len(full_slots) < len(slot_ids):
                slot_id = rng.choice([s for s in slot_ids if s not in full_slots])
                people = [identity(rng) for _ in range(rng.randint(*party))]
                try:
                    book(offer, slot_id, "13800001234", people)
                    result = "booked"
                except errors.Full:
                    result = "full"
                    with lock:
                        full_slots.add(slot_id)
                except errors.BookingError as error:
                    result = error.code
                with lock:
                    outcome[result] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome["seconds"] = time.perf_counter() - start
    return outcome


def oversold(slot_ids: list[int]) -> int:
    from django.db.models import Count

    from services.booking.models import Slot, Visitor

    stored = dict(
        Visitor.objects.filter(booking__slot__in=slot_ids, active=True)
        .values_list("booking__slot")
        .annotate(n=Count("id"))
    )
    over = 0
    for slot in Slot.objects.filter(pk__in=slot_ids):
        over += max(stored.get(slot.pk, 0) - slot.capacity, 0)
        if stored.get(slot.pk, 0) != slot.booked:
            raise SystemExit(f"slot {slot.pk}: its counter and its visitors disagree")
    return over


def report(name: str, outcome: Counter, slot_ids: list[int]) -> None:
    seconds = outcome.pop("seconds")
    attempts = sum(outcome.values())
    booked = outcome["booked"]
    refusals = ", ".join(
        f"{k} {v}" for k, v in sorted(outcome.items()) if k != "booked"
    )
    print(
        f"| {name} | {booked} | {attempts} | {seconds:.2f} | {booked / seconds:.0f} | "
        f"{attempts / seconds:.0f} | {refusals} | {oversold(slot_ids)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--slots", type=int, default=40)
    parser.add_argument("--capacity", type=int, default=25)
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"{connection.vendor}, {args.clients} clients, {os.cpu_count()} cores")
    print(
        "| round | bookings | attempts | seconds | bookings/s | attempts/s "
        "| refusals | oversold |"
    )
    print("|---|---|---|---|---|---|---|---|")
    offer, slot_ids = setup_offer(args.slots, args.capacity)
    places = args.slots * args.capacity
    name = f"{args.slots} slots × {args.capacity} ({places} places)"
    report(name, run(offer, slot_ids, args.clients), slot_ids)
    offer, slot_ids = setup_offer(1, 10)
    report(
        "one slot of 10, parties of 1",
        run(offer, slot_ids, args.clients, (1, 1)),
        slot_ids,
    )


if __name__ == "__main__":
    main()
