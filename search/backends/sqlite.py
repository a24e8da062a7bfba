"""SQLite FTS5 backend with Chinese analysis."""

from modelsearch.backends.database.sqlite import sqlite

from .common import AnalysingIndexerMixin, RewritingCompilerMixin, upsert_entries


class ChineseSQLiteIndexer(AnalysingIndexerMixin, sqlite.ObjectIndexer):
    """SQLite's indexer, with analysed text."""


class ChineseSQLiteIndex(sqlite.SQLiteIndex):
    """Writes analysed rows; FTS5's triggers copy them into the full-text table."""

    indexer_class = ChineseSQLiteIndexer

    def add_items(self, model, objs):
        upsert_entries(self, model, objs)


class ChineseSQLiteSearchQueryCompiler(
    RewritingCompilerMixin, sqlite.SQLiteSearchQueryCompiler
):
    """Search with analysed query terms."""


class ChineseSQLiteAutocompleteQueryCompiler(
    RewritingCompilerMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    """Autocomplete with analysed query terms (the last one as a prefix)."""


class ChineseSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    """Wagtail's SQLite backend, segmenting Chinese at index and query time."""

    index_class = ChineseSQLiteIndex
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
