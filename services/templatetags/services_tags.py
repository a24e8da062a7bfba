"""Template helpers for form pages."""

from django import template

register = template.Library()


@register.simple_tag
def form_field(form, key):
    """The bound field of a form by its key (keys come from the form's data)."""
    return form[key]


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
