"""The case list: filters, search by reference, masked phone, CSV/XLSX export.

Seams of Wagtail's IndexView and SpreadsheetExportMixin we override, and why:
search_queryset (references are normalised, not matched as typed), columns (the
masked phone and local times), header buttons (masked and full exports),
as_spreadsheet/to_row_dict/get_heading (answer columns come from the cases' own
snapshots, known only once the rows are read), write_csv_row and stream_csv
(formula starts defused; a byte order mark for Excel).
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters.fields import DateRangeField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.models import Page

from .. import references
from ..forms import MAX_DATE, MIN_DATE
from ..models import ServiceFormPage, Status, Submission
from . import answers, audit

REVEAL_PERMISSION = "services.reveal_personal_data"
# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
# injection"); tab and carriage return start one in some programs too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_COLUMNS = {
    "reference": _("受理编号"),
    "form": _("表单"),
    "status": _("状态"),
    "submit_time": _("提交时间"),
}


def defuse(value):
    """A text that a spreadsheet shows as text: formula starts get a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def local_time(value: datetime.datetime) -> str:
    return date_format(timezone.localtime(value), "Y-m-d H:i")


class BoundedDateRangeField(DateRangeField):
    """A date range within 1900–2200: earlier dates overflow once made UTC."""

    def compress(self, data_list):
        for day in data_list or ():
            if day and not MIN_DATE <= day <= MAX_DATE:
                raise ValidationError(_("请输入 1900 年至 2200 年之间的日期。"))
        return super().compress(data_list)


class BoundedDateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = BoundedDateRangeField


def form_pages(request):
    return Page.objects.type(ServiceFormPage).order_by("title")


class CaseFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("表单"), queryset=form_pages, empty_label=_("全部表单")
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("状态"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    submitted = BoundedDateRangeFilter(
        label=_("提交日期"), field_name="submit_time", widget=DateRangePickerWidget
    )

    class Meta:
        model = Submission
        fields = []


class CaseIndexView(generic.IndexView):
    """Cases, newest first; personal data masked, also in a plain export."""

    any_permission_required = ["view", "change"]
    page_title = _("办件")
    filterset_class = CaseFilterSet
    default_ordering = "-submit_time"
    search_fields = ["reference"]  # turns the search box on; see search_queryset
    stats_url_name = None
    custom_field_preprocess = {
        "submit_time": {"csv": lambda value: value.strftime("%Y-%m-%d %H:%M:%S")}
    }

    def get_base_queryset(self):
        return Submission.objects.select_related("page")

    def get_search_form(self):
        placeholder = _("受理编号")
        if self.search_kwarg in self.request.GET:
            return SearchForm(self.request.GET, placeholder=placeholder)
        return SearchForm(placeholder=placeholder)

    def search_queryset(self, queryset):
        """By reference, as citizens read it out: any case, with or without dashes."""
        if not self.is_searching:
            return queryset
        reference = references.normalise(self.search_query)
        if not reference or not set(reference) <= set(references.ALPHABET):
            return queryset.none()  # cannot be (part of) a reference
        return queryset.filter(reference__contains=reference)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label=_("受理编号"),
                accessor="display_reference",
                url_name=self.inspect_url_name,
                sort_key="reference",
            ),
            Column(
                "form", label=_("表单"), accessor="page.title", sort_key="page__title"
            ),
            StatusTagColumn(
                "status",
                label=_("状态"),
                accessor="get_status_display",
                primary=lambda case: case.status == Status.SUBMITTED,
                sort_key="status",
            ),
            Column(
                "submit_time",
                label=_("提交时间"),
                accessor=lambda case: local_time(case.submit_time),
                sort_key="submit_time",
            ),
            Column(
                "phone",
                label=_("联系电话"),
                accessor=lambda case: answers.phone_text(case, full=False),
            ),
        ]

    @cached_property
    def can_reveal(self) -> bool:
        return self.request.user.has_perm(REVEAL_PERMISSION)

    @cached_property
    def header_buttons(self):
        buttons = [
            HeaderButton(
                _("导出 Excel"),
                url=self.get_export_url("xlsx"),
                icon_name="download",
                priority=20,
            )
        ]
        if self.stats_url_name:
            buttons.append(
                HeaderButton(
                    _("统计"),
                    url=reverse(self.stats_url_name),
                    icon_name="table",
                    priority=10,
                )
            )
        return buttons

    @cached_property
    def header_more_buttons(self):
        """Other exports; those with full values only for staff who may reveal."""
        buttons = [
            Button(
                _("导出 CSV（隐去个人信息）"),
                url=self.get_export_url("csv"),
                icon_name="download",
                priority=10,
            ),
        ]
        if self.can_reveal:
            buttons += [
                Button(
                    _("导出 Excel（完整信息，将记录）"),
                    url=self.get_export_url("xlsx") + "&full=1",
                    icon_name="download",
                    priority=20,
                ),
                Button(
                    _("导出 CSV（完整信息，将记录）"),
                    url=self.get_export_url("csv") + "&full=1",
                    icon_name="download",
                    priority=30,
                ),
            ]
        return buttons

    def get_export_url(self, export_format):
        """The list's filters, search and ordering, every page, in a spreadsheet."""
        params = self.request.GET.copy()
        params.pop("full", None)
        params.pop(self.page_kwarg, None)
        params["export"] = export_format
        return reverse(self.index_url_name) + "?" + params.urlencode()

    # Export: one row per case, its answers in columns keyed by field key.

    @cached_property
    def export_full(self) -> bool:
        return self.request.GET.get("full") == "1"

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and self.export_full and not self.can_reveal:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        suffix = "-full" if self.export_full else ""
        return f"cases-{timezone.localdate():%Y%m%d}{suffix}"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        cases = list(queryset)
        labels = answers.columns(cases)
        self.list_export = [*FIXED_COLUMNS, *labels]
        self.export_headings = {**FIXED_COLUMNS, **labels}
        if self.export_full:
            audit.log_export(cases, self.request.user, spreadsheet_format)
        return super().as_spreadsheet(cases, spreadsheet_format)

    def to_row_dict(self, item):
        row = dict.fromkeys(self.list_export, "")
        row.update(
            reference=item.display_reference,
            form=item.page.title,
            status=item.get_status_display(),
            # Local wall-clock time: Wagtail would write an aware time in UTC.
            submit_time=timezone.localtime(item.submit_time).replace(tzinfo=None),
        )
        row.update(answers.row(item, full=self.export_full))
        return row

    def get_heading(self, queryset, field):
        return defuse(str(self.export_headings.get(field, field)))

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: defuse(self.preprocess_field_value(field, value, "csv"))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        # A byte order mark: Excel on Chinese Windows reads CSV without it as GBK.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)
