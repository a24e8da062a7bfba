"""JSON schemas of the shapes the API repeats: problems, images, documents, links.

Plain data, importable from blocks and serializer fields (cms.api.schema builds the
whole OpenAPI document from them and from the models).
"""

STRING = {"type": "string"}
DATETIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}

PROBLEM = {
    "type": "object",
    "description": "An error, as RFC 9457 problem details (application/problem+json).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": STRING,
        "status": {"type": "integer"},
        "detail": STRING,
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": STRING, "reason": STRING},
            },
        },
    },
}
RENDITION = {
    "type": "object",
    "required": ["url", "width", "height"],
    "properties": {
        "url": URL,
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    },
}
IMAGE = {
    "type": "object",
    "nullable": True,
    "description": "An image: a rendition for the field's use, WebP copies 360, 720 "
    "and 1080 pixels wide for phones, and the alt text. Null when there is none.",
    "required": ["id", "url", "width", "height", "alt", "renditions"],
    "properties": {
        "id": {"type": "integer"},
        "url": URL,
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": STRING,
        "renditions": {"type": "array", "items": RENDITION},
    },
}
DOCUMENT = {
    "type": "object",
    "nullable": True,
    "required": ["id", "title", "url", "extension", "size"],
    "properties": {
        "id": {"type": "integer"},
        "title": STRING,
        "url": URL,
        "extension": STRING,
        "size": {"type": "integer", "nullable": True},
    },
}
LINK = {
    "type": "object",
    "description": "A link: `page_id` is set for pages of the site (open in-app).",
    "required": ["page_id", "url"],
    "properties": {"page_id": {"type": "integer", "nullable": True}, "url": STRING},
}


def obj(properties: dict, nullable: bool = False, **extra) -> dict:
    """An object schema whose listed properties are all required."""
    schema = {"type": "object", "required": list(properties), "properties": properties}
    if nullable:
        schema["nullable"] = True
    return {**schema, **extra}


def not_null(schema: dict) -> dict:
    return {k: v for k, v in schema.items() if k != "nullable"}


PAGE_META = {
    "type": "object",
    "required": ["type", "detail_url"],
    "properties": {
        "type": STRING,
        "detail_url": URL,
        "html_url": {**URL, "nullable": True},
        "slug": STRING,
        "show_in_menus": {"type": "boolean"},
        "seo_title": STRING,
        "search_description": STRING,
        "first_published_at": {**DATETIME, "nullable": True},
        "alias_of": {"type": "object", "nullable": True},
        "parent": {
            "type": "object",
            "nullable": True,
            "properties": {
                "id": {"type": "integer"},
                "meta": {"type": "object"},
                "title": STRING,
            },
        },
        "locale": STRING,
    },
}
