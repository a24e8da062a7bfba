"""An online form placed inside another page (e.g. the satisfaction survey)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.api.shapes import STRING, URL, obj
from cms.api.urls import absolute

from .base import request_of
from .links import visible_page


class EmbeddedFormBlock(blocks.StructBlock):
    """The first step of a form page, shown in place; it continues on the form page."""

    page = blocks.PageChooserBlock(
        page_type="services.ServiceFormPage", label=_("在线表单")
    )
    heading = blocks.CharBlock(
        required=False, label=_("标题"), help_text=_("留空则使用表单的标题。")
    )

    class Meta:
        icon = "form"
        label = _("在线表单")
        template = "cms/blocks/embedded_form.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["form_page"] = visible_page(value, request_of(parent_context))
        return context

    def api_schema(self) -> dict:
        return obj(
            {"form_id": {"type": "integer"}, "title": STRING, "url": URL},
            nullable=True,
            description="A form to show in place: its schema is at "
            "/api/v2/forms/{form_id}/. Null when the form is not public.",
        )

    def get_api_representation(self, value, context=None):
        request = request_of(context)
        page = visible_page(value, request)
        if page is None:
            return None
        return {
            "form_id": page.pk,
            "title": value["heading"] or page.title,
            "url": absolute(page.get_url(request)),
        }
