"""Service guides (办事指南): the eight businesses and one page per service item."""

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.models import BasePage, SiteSettings
from cms.params import choice_param
from cms.visibility import public_pages

from .api import ApplyFormField, AppointmentOfferField, RelatedItemsField
from .blocks import (
    ConditionStreamBlock,
    LegalBasisStreamBlock,
    MaterialStreamBlock,
    QuestionStreamBlock,
    StepStreamBlock,
)
from .panels import guide_edit_handler


class Business(models.TextChoices):
    """The eight police businesses that group the service items."""

    EXIT_ENTRY = "exit_entry", _("出入境")
    HOUSEHOLD = "household", _("户政")
    PUBLIC_ORDER = "public_order", _("治安")
    DRUG_CONTROL = "drug_control", _("禁毒")
    TRAFFIC = "traffic", _("交管")
    CUSTODY = "custody", _("监管")
    CYBER = "cyber", _("网安")
    FIRE = "fire", _("消防")


class ItemType(models.TextChoices):
    """The legal kind of a service item."""

    LICENSING = "licensing", _("行政许可")
    CONFIRMATION = "confirmation", _("行政确认")
    FILING = "filing", _("备案")
    PUBLIC_SERVICE = "public_service", _("公共服务")
    OTHER = "other", _("其他")


class DayType(models.TextChoices):
    """How a time limit is counted."""

    WORKING = "working", _("工作日")
    CALENDAR = "calendar", _("自然日")


class OnlineDepth(models.IntegerChoices):
    """How far an item can be handled online (网上办理深度)."""

    INFORMATION = 1, _("一级：网上咨询")
    APPOINTMENT = 2, _("二级：在线预约、下载表格")
    PRE_REVIEW = 3, _("三级：网上预审、受理")
    FULLY_ONLINE = 4, _("四级：全程网办")


