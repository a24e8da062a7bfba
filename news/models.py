"""News (信息发布): the news section, articles, categories, tags and pinning."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import BooleanField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from cms.api.fields import ImageField, TagNamesField
from cms.blocks import BodyStreamBlock
from cms.models import BasePage, SiteSettings
from cms.params import choice_param, page_param, text_param
from media.renditions import rendition_or_none

PAGE_SIZE = 12


class NewsCategory(models.TextChoices):
    """Kinds of news the bureau publishes."""

    POLICE_NEWS = "police_news", _("警务动态")
    NOTICE = "notice", _("通知公告")
    MEDIA = "media", _("媒体聚焦")
    TIPS = "tips", _("便民提示")
    BULLETIN = "bulletin", _("警情通报")


def pinned_q(now=None) -> Q:
    """Pinned articles whose pin has not expired."""
    now = now or timezone.now()
    return Q(pinned=True) & (Q(pinned_until__isnull=True) | Q(pinned_until__gt=now))


def headlines(locale: Locale, limit: int, now=None) -> list["NewsPage"]:
    """Latest live news of a locale: active pins first (by pin order), then newest."""
    now = now or timezone.now()
    live = (
        NewsPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("teaser_image")
        .order_by("-date", "-pk")
    )
    pinned = list(
        live.filter(pinned_q(now)).order_by("pin_order", "-date", "-pk")[:limit]
    )
    rest = list(
        live.exclude(pk__in=[p.pk for p in pinned])[: max(limit - len(pinned), 0)]
    )
    return pinned + rest


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The 信息发布 section: listing filtered by category and tag, with feeds."""

    intro = models.TextField(_("导语"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("信息发布栏目")

    def articles(self):
        """Live articles of this section, newest first."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("teaser_image")
            .order_by("-date", "-pk")
        )

    @path("")
    def listing(self, request):
        articles = self.articles()
        category = choice_param(request.GET, "category", NewsCategory.values)
        if category:
            articles = articles.filter(category=category)
        tag = text_param(request.GET, "tag")
        if tag:
            articles = articles.filter(tags__name=tag).distinct()
        return self.render(
            request,
            context_overrides={
                "articles": Paginator(articles, PAGE_SIZE).get_page(
                    page_param(request.GET)
                ),
                "categories": NewsCategory.choices,
                "current_category": category,
                "current_tag": tag,
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    """Links a tag to a news article."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """A news article with category, tags, lead image and an optional pin to the top."""

    date = models.DateTimeField(_("发布日期"), default=timezone.now, db_index=True)
    category = models.CharField(
        _("类别"),
        max_length=20,
        choices=NewsCategory.choices,
        default=NewsCategory.POLICE_NEWS,
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("标签")
    )
    lead_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("题图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("来源"), max_length=100, blank=True)
    author = models.CharField(_("作者"), max_length=100, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("正文"))
    pinned = models.BooleanField(_("置顶"), default=False)
    pinned_until = models.DateTimeField(
        _("置顶截止"), null=True, blank=True, help_text=_("留空表示一直置顶。")
    )
    pin_order = models.PositiveSmallIntegerField(
        _("置顶顺序"), default=0, help_text=_("数字小的排在前面。")
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
                FieldRowPanel([FieldPanel("source"), FieldPanel("author")]),
                FieldPanel("tags"),
            ],
            heading=_("发布信息"),
        ),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("pinned"),
                FieldRowPanel([FieldPanel("pinned_until"), FieldPanel("pin_order")]),
            ],
            heading=_("置顶"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("category"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("category"),
        APIField("tags", serializer=TagNamesField()),
        APIField("lead_image", serializer=ImageField("width-1200")),
        APIField("source"),
        APIField("author"),
        APIField("body"),
        APIField("pinned"),
        APIField("pinned_until"),
        APIField("pin_order"),
        APIField("is_pinned", serializer=BooleanField(read_only=True)),
    ]

    class Meta:
        verbose_name = _("新闻")
        verbose_name_plural = _("新闻")

    def get_structured_data(self, request) -> dict:
        """schema.org NewsArticle."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.share_text,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or self.date).isoformat(),
            "mainEntityOfPage": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "publisher": {
                "@type": "GovernmentOrganization",
                "name": SiteSettings.for_request(request).bureau_name,
            },
        }
        if self.author:
            data["author"] = {"@type": "Person", "name": self.author}
        lead = rendition_or_none(self.lead_image, "width-1200")
        if lead is not None:
            data["image"] = request.build_absolute_uri(lead.url)
        return data

    api_prefetch_related = ["tags"]

    @property
    def is_pinned(self) -> bool:
        """Whether the pin is active now."""
        return self.pinned and (
            self.pinned_until is None or self.pinned_until > timezone.now()
        )
