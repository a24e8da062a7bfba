"""Print nDCG@10 and recall@10 of the judged query set on the current search backend."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from search.backends import backend_name
from search.evaluation import evaluate
from search.judgements import JUDGEMENTS


def ranked_titles(query: str) -> list[str]:
    """Titles of the top 10 live Chinese pages for a query."""
    pages = Page.objects.live().filter(locale=Locale.get_default()).search(query)
    return [page.title for page in pages[:10]]


class Command(BaseCommand):
    help = (
        "Measure search relevance on the judged query set (search/judgements.py) over "
        "the demo content: run load_demo_content first."
    )

    def handle(self, *args, **options):
        if not Page.objects.filter(depth=2, locale=Locale.get_default()).exists():
            raise CommandError("No site content: run load_demo_content first.")
        scores = evaluate(JUDGEMENTS, ranked_titles)
        self.stdout.write(f"backend: {backend_name()}")
        self.stdout.write(
            f"{'category':<22}{'queries':>8}{'nDCG@10':>10}{'recall@10':>11}"
        )
        for category, score in scores.items():
            self.stdout.write(
                f"{category:<22}{score.queries:>8}{score.ndcg:>10.3f}{score.recall:>11.3f}"
            )
