"""The museum's home page and its halls (走进展馆), walked in route order."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.api.fields import ImageField
from cms.models import BasePage
from media.models import Image

from ..api import BookingLinkField, ExhibitLinksField
from ..blocks import (
    ExhibitStreamBlock,
    OpeningHoursStreamBlock,
    VisitorRulesStreamBlock,
)
from ..visibility import visible
from .collection import CollectionPage
from .exhibits import ExhibitPage, exhibits_in_order, with_cards
from .research import ResearchIndexPage, ResearchPage

HALL_CARD = "fill-640x360"
HALL_BANNER = "fill-1600x600"
LATEST_RESEARCH = 3


def museum_of(page: Page) -> "MuseumHomePage | None":
    """The museum a page belongs to (itself for the home page), once per instance."""
    if isinstance(page, MuseumHomePage):
        return page
    if "_museum" not in page.__dict__:
        page.__dict__["_museum"] = (
            MuseumHomePage.objects.ancestor_of(page).order_by("-depth").first()
        )
    return page.__dict__["_museum"]


def check_booking_url(url: str) -> None:
    """A path of this site or an http(s) address: nothing a browser would run."""
    if not url:
        return
    if url.startswith("/") and not url.startswith("//"):
        return
    if url.startswith(("https://", "http://")):
        return
    raise ValidationError(
        {
            "booking_url": _(
                "请填写本站路径（以 / 开头，例如 /booking/museum-visit/）"
                "或以 https:// 开头的完整网址。"
            )
        }
    )


class MuseumHomePage(BasePage):
    """警察博物馆: visiting information, the halls, highlights and research."""

    introduction = models.TextField(_("博物馆简介"))
    hero_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("首图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opening_hours = StreamField(
        OpeningHoursStreamBlock(), blank=True, verbose_name=_("开放时间")
    )
    closures = models.TextField(
        _("闭馆安排"),
        blank=True,
        help_text=_("例如：每周一闭馆（法定节假日除外）；临时闭馆另行公告。"),
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    transport = models.TextField(_("交通"), blank=True)
    phone = models.CharField(_("咨询电话"), max_length=50, blank=True)
    visitor_rules = StreamField(
        VisitorRulesStreamBlock(), blank=True, verbose_name=_("参观须知")
    )
    booking_url = models.CharField(
        _("预约参观地址"),
        max_length=200,
        blank=True,
        help_text=_(
            "“预约参观”按钮打开的地址：本站路径（例如 /booking/museum-visit/）"
            "或完整网址。留空则不显示按钮。"
        ),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = [
        "museum.HallPage",
        "museum.CollectionPage",
        "museum.ResearchIndexPage",
    ]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("booking_url"),
                FieldPanel("opening_hours"),
                FieldPanel("closures"),
                FieldPanel("address"),
                FieldPanel("transport"),
                FieldPanel("phone"),
            ],
            heading=_("参观信息"),
        ),
        FieldPanel("visitor_rules"),
        InlinePanel(
            "featured_exhibits", heading=_("精品推荐"), label=_("藏品"), max_num=12
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("hero_image", serializer=ImageField(HALL_BANNER)),
        APIField("opening_hours"),
        APIField("closures"),
        APIField("address"),
        APIField("transport"),
        APIField("phone"),
        APIField("visitor_rules"),
        APIField("booking_url", serializer=BookingLinkField()),
        APIField("featured_exhibits", serializer=ExhibitLinksField(target="exhibit")),
    ]
    api_prefetch_related = ["featured_exhibits__exhibit"]

    class Meta:
        verbose_name = _("警察博物馆")
        verbose_name_plural = _("警察博物馆")

    def clean(self):
        super().clean()
        check_booking_url(self.booking_url)

    def halls(self, request=None) -> models.QuerySet:
        """Live halls anyone may see, in route order, with their card pictures."""
        pictures = Image.objects.prefetch_renditions(HALL_CARD)
        return (
            visible(HallPage.objects.child_of(self), request)
            .order_by("route_order", "path")
            .prefetch_related(Prefetch("hall_image", queryset=pictures))
        )

    def featured(self, request=None) -> list[ExhibitPage]:
        """The featured exhibits anyone may see, in the editor's order."""
        ids = [link.exhibit_id for link in self.featured_exhibits.all()]
        return exhibits_in_order(ids, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        research = visible(ResearchPage.objects.descendant_of(self), request)
        context.update(
            halls=list(self.halls(request)),
            featured=self.featured(request),
            research=list(research.order_by("-date", "-pk")[:LATEST_RESEARCH]),
            collection=visible(CollectionPage.objects.child_of(self), request).first(),
            research_index=visible(
                ResearchIndexPage.objects.child_of(self), request
            ).first(),
            exhibit_count=visible(
                ExhibitPage.objects.descendant_of(self), request
            ).count(),
        )
        return context

    def get_structured_data(self, request) -> dict:
        from ..structured_data import museum_data

        return museum_data(self, request)


class MuseumFeaturedExhibit(Orderable):
    """An exhibit the museum's home page shows among its highlights."""

    page = ParentalKey(
        MuseumHomePage, on_delete=models.CASCADE, related_name="featured_exhibits"
    )
    exhibit = models.ForeignKey(
        ExhibitPage,
        verbose_name=_("藏品"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("exhibit")]

    class Meta(Orderable.Meta):
        verbose_name = _("精品推荐")
        verbose_name_plural = _("精品推荐")


class HallPage(BasePage):
    """One hall of the museum (走进展馆): its story and the exhibits on its route."""

    introduction = models.TextField(_("展厅简介"))
    route_order = models.PositiveSmallIntegerField(
        _("参观顺序"), default=1, help_text=_("在参观路线中的位置，1 为第一站。")
    )
    location = models.CharField(
        _("位置"), max_length=100, blank=True, help_text=_("例如：一层东厅")
    )
    hall_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("展厅大图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ExhibitStreamBlock(), blank=True, verbose_name=_("展厅介绍"))

    parent_page_types = ["museum.MuseumHomePage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("route_order"), FieldPanel("location")],
            heading=_("参观路线"),
        ),
        FieldPanel("hall_image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("route_order"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("route_order"),
        APIField("location"),
        APIField("hall_image", serializer=ImageField(HALL_BANNER)),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("展厅")
        verbose_name_plural = _("展厅")

    def exhibits_on_show(self, request=None) -> models.QuerySet:
        """The exhibits of this hall anyone may see, in route order."""
        exhibits = visible(ExhibitPage.objects.filter(hall=self), request)
        return with_cards(exhibits).order_by("hall_order", "accession_number")

    def halls_in_order(self, request=None) -> list["HallPage"]:
        """Every hall of the museum anyone may see, in route order."""
        halls = visible(HallPage.objects.sibling_of(self), request)
        return list(halls.order_by("route_order", "path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        route = self.halls_in_order(request)
        place = next((n for n, hall in enumerate(route) if hall.pk == self.pk), None)
        previous = following = None
        if place is not None:
            previous = route[place - 1] if place > 0 else None
            following = route[place + 1] if place + 1 < len(route) else None
        context.update(
            exhibits=list(self.exhibits_on_show(request)),
            stop=None if place is None else place + 1,
            stops=len(route),
            previous_hall=previous,
            next_hall=following,
            museum=museum_of(self),
        )
        return context

    def get_structured_data(self, request) -> dict:
        from ..structured_data import hall_data

        return hall_data(self, request)
