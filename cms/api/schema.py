"""The API's OpenAPI 3 schema: drf-spectacular plus what it cannot see in Wagtail.

drf-spectacular documents our own endpoints from their `extend_schema` declarations.
Wagtail's page, image and document endpoints build their serializers per request (the
fields depend on `?type=` and `?fields=`), so the schemas of their responses are
built here from the models' `api_fields`:

- model fields map to JSON types (choices become enums, null=True nullable);
- StreamFields map to their blocks: a StreamBlock is an array of
  `{type, value, id}`, a StructBlock an object; blocks whose JSON is their own
  (`get_api_representation`) declare it in an `api_schema()` method;
- serializer fields declare theirs in an `api_schema` attribute.

Body fields are optional (the `fields` parameter chooses them); `id` and `meta` are
always present. Each page type's schema pins `meta.type`, so a response matches
exactly one of them.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import fields as drf_fields
from wagtail import blocks
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from .shapes import (
    DATETIME,
    DOCUMENT,
    IMAGE,
    LINK,
    PAGE_META,
    PROBLEM,
    RENDITION,
    STRING,
    URL,
)


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


# Blocks -----------------------------------------------------------------------------


def block_schema(block) -> dict:
    """The JSON schema of a block's API representation."""
    if hasattr(block, "api_schema"):
        return block.api_schema()
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.StructBlock):
        return {
            "type": "object",
            "properties": {n: block_schema(b) for n, b in block.child_blocks.items()},
        }
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.IntegerBlock):
        return {"type": "integer", "nullable": True}
    if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
        return {"type": "number", "nullable": True}
    if isinstance(block, blocks.ChooserBlock):
        return {"type": "integer", "nullable": True, "description": "The chosen id."}
    if isinstance(block, blocks.RichTextBlock):
        return {"type": "string", "description": "HTML with absolute links."}
    if isinstance(block, blocks.ChoiceBlock):
        values = [str(value) for value, _label in block.field.choices if value != ""]
        return {"type": "string", "enum": [*values, ""]}
    return {"type": "string", "nullable": True}


def stream_schema(block: blocks.StreamBlock) -> dict:
    """A StreamBlock: an array of {type, value, id}, one shape per child block."""
    variants = [
        {
            "type": "object",
            "required": ["type", "value", "id"],
            "properties": {
                "type": {"type": "string", "enum": [name]},
                "value": block_schema(child),
                "id": STRING,
            },
        }
        for name, child in block.child_blocks.items()
    ]
    return {"type": "array", "items": {"oneOf": variants} if variants else {}}


# Page types -------------------------------------------------------------------------

FIELD_TYPES = [
    (models.BooleanField, {"type": "boolean"}),
    (models.DateTimeField, DATETIME),
    (models.DateField, {"type": "string", "format": "date"}),
    (models.DecimalField, {"type": "string", "format": "decimal"}),
    (models.FloatField, {"type": "number"}),
    (models.URLField, STRING),
    (models.IntegerField, {"type": "integer"}),
    (models.AutoField, {"type": "integer"}),
    (models.CharField, STRING),
    (models.TextField, STRING),
]
SERIALIZER_TYPES = [
    (drf_fields.BooleanField, {"type": "boolean"}),
    (drf_fields.IntegerField, {"type": "integer"}),
    (drf_fields.CharField, STRING),
]


def model_field_schema(model, name: str, serializer=None) -> dict:
    """The schema of one API field of a model."""
    if serializer is not None:
        if hasattr(serializer, "api_schema"):
            return dict(serializer.api_schema)
        for kind, schema in SERIALIZER_TYPES:
            if isinstance(serializer, kind):
                return dict(schema)
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return {}  # a property without a declared serializer: any JSON
    if isinstance(field, StreamField):
        return block_schema(field.stream_block)
    schema = {}
    for kind, base in FIELD_TYPES:
        if isinstance(field, kind):
            schema = dict(base)
            break
    if field.choices:
        values = [value for value, _label in field.choices]
        schema["enum"] = values + ([None] if field.null else [])
    if field.null:
        schema["nullable"] = True
    return schema


def page_schema(model) -> dict:
    """One page type's item, as the pages endpoint gives it."""
    properties = {
        "id": {"type": "integer"},
        "meta": {
            **PAGE_META,
            "properties": {
                **PAGE_META["properties"],
                "type": {"type": "string", "enum": [model._meta.label]},
            },
        },
    }
    for api_field in PagesAPIViewSet.get_body_fields(model):
        if api_field.name != "id":
            properties[api_field.name] = model_field_schema(
                model, api_field.name, api_field.serializer
            )
    return {
        "type": "object",
        "title": str(model._meta.verbose_name),
        "required": ["id", "meta"],
        "properties": properties,
        "additionalProperties": False,
    }


def page_components() -> dict[str, dict]:
    """A schema per page type, named like `news.NewsPage` → `NewsNewsPage`."""
    return {
        schema_name(model): page_schema(model)
        for model in get_page_models()
        if model._meta.app_label not in {"wagtailcore"}
    }


def schema_name(model) -> str:
    return model._meta.app_label.capitalize() + model.__name__


def any_page() -> dict:
    return {"anyOf": [ref(name) for name in sorted(page_components())]}


# Endpoints --------------------------------------------------------------------------


def listing(items: dict) -> dict:
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer"}},
            },
            "items": {"type": "array", "items": items},
        },
    }


def media_item(kind: str, extra: dict) -> dict:
    return {
        "type": "object",
        "required": ["id", "meta"],
        "properties": {
            "id": {"type": "integer"},
            "meta": {
                "type": "object",
                "required": ["type", "detail_url"],
                "properties": {
                    "type": {"type": "string", "enum": [kind]},
                    "detail_url": URL,
                    "tags": {"type": "array", "items": STRING},
                    "download_url": URL,
                },
            },
            "title": STRING,
            **extra,
        },
        "additionalProperties": False,
    }


COMPONENTS = {
    "Problem": PROBLEM,
    "Image": IMAGE,
    "Rendition": RENDITION,
    "Document": DOCUMENT,
    "Link": LINK,
    "PageListing": listing(ref("AnyPage")),
    "ImageItem": media_item(
        "media.Image",
        {
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "renditions": {"type": "array", "items": RENDITION},
        },
    ),
    "DocumentItem": media_item("media.Document", {}),
}


def add_wagtail_endpoints(result: dict, generator, request, public) -> dict:
    """Postprocessing hook: the components our declarations refer to."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(COMPONENTS)
    schemas.update(page_components())
    schemas["AnyPage"] = any_page()
    schemas["ImageListing"] = listing(ref("ImageItem"))
    schemas["DocumentListing"] = listing(ref("DocumentItem"))
    return result


def api_only(endpoints: list) -> list:
    """Preprocessing hook: the public API only (not Wagtail's admin API)."""
    return [e for e in endpoints if e[0].startswith("/api/")]


# Declarations for the views -----------------------------------------------------------

PROBLEM_TYPE = "application/problem+json"


def problems(*statuses: int) -> dict:
    """Responses in the problem format, for extend_schema(responses=…)."""
    return {(status, PROBLEM_TYPE): ref("Problem") for status in (*statuses, 429)}


def ok(schema: dict, *statuses: int) -> dict:
    """A 200 with this schema, 304 for conditional requests, and the problems."""
    return {200: schema, 304: None, **problems(*statuses)}
