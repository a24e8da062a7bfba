"""Research outputs (研究成果): studies of police history and of the collection."""

import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.models import BasePage
from cms.params import page_param

from ..api import DocumentField, ExhibitLinksField
from ..blocks import ExhibitStreamBlock
from ..visibility import visible
from .exhibits import ExhibitPage, exhibits_in_order

PAGE_SIZE = 12
AUTHOR_SEPARATORS = re.compile(r"\s*[、,，;；]\s*")


class ResearchIndexPage(BasePage):
    """研究成果: the museum's publications, newest first."""

    intro = models.TextField(_("导语"), blank=True)

    parent_page_types = ["museum.MuseumHomePage"]
    subpage_types = ["museum.ResearchPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("研究成果栏目")
        verbose_name_plural = _("研究成果栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        studies = visible(ResearchPage.objects.child_of(self), request).order_by(
            "-date", "-pk"
        )
        context["studies"] = Paginator(studies, PAGE_SIZE).get_page(
            page_param(request.GET)
        )
        return context


class ResearchPage(BasePage):
    """A study: its authors, where it was published, its abstract and full text."""

    authors = models.CharField(
        _("作者"),
        max_length=200,
        help_text=_("多位作者用顿号分隔，例如：王立群、陈思远"),
    )
    abstract = models.TextField(_("内容提要"))
    publication = models.CharField(
        _("发表于"),
        max_length=200,
        blank=True,
        help_text=_("期刊、文集或会议及期号，例如：《公安史研究》2024 年第 2 期"),
    )
    date = models.DateField(_("发表日期"), default=timezone.localdate)
    pdf = models.ForeignKey(
        "media.Document",
        verbose_name=_("全文 PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    citation = models.TextField(
        _("引用格式"),
        blank=True,
        help_text=_("引用本文时的著录格式，例如按 GB/T 7714。"),
    )
    body = StreamField(ExhibitStreamBlock(), blank=True, verbose_name=_("正文"))

    parent_page_types = ["museum.ResearchIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("publication"), FieldPanel("date")]),
                FieldPanel("pdf"),
                FieldPanel("citation"),
            ],
            heading=_("发表信息"),
        ),
        FieldPanel("abstract"),
        FieldPanel("body"),
        InlinePanel("related_exhibits", heading=_("相关藏品"), label=_("藏品")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("authors"),
        index.SearchField("abstract"),
        index.SearchField("publication"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("authors"),
        APIField("abstract"),
        APIField("publication"),
        APIField("date"),
        APIField("pdf", serializer=DocumentField()),
        APIField("citation"),
        APIField("body"),
        APIField("related_exhibits", serializer=ExhibitLinksField()),
    ]
    api_prefetch_related = ["pdf", "related_exhibits__target"]

    class Meta:
        verbose_name = _("研究成果")
        verbose_name_plural = _("研究成果")

    def clean(self):
        super().clean()
        if self.pdf is not None and self.pdf.file_extension.lower() != "pdf":
            raise ValidationError({"pdf": _("请选择 PDF 格式的文档。")})

    @property
    def author_names(self) -> list[str]:
        """The authors one by one."""
        return [name for name in AUTHOR_SEPARATORS.split(self.authors) if name]

    def related_exhibits_for(self, request=None) -> list[ExhibitPage]:
        """Related exhibits anonymous visitors may see, in the editor's order."""
        ids = [link.target_id for link in self.related_exhibits.all()]
        return exhibits_in_order(ids, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_exhibits_for(request)
        return context

    def get_structured_data(self, request) -> dict:
        from ..structured_data import research_data

        return research_data(self, request)


class ResearchExhibit(Orderable):
    """An exhibit a study is about."""

    page = ParentalKey(
        ResearchPage, on_delete=models.CASCADE, related_name="related_exhibits"
    )
    target = models.ForeignKey(
        ExhibitPage,
        verbose_name=_("藏品"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关藏品")
        verbose_name_plural = _("相关藏品")
