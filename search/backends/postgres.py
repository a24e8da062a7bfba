"""PostgreSQL full-text backend with Chinese analysis."""

from modelsearch.backends.database.postgres import postgres

from search.analysis import index_text

from .common import RewritingCompilerMixin, upsert_entries


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


class ChinesePostgresSearchQueryCompiler(
    RewritingCompilerMixin, postgres.PostgresSearchQueryCompiler
):
    """Search with analysed query terms."""


class ChinesePostgresAutocompleteQueryCompiler(
    RewritingCompilerMixin, postgres.PostgresAutocompleteQueryCompiler
):
    """Autocomplete with analysed query terms (the last one as a prefix)."""


class ChinesePostgresSearchBackend(postgres.PostgresSearchBackend):
    """Wagtail's PostgreSQL backend, segmenting Chinese at index and query time."""

    index_class = ChinesePostgresIndex
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Our analyser already normalises; stemming would only disturb Latin words.
        self.config = params.get("SEARCH_CONFIG", "simple")
