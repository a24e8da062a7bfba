"""PostgreSQL full-text backend with Chinese analysis."""

from django.contrib.postgres.search import SearchRank
from django.db.models import BigIntegerField, F, Func
from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_descendants_content_types_pks

from search.analysis import index_text

from .common import (
    RewritingCompilerMixin,
    has_boost,
    has_integer_key,
    is_text_query,
    upsert_entries,
)

ENTRY_PREFIX = "index_entries__"


class ChinesePostgresIndexer(postgres.ObjectIndexer):
    """PostgreSQL's indexer, analysing text as it becomes a tsvector.

    Analysis happens here rather than on each prepared value so that title_text and
    body_text (kept for trigram matching) hold the original text.
    """

    def as_vector(self, texts, for_autocomplete=False):
        analysed = [(index_text(text), weight) for text, weight in texts]
        return super().as_vector(analysed, for_autocomplete=for_autocomplete)


class ChinesePostgresIndex(postgres.PostgresIndex):
    """Writes analysed tsvectors with the 'simple' configuration (no stemming)."""

    indexer_class = ChinesePostgresIndexer

    def add_items(self, model, objs):
        upsert_entries(self, model, objs, extra_fields=("title_text", "body_text"))


class ObjectPk(Func):
    """An entry's object id as an integer, as indexed (search migration 0004)."""

    function = "jingwu_object_pk"
    output_field = BigIntegerField()


def on_entries(expression):
    """An F() through the index_entries relation, re-rooted on the entry table."""
    if isinstance(expression, F) and expression.name.startswith(ENTRY_PREFIX):
        return F(expression.name.removeprefix(ENTRY_PREFIX))
    return expression


class TopRankedMixin:
    """Rank on the index table alone, then fetch only the page of results.

    modelsearch joins each matching row of the searched model to its index entry and
    ranks the joined rows: for a broad query (a single character matches most pages)
    every match's title and body vectors travel through the join and its hash table
    spills to disk. Here the index entries of the queryset's objects are ranked by the
    same expression in a subquery that returns the top `stop` ids; the outer query
    fetches those objects and orders them by the same rank with the same tie-break, so
    results are identical to modelsearch's own query under the same rank expression
    (tests/search/test_backend_seams.py compares the two; the rank itself is ours, see
    _build_rank_expression, on both paths).
    Entries join objects by integer key, indexed both ways (search migration 0004),
    so the plan stays cheap whichever side PostgreSQL starts from.
    """

    def search(self, config, start, stop, score_field=None, backend=None):
        if backend is None or not self._ranks_on_entries(stop):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        on_table = [
            (on_entries(vector), on_entries(boost)) for vector, boost in vectors
        ]
        combined = on_table[0][0]
        for vector, _boost in on_table[1:]:
            combined = combined._combine(vector, "||", False)

        model = self.queryset.model
        top = (
            backend.get_index_for_model(model)
            .entries.filter(
                content_type_id__in=get_descendants_content_types_pks(model)
            )
            .annotate(
                matched=combined,
                rank=self._build_rank_expression(on_table, config),
                entry_pk=ObjectPk("object_id"),
            )
            .filter(matched=search_query, entry_pk__in=self.queryset.values("pk"))
            .order_by("-rank", "-entry_pk")
            .values("entry_pk")[:stop]
        )
        rank_expression = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(
            self.queryset.filter(pk__in=top), rank_expression, start, stop, score_field
        )

    def _build_rank_expression(self, vectors, config):
        """One ts_rank per vector for the whole query.

        modelsearch ranks every branch of an OR separately and averages: our rewritten
        queries have a branch per phrasing (words, bigrams, each synonym), so that was
        ten ts_rank calls per row; one call over the OR ranks the judged set the same
        (nDCG@10 0.883 against 0.886) at a fraction of the cost. A query with boosts
        keeps modelsearch's ranking, which weighs them.
        """
        if has_boost(self.query):
            return super()._build_rank_expression(vectors, config)
        search_query = self.build_tsquery(self.query, config=config)
        ranks = [
            SearchRank(vector, search_query, weights=self.sql_weights) * boost
            for vector, boost in vectors
        ]
        return sum(ranks[1:], ranks[0])

    def _ranks_on_entries(self, stop) -> bool:
        """Only a bounded page, ranked, over the index, of an integer-keyed model."""
        return (
            stop is not None
            and self.order_by_relevance
            and self.fields is None
            and has_integer_key(self.queryset.model)
            and is_text_query(self.query)
        )


class ChinesePostgresSearchQueryCompiler(
    TopRankedMixin, RewritingCompilerMixin, postgres.PostgresSearchQueryCompiler
):
    """Search with analysed query terms."""


class ChinesePostgresAutocompleteQueryCompiler(
    TopRankedMixin, RewritingCompilerMixin, postgres.PostgresAutocompleteQueryCompiler
):
    """Autocomplete with analysed query terms (the last one as a prefix)."""


def analyse(index) -> None:
    """Fresh statistics for the planner once a rebuild has rewritten every entry."""
    with index.write_connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {index.entries.model._meta.db_table}")


class AnalysingRebuilder(postgres.PostgresSearchRebuilder):
    def finish(self):
        super().finish()
        analyse(self.index)


class AnalysingAtomicRebuilder(postgres.PostgresSearchAtomicRebuilder):
    def finish(self):
        # modelsearch calls finish() from __del__ after a failure, marking it so.
        rolled_back = getattr(self.transaction, "needs_rollback", False)
        super().finish()
        if not rolled_back:
            analyse(self.index)


class ChinesePostgresSearchBackend(postgres.PostgresSearchBackend):
    """Wagtail's PostgreSQL backend, segmenting Chinese at index and query time."""

    index_class = ChinesePostgresIndex
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    rebuilder_class = AnalysingRebuilder
    atomic_rebuilder_class = AnalysingAtomicRebuilder

    def __init__(self, params):
        super().__init__(params)
        # Our analyser already normalises; stemming would only disturb Latin words.
        self.config = params.get("SEARCH_CONFIG", "simple")
