"""Elasticsearch 8 backend with the same Chinese analysers and synonyms as OpenSearch.

NOT TESTED in this project: no Elasticsearch server can be installed on our machines,
and the official Python clients from version 8 on refuse to talk to anything that is not
Elasticsearch (so the OpenSearch node cannot stand in). Install `elasticsearch>=8,<9`
and set SEARCH_URL=elasticsearch://host:9200 to use it.
"""

from modelsearch.backends import elasticsearch8

from .opensearch import ChineseSettingsMixin, ExpandingCompilerMixin


class ChineseSearchQueryCompiler(
    ExpandingCompilerMixin, elasticsearch8.Elasticsearch8SearchQueryCompiler
):
    """Search with synonyms."""


class ChineseAutocompleteQueryCompiler(
    ExpandingCompilerMixin, elasticsearch8.Elasticsearch8AutocompleteQueryCompiler
):
    """Autocomplete with synonyms."""


class ChineseElasticsearchBackend(
    ChineseSettingsMixin, elasticsearch8.Elasticsearch8SearchBackend
):
    """Wagtail's Elasticsearch 8 backend with Chinese analysis and our synonym table."""

    query_compiler_class = ChineseSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseAutocompleteQueryCompiler


SearchBackend = ChineseElasticsearchBackend
