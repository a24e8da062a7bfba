"""Print nDCG@10 and recall@10 of the judged query set on the current search backend."""

from django.core.management.base import BaseCommand
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.evaluation import evaluate
from search.judgements import JUDGEMENTS


def ranked_titles(query: str) -> list[str]:
    """Titles of the top 10 live Chinese pages for a query."""
    pages = Page.objects.live().filter(locale=Locale.get_default()).search(query)
    return [page.title for page in pages[:10]]


def backend_name() -> str:
    return "opensearch" if hasattr(get_search_backend(), "es") else connection.vendor


class Command(BaseCommand):
    help = (
        "Measure search relevance on the judged query set (search/judgements.py) over "
        "the demo content: run load_demo_content first."
    )

    def handle(self, *args, **options):
        scores = evaluate(JUDGEMENTS, ranked_titles)
        self.stdout.write(f"backend: {backend_name()}")
        self.stdout.write(
            f"{'category':<22}{'queries':>8}{'nDCG@10':>10}{'recall@10':>11}"
        )
        for category, score in scores.items():
            self.stdout.write(
                f"{category:<22}{score.queries:>8}{score.ndcg:>10.3f}{score.recall:>11.3f}"
            )
