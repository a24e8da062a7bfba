"""OpenSearch 2 backend: Chinese analysers in the index, synonyms at query time.

Settings (made from SEARCH_URL=opensearch://host:9200):
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.opensearch",
                                      "URLS": ["http://host:9200"]}}

Indexing splits Han text into bigrams plus single characters (cjk_bigram with unigrams);
queries into bigrams only, so 签证 matches as a word and a lone 证 still matches. The
autocomplete fields, which Wagtail searches with the "standard" analyser, get the same
treatment by overriding "standard" in the index.
"""

from modelsearch.backends import opensearch2
from modelsearch.query import PlainText

from search.analysis import normalise
from search.synonyms import expansions

from .common import any_of, transform

QUERY_FILTERS = ["cjk_width", "lowercase", "cjk_bigram"]
CHINESE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "cjk_bigram_unigrams": {"type": "cjk_bigram", "output_unigrams": True}
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["cjk_width", "lowercase", "cjk_bigram_unigrams"],
                },
                "default_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": QUERY_FILTERS,
                },
                "standard": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": QUERY_FILTERS,
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "cjk_width",
                        "lowercase",
                        "cjk_bigram_unigrams",
                        "edgengram",
                    ],
                },
            },
        }
    }
}


def expanded_plain_text(query: PlainText):
    """The normalised query and its synonym variants as alternatives."""
    text = normalise(query.query_string)
    return any_of(
        [PlainText(v, operator=query.operator) for v in [text, *expansions(text)]]
    )


def expand(query):
    """Normalise the query text and add its synonym variants as alternatives."""
    return transform(query, expanded_plain_text) or query


class ExpandingCompilerMixin:
    """Expand the parsed query once the compiler has it; all terms match by default."""

    DEFAULT_OPERATOR = "and"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = expand(self.query)


class ChineseSearchQueryCompiler(
    ExpandingCompilerMixin, opensearch2.OpenSearch2SearchQueryCompiler
):
    """Search with synonyms."""


class ChineseAutocompleteQueryCompiler(
    ExpandingCompilerMixin, opensearch2.OpenSearch2AutocompleteQueryCompiler
):
    """Autocomplete with synonyms."""


class ChineseSettingsMixin:
    """Use the Chinese analysers unless the settings bring INDEX_SETTINGS."""

    def __init__(self, params):
        params = dict(params)
        params.setdefault("INDEX_SETTINGS", CHINESE_INDEX_SETTINGS)
        super().__init__(params)


class ChineseOpenSearchBackend(
    ChineseSettingsMixin, opensearch2.OpenSearch2SearchBackend
):
    """Wagtail's OpenSearch 2 backend with Chinese analysis and our synonym table."""

    query_compiler_class = ChineseSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseAutocompleteQueryCompiler


SearchBackend = ChineseOpenSearchBackend
