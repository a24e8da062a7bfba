"""The modelsearch seams search/backends overrides still behave as we rely on."""

import inspect
from unittest.mock import patch

from django.db import connection
from django.test import TestCase
from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.query import MATCH_NONE, Or, PlainText
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from guides.models import GuidePage
from search.backends import backend_name
from search.backends.common import rewrite
from tests.factories import make_guide, make_site
from tests.search.catalogue import make_catalogue


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


class RankedPageTests(TestCase):
    """Our faster database paths return what modelsearch's own queries return.

    PostgreSQL ranks the top results on the index table alone; SQLite runs the MATCH
    once. Both fall back to modelsearch's own path for other queries, which is what
    `modelsearch_path()` forces here for comparison.
    """

    QUERIES = ["签证", "证", "外国人 签证", "驾照", "户口本", "网吧", "邮寄", "机动车"]

    @classmethod
    def setUpTestData(cls):
        cls.guides = make_catalogue()

    def setUp(self):
        if backend_name() not in {"sqlite", "postgresql"}:
            self.skipTest("these paths are the database backends' own")

    def both_ways(self, search):
        ours = search()
        module = {"sqlite": "sqlite", "postgresql": "postgres"}[connection.vendor]
        with patch(f"search.backends.{module}.is_text_query", return_value=False):
            theirs = search()
        return ours, theirs

    def top_ten(self, query):
        return [page.pk for page in GuidePage.objects.live().search(query)[:10]]

    def test_same_results_in_the_same_order(self):
        for query in self.QUERIES:
            with self.subTest(query=query):
                ours, theirs = self.both_ways(lambda q=query: self.top_ten(q))
                self.assertTrue(ours)
                self.assertEqual(ours, theirs)

    def test_later_pages_scores_and_counts_match(self):
        def second_page():
            results = Page.objects.live().search("证").annotate_score("score")
            page = [(p.pk, round(p.score, 6)) for p in results[2:5]]
            return page, results.count()

        ours, theirs = self.both_ways(second_page)
        self.assertEqual(len(ours[0]), 3)
        self.assertGreater(ours[1], 5)
        self.assertEqual(ours, theirs)

    def test_autocomplete_matches_too(self):
        ours, theirs = self.both_ways(
            lambda: [p.pk for p in GuidePage.objects.live().autocomplete("外国")[:5]]
        )
        self.assertEqual(len(ours), 3)
        self.assertEqual(ours, theirs)

    def test_unranked_and_unbounded_results_match(self):
        def unranked():
            results = (
                GuidePage.objects.live()
                .order_by("title")
                .search("证", order_by_relevance=False)
            )
            return [page.pk for page in results]

        ours, theirs = self.both_ways(unranked)
        self.assertGreater(len(ours), 3)
        self.assertEqual(ours, theirs)
        everything = list(GuidePage.objects.live().search("签证"))
        self.assertEqual([p.pk for p in everything][:3], self.top_ten("签证")[:3])

    def test_the_querysets_filters_apply_before_the_top_is_taken(self):
        best = self.guides["外国人签证延期"]
        first = GuidePage.objects.live().search("签证延期")[:1]
        self.assertEqual([p.pk for p in first], [best.pk])
        best.unpublish()
        first = GuidePage.objects.live().search("签证")[:1]
        self.assertNotEqual([p.pk for p in first], [best.pk])
        self.assertEqual(len(first), 1)
        other = self.guides["外国人签证换发、补发"].pk
        excluded = GuidePage.objects.live().exclude(pk=other)
        self.assertNotIn(other, [p.pk for p in excluded.search("签证")[:10]])

    def test_sqlite_runs_the_match_once(self):
        if connection.vendor != "sqlite":
            self.skipTest("an SQLite query plan")
        results = GuidePage.objects.live().search("签证")
        for queryset in (results.get_queryset(), results[:10].get_queryset()):
            with connection.cursor() as cursor:
                sql, params = queryset.query.sql_with_params()
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plan = "\n".join(row[-1] for row in cursor.fetchall())
            # "0:M3" runs the MATCH once; "0:=M3" probes it for one rowid at a time,
            # which only the score of each returned row may do.
            matching = plan.split("CORRELATED SCALAR SUBQUERY")[0]
            self.assertIn("VIRTUAL TABLE INDEX 0:M3", matching)
            self.assertNotIn("0:=M3", matching)


class PostgresStorageTests(TestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL storage, functions and indexes")

    def test_vectors_stay_in_the_row(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
                "'wagtailsearch_indexentry'::regclass AND attname IN "
                "('title', 'body', 'autocomplete', 'body_text')"
            )
            storage = dict(cursor.fetchall())
        self.assertEqual(
            storage, {"title": "m", "body": "m", "autocomplete": "m", "body_text": "x"}
        )

    def test_object_keys_read_as_integers_only_when_they_are(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT jingwu_object_pk('42'), jingwu_object_pk('4f0c-a1'), "
                "jingwu_object_pk(''), jingwu_object_pk('99999999999999999999')"
            )
            self.assertEqual(cursor.fetchone(), (42, None, None, None))
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = "
                "'jingwu_indexentry_object_pk'"
            )
            self.assertIn("jingwu_object_pk(", cursor.fetchone()[0])
