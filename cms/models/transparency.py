"""Police transparency (警务公开): disclosure catalogue and documents."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import AttachmentStreamBlock, BodyStreamBlock
from cms.params import choice_param, int_param, page_param

from .base import BasePage

PAGE_SIZE = 20
MIN_YEAR, MAX_YEAR = 1949, 2100


class DisclosureCategory(models.TextChoices):
    """The disclosure catalogue's categories."""

    FUNCTIONS = "functions", _("机构职能")
    POLICY = "policy", _("政策文件")
    PLANS = "plans", _("规划计划")
    STATISTICS = "statistics", _("统计数据")
    ENFORCEMENT = "enforcement", _("执法公开")
    FINANCE = "finance", _("财政资金")
    PERSONNEL = "personnel", _("人事信息")
    PROPOSALS = "proposals", _("建议提案办理")


class Validity(models.TextChoices):
    """Whether a document is in force."""

    VALID = "valid", _("有效")
    REPEALED = "repealed", _("已废止")


class TransparencyIndexPage(BasePage):
    """The 警务公开 section: documents filterable by catalogue category and year."""

    intro = models.TextField(_("导语"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.TransparencyPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("警务公开栏目")

    def documents(self):
        """Live documents of this section, newest first."""
        return (
            TransparencyPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-issue_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = self.documents()
        category = choice_param(request.GET, "category", DisclosureCategory.values)
        if category:
            documents = documents.filter(category=category)
        year = int_param(request.GET, "year", MIN_YEAR, MAX_YEAR)
        if year:
            documents = documents.filter(issue_date__year=year)
        years = self.documents().dates("issue_date", "year", order="DESC")
        context.update(
            documents=Paginator(documents, PAGE_SIZE).get_page(page_param(request.GET)),
            categories=DisclosureCategory.choices,
            current_category=category,
            years=[d.year for d in years],
            current_year=str(year or ""),
        )
        return context


class TransparencyPage(BasePage):
    """One disclosed document with its number, issuer, dates and attachments."""

    category = models.CharField(
        _("公开类别"), max_length=20, choices=DisclosureCategory.choices
    )
    document_number = models.CharField(
        _("文号"), max_length=100, blank=True, help_text=_("例如：京公通字〔2026〕12号")
    )
    issuer = models.CharField(_("发布机构"), max_length=100)
    issue_date = models.DateField(_("成文日期"))
    effective_date = models.DateField(_("生效日期"), null=True, blank=True)
    validity = models.CharField(
        _("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("正文"))
    attachments = StreamField(
        AttachmentStreamBlock(), blank=True, verbose_name=_("附件")
    )

    parent_page_types = ["cms.TransparencyIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("validity")]),
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("issuer")]),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
            ],
            heading=_("公开要素"),
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("document_number"),
        index.SearchField("issuer"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("issue_date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("category"),
        APIField("document_number"),
        APIField("issuer"),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("validity"),
        APIField("body"),
        APIField("attachments"),
    ]

    class Meta:
        verbose_name = _("公开文件")
        verbose_name_plural = _("公开文件")