class GuideIndexPage(BasePage):
    """The 网上办事 section: the eight businesses and the most used items."""

    intro = models.TextField(_("导语"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["guides.GuideCategoryPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("网上办事栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = list(
            GuideCategoryPage.objects.child_of(self).live().public().order_by("path")
        )
        counts = dict(
            GuidePage.objects.descendant_of(self)
            .live()
            .public()
            .order_by()
            .values_list("business")
            .annotate(n=Count("pk"))
        )
        for category in categories:
            category.item_count = counts.get(category.business, 0)
        context["categories"] = categories
        context["popular"] = GuidePage.popular_items(self.locale)
        return context


class GuideCategoryPage(BasePage):
    """One of the eight businesses, listing its service items."""

    business = models.CharField(_("业务类别"), max_length=20, choices=Business.choices)
    intro = models.TextField(_("导语"), blank=True)

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = ["guides.GuidePage", "services.ServiceFormPage"]
    content_panels = BasePage.content_panels + [
        FieldPanel("business"),
        FieldPanel("intro"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("business"), APIField("intro")]

    class Meta:
        verbose_name = _("业务类别")
        verbose_name_plural = _("业务类别")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = GuidePage.objects.child_of(self).live().public().order_by("path")
        audience = choice_param(request.GET, "audience", AUDIENCE_FIELDS)
        if audience:
            items = items.filter(**{AUDIENCE_FIELDS[audience]: True})
        context.update(items=items, current_audience=audience)
        return context


AUDIENCE_FIELDS = {
    "citizen": "serves_citizens",
    "company": "serves_companies",
    "foreigner": "serves_foreigners",
}


class GuidePage(RoutablePageMixin, BasePage):
    """One service item: every element of a 办事指南 as a structured field."""

    business = models.CharField(
        _("业务类别"), max_length=20, choices=Business.choices, editable=False
    )
    item_code = models.CharField(_("事项编码"), max_length=40, blank=True)
    item_type = models.CharField(_("事项类型"), max_length=20, choices=ItemType.choices)
    serves_citizens = models.BooleanField(_("面向个人"), default=True)
    serves_companies = models.BooleanField(_("面向法人"), default=False)
    serves_foreigners = models.BooleanField(_("面向外国人"), default=False)
    responsible_body = models.CharField(_("实施主体"), max_length=100)
    legal_basis = StreamField(
        LegalBasisStreamBlock(), blank=True, verbose_name=_("设定依据")
    )
    conditions = StreamField(
        ConditionStreamBlock(), blank=True, verbose_name=_("受理条件")
    )
    materials = StreamField(
        MaterialStreamBlock(), blank=True, verbose_name=_("申请材料")
    )
    steps = StreamField(StepStreamBlock(), blank=True, verbose_name=_("办理流程"))
    statutory_days = models.PositiveSmallIntegerField(
        _("法定时限"), null=True, blank=True, help_text=_("留空表示法律未规定时限。")
    )
    statutory_day_type = models.CharField(
        _("法定时限单位"),
        max_length=10,
        choices=DayType.choices,
        default=DayType.WORKING,
    )
    promised_days = models.PositiveSmallIntegerField(
        _("承诺时限"), default=0, help_text=_("0 表示当场办结。")
    )
    promised_day_type = models.CharField(
        _("承诺时限单位"),
        max_length=10,
        choices=DayType.choices,
        default=DayType.WORKING,
    )
    fee_free = models.BooleanField(_("不收费"), default=True)
    fee_amount = models.DecimalField(
        _("收费金额（元）"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    fee_unit = models.CharField(
        _("计费单位"), max_length=20, blank=True, help_text=_("例如：元/本")
    )
    fee_basis = models.CharField(_("收费依据"), max_length=255, blank=True)
    where_to_apply = models.TextField(
        _("办理地点和时间"), blank=True, help_text=_("受理地点、地址和办公时间。")
    )
    visits = models.PositiveSmallIntegerField(
        _("到现场次数"), default=1, help_text=_("0 表示零跑腿、全程网上办理。")
    )
    online_depth = models.PositiveSmallIntegerField(
        _("网上办理深度"), choices=OnlineDepth.choices, default=OnlineDepth.APPOINTMENT
    )
    appointment_supported = models.BooleanField(_("支持预约"), default=False)
    courier_supported = models.BooleanField(_("支持快递送达"), default=False)
    consult_phone = models.CharField(_("咨询电话"), max_length=50, blank=True)
    complaint_phone = models.CharField(_("监督投诉电话"), max_length=50, blank=True)
    faqs = StreamField(QuestionStreamBlock(), blank=True, verbose_name=_("常见问题"))
    popular = models.BooleanField(
        _("热门事项"), default=False, help_text=_("在网上办事首页的热门服务中显示。")
    )
    apply_form = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("在线办理表单"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("“在线办理”按钮打开的表单页面。"),
    )
    apply_url = models.URLField(
        _("外部办理地址"),
        blank=True,
        help_text=_("由其他政务系统办理的事项：填写其网址（未选择表单时使用）。"),
    )
    appointment_offer = models.ForeignKey(
        "booking.Offer",
        verbose_name=_("预约项目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
        help_text=_("“预约办理”按钮打开的预约（例如出入境接待大厅）。"),
    )

    parent_page_types = ["guides.GuideCategoryPage"]
    subpage_types: list[str] = []

    edit_handler = guide_edit_handler()
    search_fields = BasePage.search_fields + [
        index.SearchField("item_code"),
        index.SearchField("responsible_body"),
        index.SearchField("conditions"),
        index.SearchField("materials"),
        index.SearchField("steps"),
        index.SearchField("where_to_apply"),
        index.SearchField("faqs"),
        index.FilterField("business"),
        index.FilterField("item_type"),
        index.FilterField("popular"),
    ]
    api_fields = (
        BasePage.api_fields
        + [
            APIField(name)
            for name in (
                "business",
                "item_code",
                "item_type",
                "serves_citizens",
                "serves_companies",
                "serves_foreigners",
                "responsible_body",
                "legal_basis",
                "conditions",
                "materials",
                "steps",
                "statutory_days",
                "statutory_day_type",
                "promised_days",
                "promised_day_type",
                "fee_free",
                "fee_amount",
                "fee_unit",
                "fee_basis",
                "where_to_apply",
                "visits",
                "online_depth",
                "appointment_supported",
                "courier_supported",
                "consult_phone",
                "complaint_phone",
                "faqs",
                "apply_url",
            )
        ]
        + [
            APIField("apply_form_id", serializer=ApplyFormField()),
            APIField("appointment_offer_id", serializer=AppointmentOfferField()),
            APIField("related_items", serializer=RelatedItemsField()),
        ]
    )

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and hasattr(parent.specific, "business"):
            self.business = parent.specific.business
        return super().save(*args, **kwargs)

    def get_structured_data(self, request) -> dict:
        """schema.org GovernmentService."""
        site_settings = SiteSettings.for_request(request)
        audience = [str(label) for label in self.audiences]
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.share_text,
            "url": self.get_full_url(request),
            "serviceType": self.get_item_type_display(),
            "provider": {
                "@type": "GovernmentOrganization",
                "name": self.responsible_body,
            },
            "serviceOperator": {
                "@type": "GovernmentOrganization",
                "name": site_settings.bureau_name,
            },
            "audience": {"@type": "Audience", "audienceType": "、".join(audience)},
        }
        if self.consult_phone:
            data["availableChannel"] = {
                "@type": "ServiceChannel",
                "servicePhone": {
                    "@type": "ContactPoint",
                    "telephone": self.consult_phone,
                },
            }
        return data

    api_prefetch_related = ["related_items__target", "apply_form", "appointment_offer"]

    @classmethod
    def popular_items(cls, locale, limit: int = 12) -> models.QuerySet:
        """Live items editors marked popular, in one locale (all when None)."""
        items = cls.objects.live().public().filter(popular=True)
        if locale is not None:
            items = items.filter(locale=locale)
        return items.order_by("title")[:limit]

    def related_guides(self, request=None) -> list["GuidePage"]:
        """Related items anonymous visitors may see, in the editor's order."""
        links = self.related_items.all()
        if self.pk:
            links = links.select_related("target")
        return public_pages((link.target for link in links), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_guides(request)
        context["apply_link"] = self.apply_link(request)
        context["appointment_link"] = self.appointment_link()
        return context

    def public_apply_form(self, request=None):
        """The application form, if anonymous visitors may open it."""
        if self.apply_form_id is None:
            return None
        forms = public_pages([self.apply_form], request)
        return forms[0] if forms else None

    def appointment_link(self) -> str:
        """Where the 预约办理 button leads: the booking of an open offer, or nothing."""
        offer = self.appointment_offer
        return offer.get_absolute_url() if offer and offer.active else ""

    def apply_link(self, request=None) -> str:
        """Where the 在线办理 button leads: our form, or another system's address."""
        form = self.public_apply_form(request)
        return form.get_url(request) if form else self.apply_url

    @path("")
    def full(self, request):
        return self.render(request)

    @path("short/", name="short")
    def short(self, request):
        """The short guide (简版指南): the same fields on one printable card."""
        return self.render(request, template="guides/guide_page_short.html")

    @property
    def audiences(self) -> list[str]:
        """The labels of the groups this item serves."""
        labels = []
        if self.serves_citizens:
            labels.append(_("个人"))
        if self.serves_companies:
            labels.append(_("法人"))
        if self.serves_foreigners:
            labels.append(_("外国人"))
        return labels


class GuideRelatedItem(Orderable):
    """A link from one service item to another, in the editor's order."""

    guide = ParentalKey(
        GuidePage, on_delete=models.CASCADE, related_name="related_items"
    )
    target = models.ForeignKey(
        GuidePage,
        verbose_name=_("相关事项"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关事项")
        verbose_name_plural = _("相关事项")
