"""BasePage: teaser, SEO and social fields shared by every public page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.api.fields import ImageField
from cms.slugs import needs_pinyin, pinyin_slug


class BasePageForm(WagtailAdminPageForm):
    """The page form; the slug may stay empty (a pinyin one is made on saving)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False


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
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug",
                    help_text=_(
                        "网址中的名称。留空或填写中文时，保存后自动生成拼音，"
                        "例如“普通护照申领”生成 pu-tong-hu-zhao-shen-ling。"
                    ),
                ),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading=_("搜索引擎优化"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("菜单")),
        MultiFieldPanel(
            [
                FieldPanel("teaser_image"),
                FieldPanel("social_image"),
                FieldPanel("social_text"),
            ],
            heading=_("列表与分享"),
        ),
    ]
    base_form_class = BasePageForm
    search_fields = Page.search_fields + [index.SearchField("teaser")]
    api_fields = [
        APIField("teaser"),
        APIField("teaser_image", serializer=ImageField("fill-640x360")),
    ]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        """Give an empty or Chinese slug a pinyin one, unique among the siblings.

        Runs before Wagtail's own default (Page._set_core_field_defaults, which would
        keep a Unicode slug or drop the Chinese characters), once the parent is known:
        that is, when the page is saved under it.
        """
        parent_known = self.path or getattr(self, "_cached_parent_obj", None)
        if parent_known and needs_pinyin(self.slug):
            base = pinyin_slug(self.slug or self.title) or pinyin_slug(self.title)
            if base:
                self.slug = self.unique_sibling_slug(base)
        super().full_clean(*args, **kwargs)

    def unique_sibling_slug(self, base: str) -> str:
        """`base`, or base-2, base-3… when a sibling already uses it."""
        parent = getattr(self, "_cached_parent_obj", None) or self.get_parent()
        taken = set(
            parent.get_children()
            .exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

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
