"""Delete cases and their files past each form's retention period (run daily)."""

from django.core.management.base import BaseCommand

from services.logic import purge


class Command(BaseCommand):
    help = (
        "Delete submissions (and their private files) older than their form's "
        "retention period, and uploads never used in a submission after a day."
    )

    def handle(self, *args, **options):
        removed = purge()
        self.stdout.write(self.style.SUCCESS(f"Deleted {removed} submission(s)."))
