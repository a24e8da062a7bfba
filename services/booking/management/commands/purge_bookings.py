"""Erase visitors' personal data of old bookings, keeping anonymous counts."""

from django.core.management.base import BaseCommand

from services.booking.records import purge, retention_days


class Command(BaseCommand):
    help = (
        "Erase names, document numbers and phone numbers of bookings older than "
        "BOOKING_RETENTION_DAYS (never less than an offer's no-show window). Dates, "
        "slots, party sizes and statuses stay for statistics. Run it daily."
    )

    def handle(self, *args, **options):
        count = purge()
        self.stdout.write(
            f"{count} bookings older than {retention_days()} days: "
            "personal data erased."
        )
