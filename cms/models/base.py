"""BasePage: teaser, SEO and social fields shared by every public page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Abstract page with a teaser (for listings) and social-sharing fields."""

    teaser = models.TextField(
        _("摘要"),
        max_length=300,
        blank=True,
        help_text=_("在列表、搜索结果和分享卡片中显示的一两句话。"),
    )
    teaser_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("列表图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("分享图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("分享到微信、微博时显示；留空则使用列表图片。"),
    )
    social_text = models.CharField(
        _("分享文字"), max_length=200, blank=True, help_text=_("留空则使用摘要。")
    )

    content_panels = Page.content_panels + [FieldPanel("teaser")]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [
                FieldPanel("teaser_image"),
                FieldPanel("social_image"),
                FieldPanel("social_text"),
            ],
            heading=_("列表与分享"),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser")]
    api_fields = [
        APIField("teaser"),
        APIField("teaser_image", serializer=ImageRenditionField("fill-640x360")),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_translations"] = list(
            self.get_translations().live().select_related("locale")
        )
        context["structured_data"] = self.get_structured_data(request)
        return context

    def get_structured_data(self, request) -> dict | None:
        """The schema.org description of this page, or None; page types override it."""
        return None

    @property
    def share_image(self):
        """The image used for OpenGraph: the social image, else the teaser image."""
        return self.social_image or self.teaser_image

    @property
    def share_text(self) -> str:
        """The description used for OpenGraph and meta description."""
        return self.social_text or self.search_description or self.teaser
