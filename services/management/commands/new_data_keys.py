"""Print a new DATA_ENCRYPTION_KEY and DATA_HASH_KEY for production's environment."""

from django.core.management.base import BaseCommand

from services.crypto import new_keys


class Command(BaseCommand):
    help = "Print a new pair of keys for citizens' data (DATA_ENCRYPTION_KEY, …)."

    def handle(self, *args, **options):
        for name, value in new_keys().items():
            self.stdout.write(f"{name}={value}")
