"""Shared by both database backends: analysis on write, query rewriting on read."""

from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import MATCH_NONE, And, Boost, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.analysis import index_text, query_terms
from search.synonyms import expansions


class AnalysingIndexerMixin:
    """Analyse each indexed text value (title, body and autocomplete alike)."""

    def prepare_field(self, obj, field):
        if isinstance(field, SearchField | AutocompleteField):
            for *head, value in super().prepare_field(obj, field):
                yield (*head, index_text(value))
        else:  # RelatedFields recurse into prepare_field, so leaves are analysed once
            yield from super().prepare_field(obj, field)


def upsert_entries(index, model, objs, extra_fields: tuple[str, ...] = ()) -> None:
    """Write analysed index rows for objects: one INSERT … ON CONFLICT DO UPDATE."""
    if not model.get_search_fields():
        return
    indexers = [index.indexer_class(obj, index.backend) for obj in objs]
    if not indexers:
        return
    entry_model = index.entries.model
    content_type_id = get_content_type_pk(model)
    fields = ("title", "autocomplete", "body", *extra_fields)
    entries = [
        entry_model(
            content_type_id=content_type_id,
            object_id=indexer.id,
            title_norm=1.0,
            **{name: getattr(indexer, name) for name in fields},
        )
        for indexer in indexers
    ]
    entry_model._default_manager.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=[*fields, "title_norm"],
    )
    index._refresh_title_norms()


def _variant_query(text: str) -> PlainText | Or | None:
    """A query for one phrasing: its words all present, or its bigrams all present."""
    words, grams = query_terms(text)
    options = []
    if words:
        options.append(PlainText(" ".join(words), operator="and"))
    if grams and grams != words:
        options.append(PlainText(" ".join(grams), operator="and"))
    if not options:
        return None
    return options[0] if len(options) == 1 else Or(options)


def rewrite(query):
    """The same query in analysed terms, with synonyms; None when nothing is left."""
    if isinstance(query, PlainText):
        variants = [query.query_string, *expansions(query.query_string)]
        options = [q for q in (_variant_query(v) for v in variants) if q]
        if not options:
            return None
        return options[0] if len(options) == 1 else Or(options)
    if isinstance(query, Phrase):
        # Bigrams of a Han run sit next to each other in the index, in order.
        _, grams = query_terms(query.query_string)
        return Phrase(" ".join(grams)) if grams else None
    if isinstance(query, And | Or):
        parts = [part for part in map(rewrite, query.subqueries) if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = rewrite(query.subquery)
        return Not(inner) if inner is not None else None
    if isinstance(query, Boost):
        inner = rewrite(query.subquery)
        return Boost(inner, query.boost) if inner is not None else None
    return query  # MatchAll and the like need no analysis


class RewritingCompilerMixin:
    """Rewrite the query (search and autocomplete) once the compiler has parsed it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = rewrite(self.query) or MATCH_NONE
