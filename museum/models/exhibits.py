"""The collection (展馆典藏): one page per museum object, with its pictures."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.models import BasePage
from cms.visibility import is_public, is_public_media, restricted_paths
from media.models import Image

from ..api import (
    ExhibitImagesField,
    HallRefField,
    RelatedExhibitsField,
    TermField,
)
from ..blocks import ExhibitStreamBlock
from ..visibility import visible
from .taxonomy import ExhibitCategory, ExhibitGrade, ExhibitMaterial

MIN_YEAR = 1800  # the oldest police objects of the collection are late Qing
CARD = "fill-400x300"  # listings and the API's thumbnails
LARGE = "max-1600x1600"  # the large view and the API's large picture


def latest_year() -> int:
    """This year: no exhibit can be dated later."""
    return timezone.localdate().year


def images_prefetch(*specs: str) -> Prefetch:
    """Exhibits' images in order, their image rows and these renditions in bulk.

    Only these specs may be asked of the images then: Wagtail looks any other spec
    up in the prefetched set, misses it and fails to create it again if it exists.
    """
    images = Image.objects.prefetch_renditions(*specs)
    return Prefetch(
        "images",
        queryset=ExhibitImage.objects.order_by("sort_order", "pk").prefetch_related(
            Prefetch("image", queryset=images)
        ),
    )


def with_cards(exhibits: models.QuerySet) -> models.QuerySet:
    """Exhibits with what a card shows: category, first picture and its rendition."""
    return exhibits.select_related("category").prefetch_related(images_prefetch(CARD))


def exhibits_in_order(ids: list[int], request=None) -> list["ExhibitPage"]:
    """The exhibits of these ids anyone may see, in the ids' order, as cards."""
    found = with_cards(visible(ExhibitPage.objects.filter(pk__in=ids), request))
    by_id = {exhibit.pk: exhibit for exhibit in found}
    return [by_id[pk] for pk in ids if pk in by_id]


