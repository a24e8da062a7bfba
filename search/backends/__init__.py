"""Wagtail search backends that understand Chinese, on SQLite (FTS5) and PostgreSQL.

Settings: WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}.
The database vendor picks the subclass, as Wagtail's own database backend does.

The seams we override in modelsearch (pinned in requirements.txt; each covered by
tests/search/test_backend_seams.py):
- the vendor's ObjectIndexer (prepare_field for SQLite, as_vector for PostgreSQL), to
  analyse every indexed text;
- the vendor's Index.add_items, to use that indexer (one upsert for both vendors);
- BaseSearchQueryCompiler.__init__, to rewrite the query with the same analysis;
- PostgresSearchQueryCompiler.search and _build_rank_expression, to rank the index
  table alone in a subquery with one ts_rank per vector, and the PostgreSQL
  rebuilders' finish, to ANALYZE the rebuilt table (search/backends/postgres.py);
- SQLiteSearchQueryCompiler.search, to run the FTS5 MATCH once per search
  (search/backends/sqlite.py).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from wagtail.search.backends import get_search_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail's backend loader looks up
    """The Chinese-aware backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    raise ImproperlyConfigured(
        f"search.backends supports SQLite and PostgreSQL, not {connection.vendor}."
    )


def backend_name() -> str:
    """What serves search now: opensearch, elasticsearch, postgresql or sqlite."""
    backend = get_search_backend()
    module = type(backend).__module__
    if module.endswith((".opensearch", ".elasticsearch")):
        return module.rsplit(".", 1)[1]
    return connection.vendor


def uses_external_index() -> bool:
    """Whether documents live outside the database (and outlive its transactions)."""
    return backend_name() in {"opensearch", "elasticsearch"}
