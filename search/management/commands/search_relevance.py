"""Print nDCG@10 and recall@10 of the judged query set on the current search backend."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from search.backends import backend_name
from search.evaluation import default_judgements_path, evaluate, load_judgements


def ranked_titles(query: str) -> list[str]:
    """Titles of the top 10 live Chinese pages for a query."""
    pages = Page.objects.live().filter(locale=Locale.get_default()).search(query)
    return [page.title for page in pages[:10]]


class Command(BaseCommand):
    help = (
        "Measure search relevance on a judged query set (by default "
        "tests/search/judgements.toml) over the demo content: run load_demo_content "
        "first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--judgements",
            type=Path,
            default=None,
            help=f"A judged query set in TOML (default {default_judgements_path()}).",
        )

    def handle(self, *args, judgements: Path | None = None, **options):
        if not Page.objects.filter(depth=2, locale=Locale.get_default()).exists():
            raise CommandError("No site content: run load_demo_content first.")
        try:
            judged = load_judgements(judgements)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the judgements: {error}") from error
        scores = evaluate(judged, ranked_titles)
        self.stdout.write(f"backend: {backend_name()}")
        self.stdout.write(
            f"{'category':<22}{'queries':>8}{'nDCG@10':>10}{'recall@10':>11}"
        )
        for category, score in scores.items():
            self.stdout.write(
                f"{category:<22}{score.queries:>8}{score.ndcg:>10.3f}{score.recall:>11.3f}"
            )
