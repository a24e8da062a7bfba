"""Build the demo site from the data files: tree, guides, news, documents, staff."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, ModelLogEntry, Page, Site

from cms.demo import content, people, translations, tree
from cms.models import HomePage
from mobile.demo import build_app_home
from mobile.models import AppHome
from museum.demo import build_museum
from services.booking.demo import build_booking
from services.demo import build_forms, remove_cases


def app_home_wanted(first_build: bool) -> bool:
    """Whether to make the demo's app home: none exists, and none was deleted by an
    editor since (its log entries outlive it), unless the tree is new."""
    if AppHome.objects.exists():
        return False
    kind = ContentType.objects.get_for_model(AppHome)
    return first_build or not ModelLogEntry.objects.filter(content_type=kind).exists()


class Command(BaseCommand):
    help = (
        "Load the Jingwu demo content (cms/demo/data): home page, news, transparency "
        "documents, the 120 service guides, English translations, the online forms "
        "with some cases, the Police Museum, staff groups, the approval workflow and "
        "an admin user. "
        "Safe to run twice: a second run only creates what is missing and never "
        "changes what editors changed. --reset "
        "deletes the page tree and builds it again (refused under production settings)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo page tree and build it again.",
        )

    def handle(self, *args, reset: bool = False, **options):
        if reset and not settings.ALLOW_DEMO_RESET:
            raise CommandError(
                "--reset deletes every page; it is refused under production settings."
            )
        started = time.monotonic()
        with transaction.atomic():
            if reset:
                AppHome.objects.all().delete()  # it links to the pages going away
                remove_cases()  # cases protect their form pages from deletion
                tree.remove_demo_tree()
                self.stdout.write("Removed the existing page tree.")
            home = HomePage.objects.filter(locale__language_code="zh-hans").first()
            first_build = home is None
            if first_build:
                home = self.build_tree()
            else:
                self.stdout.write(
                    "Demo pages already exist: only what is missing is added "
                    "(--reset rebuilds them)."
                )
            root = Page.get_first_root_node()
            tree.configure_settings(
                Site.objects.get(root_page=home), overwrite=first_build
            )
            groups = people.ensure_groups(root, configure=first_build)
            people.ensure_workflow(groups[people.MODERATORS], root, first_build)
            username, password = people.ensure_admin(groups)
            # Every run: forms added to the data since the first build are created.
            staff = get_user_model().objects.get(username=username)
            build_forms(home, staff, first_build, self.stdout)
            # The museum too, when missing (and not removed by an editor).
            build_museum(home, first_build, self.stdout)
            build_booking(staff, self.stdout)
            if app_home_wanted(first_build):
                build_app_home(home)
                self.stdout.write("App home (北京警务) published.")
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s.")
        )
        if password:
            self.stdout.write(
                self.style.WARNING(
                    "\n"
                    "  ┌───────────────────────────────────────────────┐\n"
                    f"    Admin user:  {username}\n"
                    f"    Password:    {password}\n"
                    "    Shown only this once. Change it with:\n"
                    f"    manage.py changepassword {username}\n"
                    "  └───────────────────────────────────────────────┘"
                )
            )
        else:
            self.stdout.write(
                f"Admin user '{username}' already exists (password unchanged)."
            )

    def build_tree(self) -> HomePage:
        chinese = Locale.objects.get(language_code="zh-hans")
        home = tree.build_home(chinese)
        sections = tree.build_sections(home)
        self.stdout.write("Home page and sections created.")
        content.build_news(sections["news"], self.stdout)
        content.build_transparency(sections["transparency"], self.stdout)
        guides = content.build_guides(sections["guides"], self.stdout)
        popular = [page for page in guides.values() if page.popular]
        tree.configure_home(home, sections, popular)
        english = translations.build_english(home, guides)
        self.stdout.write(f"English translations: home page and {len(english)} guides.")
        return home
