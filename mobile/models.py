"""The app's first screen, one per language, composed and published by editors."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from .blocks import AppHomeStreamBlock


class AppHome(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """What the app shows first: banners, sections, news, services, contacts.

    Drafts go through the same approval as pages; the API serves the published
    version of the app's language only.
    """

    title = models.CharField(
        _("名称"), max_length=100, default="北京警务首页", help_text=_("仅在后台显示。")
    )
    content = StreamField(AppHomeStreamBlock(), verbose_name=_("内容"))
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="app_home")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="app_home",
        for_concrete_model=False,
    )

    panels = [FieldPanel("title"), FieldPanel("content"), PublishingPanel()]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("手机应用首页")
        verbose_name_plural = _("手机应用首页")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_app_home_per_locale")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions
