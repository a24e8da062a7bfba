"""SQLite FTS5 backend with Chinese analysis."""

from django.db.models import CharField, FloatField, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.utils import get_descendants_content_types_pks

from .common import (
    AnalysingIndexerMixin,
    RewritingCompilerMixin,
    has_integer_key,
    is_text_query,
    upsert_entries,
)


class ChineseSQLiteIndexer(AnalysingIndexerMixin, sqlite.ObjectIndexer):
    """SQLite's indexer, with analysed text."""


class ChineseSQLiteIndex(sqlite.SQLiteIndex):
    """Writes analysed rows; FTS5's triggers copy them into the full-text table."""

    indexer_class = ChineseSQLiteIndexer

    def add_items(self, model, objs):
        upsert_entries(self, model, objs)


class MatchOnceMixin:
    """Run the full-text MATCH once per search, not once per index row.

    modelsearch filters with `pk IN (entries JOIN fts WHERE MATCH)`, which SQLite plans
    from the index entries, probing FTS5 with the whole MATCH for every row of the
    content type, and scores each result with another correlated MATCH: seconds per
    query at 10,000 pages. Here the matching rows come from one MATCH (a list
    subquery of rowids); when a page of results is asked for ranked, the top `stop` are
    taken in one pass over the matches ordered by bm25, and only those are scored
    again. Results and scores are modelsearch's (tests/search/test_backend_seams.py).
    """

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if not (is_text_query(query) and has_integer_key(self.queryset.model)):
            return super().search(config, start, stop, score_field)
        fts = sqlite.SQLiteFTSIndexEntry.objects
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(query, config=config),
        )
        types = get_descendants_content_types_pks(self.queryset.model)
        scored = fts.filter(match, index_entry__content_type_id__in=types).annotate(
            score=self._build_rank_expression(self.get_search_vectors(), config),
            entry_pk=Cast("index_entry__object_id", IntegerField()),
        )
        if self.order_by_relevance and stop is not None:
            top = scored.filter(entry_pk__in=self.queryset.values("pk"))
            matching = top.order_by("score", "-entry_pk").values("entry_pk")[:stop]
        else:
            matching = (
                sqlite.IndexEntry.objects.filter(
                    pk__in=fts.filter(match).values("index_entry_id"),
                    content_type_id__in=types,
                )
                .annotate(entry_pk=Cast("object_id", IntegerField()))
                .values("entry_pk")
            )
        queryset = self.queryset.filter(pk__in=matching)

        if self.order_by_relevance and score_field is None:
            score_field = "_score"
        if score_field is not None:
            # Compared as text, the entry's (content type, object id) index serves it.
            key = Cast(OuterRef("pk"), CharField())
            score = scored.filter(index_entry__object_id=key)
            score = score.values("score")[:1]
            queryset = queryset.annotate(
                **{score_field: Subquery(score, output_field=FloatField())}
            )
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")  # bm25: low is good
        if not self.order_by_relevance and not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # stable pages (wagtail#3729)
        return queryset[start:stop]


class ChineseSQLiteSearchQueryCompiler(
    MatchOnceMixin, RewritingCompilerMixin, sqlite.SQLiteSearchQueryCompiler
):
    """Search with analysed query terms."""


class ChineseSQLiteAutocompleteQueryCompiler(
    MatchOnceMixin, RewritingCompilerMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    """Autocomplete with analysed query terms (the last one as a prefix)."""


class ChineseSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    """Wagtail's SQLite backend, segmenting Chinese at index and query time."""

    index_class = ChineseSQLiteIndex
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
