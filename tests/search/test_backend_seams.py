"""The modelsearch seams search/backends overrides still behave as we rely on."""

import inspect

from django.db import connection
from django.test import TestCase
from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.query import MATCH_NONE, Or, PlainText
from wagtail.search.backends import get_search_backend

from search.backends import backend_name
from search.backends.common import rewrite
from tests.factories import make_guide, make_site


class SeamTests(TestCase):
    def test_the_configured_backend_is_ours_for_this_database(self):
        backend = get_search_backend()
        self.assertTrue(type(backend).__module__.startswith("search.backends"))
        self.assertIn(backend_name(), {connection.vendor, "opensearch"})

    def test_compilers_take_the_query_in_init(self):
        parameters = inspect.signature(BaseSearchQueryCompiler.__init__).parameters
        self.assertEqual(list(parameters)[:3], ["self", "queryset", "query"])

    def test_rows_hold_analysed_text(self):
        if backend_name() not in {"sqlite", "postgresql"}:
            self.skipTest("index rows live in the database only on SQLite/PostgreSQL")
        make_site()
        guide = make_guide(make_site()["category"], title="外国人签证延期")
        backend = get_search_backend()
        entries = backend.get_index_for_model(type(guide)).entries
        entry = entries.get(object_id=str(guide.pk))
        title = str(entry.title)
        # SQLite keeps text, PostgreSQL a tsvector: both must hold the bigram 签证.
        self.assertIn("签证", title)
        self.assertIn("外国", title)

    def test_rewrite_builds_words_or_bigrams_with_synonyms(self):
        query = rewrite(PlainText("驾照"))
        self.assertIsInstance(query, Or)
        texts = {part.query_string for part in query.subqueries}
        self.assertIn("驾照", texts)
        self.assertIn("机动车驾驶证", texts | {t.replace(" ", "") for t in texts})
        self.assertIsNone(rewrite(PlainText("！！")))
        self.assertIs(rewrite(PlainText("！！")) or MATCH_NONE, MATCH_NONE)

    def test_the_operator_is_kept(self):
        query = rewrite(PlainText("签证 延期", operator="or"))
        parts = query.subqueries if isinstance(query, Or) else [query]
        self.assertTrue(all(part.operator == "or" for part in parts))

    def test_postgres_can_use_an_index_for_title_and_body(self):
        if connection.vendor != "postgresql":
            self.skipTest("the expression index exists on PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["jingwu_indexentry_title_body_gin"],
            )
            (definition,) = cursor.fetchone()
        self.assertIn("gin", definition)
        self.assertIn("(title || body)", definition)
