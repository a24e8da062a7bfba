"""The home page and the plain content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.api.fields import ImageField
from cms.blocks import BodyStreamBlock, LinkStreamBlock

from .base import BasePage
from .site_settings import SiteSettings


class HomePage(BasePage):
    """The portal's front page: hero video, news (pins first), sections, links."""

    hero_title = models.CharField(_("主标题"), max_length=100)
    hero_text = models.CharField(_("副标题"), max_length=200, blank=True)
    hero_video = models.ForeignKey(
        "media.Video",
        verbose_name=_("宣传视频"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("静音循环播放的背景视频；减少动态效果的访客只看到封面图。"),
    )
    hero_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("封面图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("视频加载前和不播放视频时显示。"),
    )
    sections = StreamField(
        LinkStreamBlock(),
        blank=True,
        verbose_name=_("栏目入口"),
        help_text=_("首页的四大栏目：信息发布、警务公开、网上办事、警民互动。"),
    )
    quick_links = StreamField(LinkStreamBlock(), blank=True, verbose_name=_("热门服务"))
    news_count = models.PositiveSmallIntegerField(
        _("新闻条数"), default=8, help_text=_("首页显示的新闻数量（置顶新闻在前）。")
    )

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_video"),
                FieldPanel("hero_image"),
            ],
            heading=_("首屏"),
        ),
        FieldPanel("sections"),
        FieldPanel("quick_links"),
        FieldPanel("news_count"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text")]
    api_fields = BasePage.api_fields + [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageField("fill-1280x640")),
        APIField("sections"),
        APIField("quick_links"),
        APIField("news_count"),
    ]

    class Meta:
        verbose_name = _("首页")

    def get_structured_data(self, request) -> dict:
        """schema.org GovernmentOrganization for the bureau."""
        site_settings = SiteSettings.for_request(request)
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": site_settings.bureau_name,
            "alternateName": site_settings.bureau_name_en,
            "url": self.get_full_url(request),
            "telephone": site_settings.service_phone or site_settings.emergency_phone,
        }
        if site_settings.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": site_settings.address,
                "postalCode": site_settings.postcode,
                "addressCountry": "CN",
            }
        if site_settings.email:
            data["email"] = site_settings.email
        return data


class StandardPage(BasePage):
    """A plain content page: an introduction to a section, contact details, notes."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("正文"))

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "services.ServiceFormPage"]
    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    class Meta:
        verbose_name = _("普通页面")
