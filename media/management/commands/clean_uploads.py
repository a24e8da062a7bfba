"""Delete files the multiple uploader left behind under wagtail_uploads/."""

import datetime

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import UploadedFile

FOLDER = "wagtail_uploads"


class Command(BaseCommand):
    help = (
        "Delete abandoned uploads: files the multiple image/document uploader kept "
        "while an editor was to fill in their details, older than --hours (default "
        "24), with their database rows, and files under wagtail_uploads/ that no row "
        "refers to. Run it daily (docs/deploy.md). Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Only delete uploads older than this many hours.",
        )

    def handle(self, *args, hours: int = 24, **options):
        cutoff = timezone.now() - datetime.timedelta(hours=hours)
        rows = files = 0
        kept: set[str] = set()
        for upload in UploadedFile.objects.all():
            name = upload.file.name
            if name and default_storage.exists(name) and not self.old(name, cutoff):
                kept.add(name)
                continue
            if name and default_storage.exists(name):
                default_storage.delete(name)
                files += 1
            upload.delete()
            rows += 1
        if default_storage.exists(FOLDER):
            _folders, names = default_storage.listdir(FOLDER)
            for filename in names:
                name = f"{FOLDER}/{filename}"
                if name not in kept and self.old(name, cutoff):
                    default_storage.delete(name)
                    files += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {files} abandoned upload file(s) and {rows} record(s) "
                f"older than {hours} h."
            )
        )

    @staticmethod
    def old(name: str, cutoff: datetime.datetime) -> bool:
        return default_storage.get_modified_time(name) < cutoff
