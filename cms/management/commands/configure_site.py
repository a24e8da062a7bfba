"""Point the default site at SITE_URL: canonical links, sitemap and e-mails agree."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from cms.sites import apply_site_url


class Command(BaseCommand):
    help = (
        "Set the default Wagtail site's host name and port from SITE_URL (run after "
        "deploying or changing SITE_URL). Safe to run twice."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: create the pages first.")
        if apply_site_url(site):
            self.stdout.write(
                self.style.SUCCESS(f"Default site now answers at {settings.SITE_URL}")
            )
        else:
            self.stdout.write(f"Default site already at {settings.SITE_URL}")