class ExhibitPage(BasePage):
    """One object of the collection: its record, its pictures and its story."""

    accession_number = models.CharField(
        _("馆藏编号"),
        max_length=40,
        db_index=True,
        help_text=_("总登记号，例如 JWM-0001；同一语言的藏品中不得重复。"),
    )
    category = models.ForeignKey(
        ExhibitCategory,
        verbose_name=_("类别"),
        on_delete=models.PROTECT,
        related_name="exhibits",
    )
    period = models.CharField(
        _("年代"),
        max_length=50,
        blank=True,
        help_text=_("展签上的年代说明，例如“20世纪50年代”“民国时期”。"),
    )
    year_start = models.PositiveSmallIntegerField(
        _("起始年份"),
        help_text=_("用于按时期筛选和排序；年代不确切时填写估计的最早年份。"),
    )
    year_end = models.PositiveSmallIntegerField(
        _("截止年份"), null=True, blank=True, help_text=_("留空表示只有一个年份。")
    )
    maker = models.CharField(_("制造者"), max_length=100, blank=True)
    material = models.ForeignKey(
        ExhibitMaterial,
        verbose_name=_("材质"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exhibits",
    )
    dimensions = models.CharField(
        _("尺寸"),
        max_length=100,
        blank=True,
        help_text=_("例如：长 195 毫米，重 0.85 千克"),
    )
    provenance = models.TextField(
        _("来源"),
        blank=True,
        help_text=_("入藏方式和来源，例如：1985 年由市公安局装备处移交。"),
    )
    grade = models.CharField(
        _("级别"),
        max_length=20,
        choices=ExhibitGrade.choices,
        default=ExhibitGrade.GENERAL,
    )
    hall = models.ForeignKey(
        "museum.HallPage",
        verbose_name=_("展厅"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exhibits",
        help_text=_("在哪个展厅展出；留空表示库房收藏、暂未展出。"),
    )
    hall_order = models.PositiveSmallIntegerField(
        _("展厅内顺序"),
        default=0,
        help_text=_("在该展厅参观路线中的位置，数字小的在前。"),
    )
    description = StreamField(
        ExhibitStreamBlock(), blank=True, verbose_name=_("藏品介绍")
    )

    parent_page_types = ["museum.CollectionPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("accession_number"), FieldPanel("grade")]),
                FieldRowPanel([FieldPanel("category"), FieldPanel("material")]),
                FieldRowPanel(
                    [
                        FieldPanel("period"),
                        FieldPanel("year_start"),
                        FieldPanel("year_end"),
                    ]
                ),
                FieldRowPanel([FieldPanel("maker"), FieldPanel("dimensions")]),
                FieldPanel("provenance"),
            ],
            heading=_("藏品信息"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("hall"), FieldPanel("hall_order")])],
            heading=_("展陈位置"),
        ),
        InlinePanel("images", heading=_("藏品图片"), label=_("图片")),
        FieldPanel("description"),
        InlinePanel("related_exhibits", heading=_("相关藏品"), label=_("相关藏品")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("accession_number"),
        index.AutocompleteField("accession_number"),
        index.SearchField("period"),
        index.SearchField("maker"),
        index.SearchField("provenance"),
        index.SearchField("description"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("material", [index.SearchField("name")]),
        index.FilterField("category"),
        index.FilterField("material"),
        index.FilterField("grade"),
        index.FilterField("hall"),
        index.FilterField("year_start"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("accession_number"),
        APIField("category", serializer=TermField()),
        APIField("period"),
        APIField("year_start"),
        APIField("year_end"),
        APIField("maker"),
        APIField("material", serializer=TermField(nullable=True)),
        APIField("dimensions"),
        APIField("provenance"),
        APIField("grade"),
        APIField("hall", serializer=HallRefField()),
        APIField("hall_order"),
        APIField("images", serializer=ExhibitImagesField(CARD, LARGE)),
        APIField("description"),
        APIField("related_exhibits", serializer=RelatedExhibitsField()),
    ]

    class Meta:
        verbose_name = _("藏品")
        verbose_name_plural = _("藏品")

    @classproperty
    def api_prefetch_related(cls) -> list:
        """What the API fields read, fetched in bulk (cms.api.views.PagesAPIViewSet)."""
        return [
            "category",
            "material",
            "hall",
            images_prefetch(CARD, LARGE),
            "related_exhibits__target",
        ]

    def clean(self):
        super().clean()
        errors = {}
        self.accession_number = (self.accession_number or "").strip()
        if self.year_start is not None and not (
            MIN_YEAR <= self.year_start <= latest_year()
        ):
            errors["year_start"] = _("年份应在 %(min)s 到 %(max)s 之间。") % {
                "min": MIN_YEAR,
                "max": latest_year(),
            }
        if self.year_end is not None:
            if self.year_end > latest_year():
                errors["year_end"] = _("截止年份不能晚于今年。")
            elif self.year_start is not None and self.year_end < self.year_start:
                errors["year_end"] = _("截止年份不能早于起始年份。")
        if self.accession_number and self.accession_taken():
            errors["accession_number"] = _(
                "馆藏编号 %(number)s 已被另一件藏品使用。"
            ) % {"number": self.accession_number}
        if errors:
            raise ValidationError(errors)

    def accession_taken(self) -> bool:
        """Whether another exhibit of the same language has this accession number.

        Unique per language rather than by a database constraint: a translation of
        an exhibit is the same object and keeps its number (the locale lives on
        Wagtail's page table, which a constraint here cannot reach).
        """
        others = ExhibitPage.objects.filter(
            accession_number__iexact=self.accession_number
        )
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        return others.exclude(pk=self.pk).exists()

    @property
    def years(self) -> str:
        """The years as a span: 1954, or 1954–1962."""
        if self.year_end and self.year_end != self.year_start:
            return f"{self.year_start}–{self.year_end}"
        return str(self.year_start or "")

    @property
    def cover(self) -> "ExhibitImage | None":
        """The first picture (from prefetched images when the listing fetched them)."""
        return next(iter(self.images.all()), None)

    @cached_property
    def gallery(self) -> list["ExhibitImage"]:
        """The pictures anyone may see, in order (get_context sets it per request)."""
        return self.public_images()

    def public_images(self, request=None) -> list["ExhibitImage"]:
        """Pictures outside restricted collections, with their renditions in bulk."""
        images = self.images.all()
        if isinstance(images, models.QuerySet):  # not a preview's in-memory list
            # Every rendition, not only some specs: Wagtail looks a missing spec up
            # in the prefetched (filtered) set, and creating it again fails.
            images = images.select_related("image").prefetch_related(
                "image__renditions"
            )
        return [i for i in images if is_public_media(i.image, request)]

    def related_exhibits_for(self, request=None) -> list["ExhibitPage"]:
        """Related exhibits anonymous visitors may see, in the editor's order."""
        ids = [link.target_id for link in self.related_exhibits.all()]
        return exhibits_in_order(ids, request)

    def visible_hall(self, request=None):
        """The hall the exhibit is on show in, if visitors may see it."""
        if self.hall_id is None:
            return None
        hall = self.hall
        return hall if is_public(hall, restricted_paths(request)) else None

    def route_neighbours(self, request=None) -> tuple:
        """The exhibits before and after this one on its hall's route."""
        if self.hall_id is None:
            return None, None
        route = visible(ExhibitPage.objects.filter(hall_id=self.hall_id), request)
        before = models.Q(hall_order__lt=self.hall_order) | models.Q(
            hall_order=self.hall_order, accession_number__lt=self.accession_number
        )
        after = models.Q(hall_order__gt=self.hall_order) | models.Q(
            hall_order=self.hall_order, accession_number__gt=self.accession_number
        )
        previous = route.filter(before).order_by("-hall_order", "-accession_number")
        following = route.filter(after).order_by("hall_order", "accession_number")
        return previous.first(), following.first()

    def get_context(self, request, *args, **kwargs):
        self.gallery = self.public_images(request)
        context = super().get_context(request, *args, **kwargs)
        hall = self.visible_hall(request)
        previous, following = self.route_neighbours(request) if hall else (None, None)
        context.update(
            hall=hall,
            previous_exhibit=previous,
            next_exhibit=following,
            related=self.related_exhibits_for(request),
        )
        return context

    def get_structured_data(self, request) -> dict:
        from ..structured_data import exhibit_data

        return exhibit_data(self, request)

    @property
    def share_image(self):
        """OpenGraph: the social or teaser image, else the first picture."""
        chosen = super().share_image
        if chosen is None and self.gallery:
            return self.gallery[0].image
        return chosen


class ExhibitImage(Orderable):
    """A picture of an exhibit, with the text that stands in for it."""

    page = ParentalKey(ExhibitPage, on_delete=models.CASCADE, related_name="images")
    # CASCADE, unlike the project's usual SET_NULL: a row without its picture is
    # nothing at all, and Wagtail's image delete view lists the exhibits using it.
    image = models.ForeignKey(
        "media.Image",
        verbose_name=_("图片"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("替代文字"),
        max_length=200,
        help_text=_(
            "读屏软件读给看不到图片的访客：图上是什么，"
            "例如“五四式手枪左侧，枪身烤蓝有磨损”。必填。"
        ),
    )
    caption = models.CharField(_("图注"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("藏品图片")
        verbose_name_plural = _("藏品图片")

    def __str__(self) -> str:
        return self.alt_text

    def clean(self):
        super().clean()
        self.alt_text = " ".join((self.alt_text or "").split())
        if not self.alt_text:
            raise ValidationError({"alt_text": _("请描述图片的内容：替代文字必填。")})


class RelatedExhibit(Orderable):
    """A link from one exhibit to another, in the editor's order."""

    page = ParentalKey(
        ExhibitPage, on_delete=models.CASCADE, related_name="related_exhibits"
    )
    target = models.ForeignKey(
        ExhibitPage,
        verbose_name=_("相关藏品"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关藏品")
        verbose_name_plural = _("相关藏品")
