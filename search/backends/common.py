"""Shared by both database backends: analysis on write, query rewriting on read."""

from django.db.models import IntegerField
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


def is_text_query(query) -> bool:
    """Words and phrases combined with AND, OR and boosts (no NOT, match-all, fuzzy)."""
    if isinstance(query, PlainText | Phrase):
        return True
    if isinstance(query, And | Or):
        return all(is_text_query(part) for part in query.subqueries)
    if isinstance(query, Boost):
        return is_text_query(query.subquery)
    return False


def has_boost(query) -> bool:
    """Whether any part of the query carries a boost."""
    if isinstance(query, Boost):
        return True
    parts = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return any(has_boost(part) for part in parts if part is not None)


def has_integer_key(model) -> bool:
    """Whether the model's primary key (through parent links) is an integer."""
    pk = model._meta.pk
    while pk.is_relation:
        pk = pk.target_field
    return isinstance(pk, IntegerField)


def any_of(options: list) -> object | None:
    """One query, an OR of several, or None for none."""
    options = [option for option in options if option is not None]
    if not options:
        return None
    return options[0] if len(options) == 1 else Or(options)


def transform(query, plain_text, phrase=None):
    """Rebuild a parsed query, replacing its PlainText (and Phrase) leaves.

    Leaves that come back as None are dropped; None is returned when nothing is left.
    """
    if isinstance(query, PlainText):
        return plain_text(query)
    if isinstance(query, Phrase) and phrase is not None:
        return phrase(query)
    if isinstance(query, And | Or):
        parts = [transform(part, plain_text, phrase) for part in query.subqueries]
        parts = [part for part in parts if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not | Boost):
        inner = transform(query.subquery, plain_text, phrase)
        if inner is None:
            return None
        return Not(inner) if isinstance(query, Not) else Boost(inner, query.boost)
    return query  # MatchAll and the like need no analysis


def analysed_plain_text(query: PlainText):
    """Each phrasing (the query and its synonyms): all its words, or all its bigrams."""
    options = []
    for text in [query.query_string, *expansions(query.query_string)]:
        words, grams = query_terms(text)
        for terms in (words, grams if grams != words else []):
            if terms:
                options.append(PlainText(" ".join(terms), operator=query.operator))
    return any_of(options)


def analysed_phrase(query: Phrase):
    """Bigrams of a Han run sit next to each other in the index, in order."""
    _, grams = query_terms(query.query_string)
    return Phrase(" ".join(grams)) if grams else None


def rewrite(query):
    """The same query in analysed terms, with synonyms; None when nothing is left."""
    return transform(query, analysed_plain_text, analysed_phrase)


class RewritingCompilerMixin:
    """Rewrite the query (search and autocomplete) once the compiler has parsed it.

    Every term must match unless the caller asks for "or": a citizen typing two words
    wants pages about both, and bigrams of one word must all be there.
    """

    DEFAULT_OPERATOR = "and"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = rewrite(self.query) or MATCH_NONE
