"""F15: a citizen's question and the bureau's answer, published with consent."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.models import BasePage


class AnswerPage(BasePage):
    """A published question and answer (its case keeps the applicant's details)."""

    question = models.TextField(_("问题"))
    answer = models.TextField(_("答复"))
    answered_at = models.DateTimeField(_("答复时间"))
    case = models.OneToOneField(
        "services.Submission",
        verbose_name=_("来源办件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answer_page",
        editable=False,
    )

    parent_page_types = ["services.ServiceFormPage"]
    subpage_types: list[str] = []
    content_panels = BasePage.content_panels + [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("answered_at"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("question"),
        index.SearchField("answer"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("question"),
        APIField("answer"),
        APIField("answered_at"),
    ]

    class Meta:
        verbose_name = _("公开问答")
        verbose_name_plural = _("公开问答")
