"""The collection (展馆典藏): the page every exhibit sits under, browsed by facets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from cms.models import BasePage

from ..visibility import visible
from .exhibits import ExhibitPage


class CollectionPage(BasePage):
    """展馆典藏: every exhibit, browsed by category, period, hall and material."""

    intro = models.TextField(_("导语"), blank=True)

    parent_page_types = ["museum.MuseumHomePage"]
    subpage_types = ["museum.ExhibitPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("展馆典藏")
        verbose_name_plural = _("展馆典藏")

    def exhibits(self, request=None) -> models.QuerySet:
        """Live exhibits of this collection anonymous visitors may see."""
        return visible(ExhibitPage.objects.child_of(self), request)

    def get_context(self, request, *args, **kwargs):
        from ..facets import browse  # it imports the models

        context = super().get_context(request, *args, **kwargs)
        context["browse"] = browse(self, request)
        return context
