"""Relevance on the judged query set must not fall below what the backend reached."""

import io

from django.core.management import call_command
from django.test import TestCase

from search.backends import backend_name
from search.evaluation import evaluate, load_judgements
from search.management.commands.search_relevance import ranked_titles
from tests.search.catalogue import reindex

# Measured on the demo content (2026-11-27: SQLite 0.784/0.771, PostgreSQL 0.890/0.791,
# OpenSearch 0.810/0.723), less a small margin for ties that order differently.
FLOORS = {
    "sqlite": {"ndcg": 0.76, "recall": 0.75},
    "postgresql": {"ndcg": 0.87, "recall": 0.77},
    "opensearch": {"ndcg": 0.79, "recall": 0.70},
}


class RelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())
        reindex()

    def test_judged_set_keeps_its_relevance(self):
        backend = backend_name()
        scores = evaluate(load_judgements(), ranked_titles)
        report = "\n".join(
            f"{name}: nDCG@10 {s.ndcg:.3f} recall@10 {s.recall:.3f} ({s.queries})"
            for name, s in scores.items()
        )
        self.assertGreaterEqual(
            sum(s.queries for k, s in scores.items() if k != "all"), 80
        )
        report = f"{backend}\n{report}"
        self.assertGreaterEqual(scores["all"].ndcg, FLOORS[backend]["ndcg"], report)
        self.assertGreaterEqual(scores["all"].recall, FLOORS[backend]["recall"], report)
