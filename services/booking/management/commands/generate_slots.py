"""Make the days and slots of every active offer ahead, and close past bookings."""

from django.core.management.base import BaseCommand

from services.booking.records import mark_no_shows
from services.booking.schedule import generate_ahead


class Command(BaseCommand):
    help = (
        "Create the booking days and slots of every active offer from today to the end "
        "of its booking window (plus one day), apply closures and extra openings, and "
        "mark bookings nobody checked in for as no-shows. Run it every hour, and after "
        "changing closures."
    )

    def handle(self, *args, **options):
        for offer, result in generate_ahead().items():
            self.stdout.write(
                f"{offer}: {result.created} days made, {result.closed} closed, "
                f"{result.reopened} reopened."
            )
            for date, booked in result.closed_with_bookings:
                self.stderr.write(
                    self.style.WARNING(
                        f"{offer} {date:%Y-%m-%d} is now closed but has {booked} "
                        "booked places: tell those visitors."
                    )
                )
        self.stdout.write(f"{mark_no_shows()} bookings marked as no-shows.")
