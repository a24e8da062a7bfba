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


@register.simple_tag
def first_step(page):
    """The first step of a form page, to show inside another page."""
    from services.forms import AnswersForm
    from services.views import step_url

    step = page.spec["steps"][0]
    return {
        "url": step_url(page, 0),
        "fields": step["fields"],
        "form": AnswersForm(step["fields"]),
        "uploaded": {},
        "last": len(page.spec["steps"]) == 1,
    }
