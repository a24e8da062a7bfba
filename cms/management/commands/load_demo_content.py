"""Build the demo site in code: tree, guides, news, documents, staff and admin."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.demo import content, people, translations, tree
from cms.models import HomePage


class Command(BaseCommand):
    help = (
        "Load the Jingwu demo content: home page, news, transparency documents, "
        "the 120 "
        "service guides, English translations, staff groups, approval workflow and an "
        "admin user. Safe to run twice; --reset rebuilds the page tree."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo page tree and build it again.",
        )

    def handle(self, *args, reset: bool = False, **options):
        started = time.monotonic()
        with transaction.atomic():
            if reset:
                tree.remove_demo_tree()
                self.stdout.write("Removed the existing page tree.")
            home = HomePage.objects.filter(locale__language_code="zh-hans").first()
            if home is None:
                home = self.build_tree()
            else:
                self.stdout.write(
                    "Demo pages already exist; use --reset to rebuild them."
                )
            tree.configure_settings(Site.objects.get(root_page=home))
            groups = people.ensure_groups(Page.get_first_root_node())
            sections = [p.specific for p in home.get_children().live()]
            people.ensure_workflow(
                groups[people.MODERATORS],
                [p for p in sections if p.specific_class.__name__ in WORKFLOW_SECTIONS],
            )
            username, password = people.ensure_admin(groups)
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s.")
        )
        if password:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin user '{username}' created with password: {password}\n"
                    "It is shown only once; change it with: "
                    f"python manage.py changepassword {username}"
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


WORKFLOW_SECTIONS = {"NewsIndexPage", "TransparencyIndexPage"}
