"""预约记录: bookings listed by staff, masked, and exported masked; the viewset that
serves them with their detail pages (staff.detail).

A ModelViewSet without its create, edit, copy and delete views: bookings are made
by `logic.book` only. Seams of Wagtail's IndexView we override, and why:
search_queryset (tokens are normalised, not matched as typed), columns (masked
names and phone, local times), header buttons (masked exports only), to_row_dict
(the export's rows, masked).
"""

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from services import references

from ..models import Booking, BookingStatus, Offer
from . import access
from .detail import BookingDetailView, BookingHistoryView, RevealView
from .display import document_label, masked_phone, slot_text, visitors_queryset
from .sheets import SheetMixin, local

# Booking permissions staff can be given; add, change and delete stay unused.
GRANTABLE = ["view_booking", "check_in_booking", "view_booking_dashboard"]
EXPORT_HEADINGS = {
    "token": gettext_lazy("预约码"),
    "offer": gettext_lazy("项目"),
    "date": gettext_lazy("日期"),
    "slot": gettext_lazy("时段"),
    "party_size": gettext_lazy("人数"),
    "status": gettext_lazy("状态"),
    "names": gettext_lazy("参观人"),
    "documents": gettext_lazy("证件"),
    "phone": gettext_lazy("联系电话"),
    "created_at": gettext_lazy("预约时间"),
    "checked_in_at": gettext_lazy("入场时间"),
}


class BookingFilterSet(WagtailFilterSet):
    offer = django_filters.ModelChoiceFilter(
        label=gettext_lazy("项目"),
        queryset=Offer.objects.all(),
        empty_label=gettext_lazy("全部项目"),
    )
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("日期"), widget=DateRangePickerWidget
    )
    status = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("状态"),
        choices=BookingStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Booking
        fields = []


class BookingIndexView(SheetMixin, generic.IndexView):
    """Bookings, latest visit date first; names and phone masked, also exported."""

    any_permission_required = ["view"]
    page_title = gettext_lazy("预约记录")
    filterset_class = BookingFilterSet
    default_ordering = "-date"
    search_fields = ["token"]  # turns the search box on; see search_queryset
    list_export = list(EXPORT_HEADINGS)
    export_headings = EXPORT_HEADINGS

    def get_base_queryset(self):
        return Booking.objects.select_related("offer", "slot").prefetch_related(
            Prefetch("visitors", queryset=visitors_queryset())
        )

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if self.ordering in ("date", "-date"):
            # A day's bookings in the order of their slots.
            queryset = queryset.order_by(self.ordering, "slot__start", "pk")
        return queryset

    def get_search_form(self):
        placeholder = _("预约码")
        if self.search_kwarg in self.request.GET:
            return SearchForm(self.request.GET, placeholder=placeholder)
        return SearchForm(placeholder=placeholder)

    def search_queryset(self, queryset):
        """By token, however it is typed: with dashes, lower case, O for 0."""
        if not self.is_searching:
            return queryset
        token = references.normalise(self.search_query)
        if not token or not set(token) <= set(references.ALPHABET):
            return queryset.none()
        return queryset.filter(token__contains=token)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "token",
                label=_("预约码"),
                accessor=lambda b: references.display(b.token),
                url_name=self.inspect_url_name,
                sort_key="token",
            ),
            Column(
                "offer",
                label=_("项目"),
                accessor="offer.title",
                sort_key="offer__title",
            ),
            Column(
                "date",
                label=_("日期"),
                accessor=lambda b: formats.date_format(b.date, "Y-m-d"),
                sort_key="date",
            ),
            Column("slot", label=_("时段"), accessor=slot_text),
            Column("party_size", label=_("人数"), sort_key="party_size"),
            StatusTagColumn(
                "status",
                label=_("状态"),
                accessor="get_status_display",
                primary=lambda b: b.status == BookingStatus.BOOKED,
                sort_key="status",
            ),
            Column(
                "names",
                label=_("参观人"),
                accessor=lambda b: "、".join(v.name_masked for v in b.visitors.all()),
            ),
            Column("phone", label=_("联系电话"), accessor=masked_phone),
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("导出 Excel（已隐去个人信息）"),
                url=self.get_export_url("xlsx"),
                icon_name="download",
                priority=20,
            ),
            HeaderButton(
                _("导出 CSV"),
                url=self.get_export_url("csv"),
                icon_name="download",
                priority=30,
            ),
        ]

    @cached_property
    def header_more_buttons(self):
        return []

    def get_export_url(self, export_format):
        """The list's filters, search and ordering, every page, in a spreadsheet."""
        params = self.request.GET.copy()
        params.pop(self.page_kwarg, None)
        params["export"] = export_format
        return reverse(self.index_url_name) + "?" + params.urlencode()

    def get_filename(self):
        return f"bookings-{timezone.localdate():%Y%m%d}"

    def to_row_dict(self, item):
        visitors = list(item.visitors.all())
        return {
            "token": references.display(item.token),
            "offer": item.offer.title,
            "date": item.date,
            "slot": slot_text(item),
            "party_size": item.party_size,
            "status": item.get_status_display(),
            "names": "、".join(v.name_masked for v in visitors),
            "documents": "、".join(
                f"{document_label(v.document_type)} {v.document_masked}".strip()
                for v in visitors
            ),
            "phone": masked_phone(item),
            "created_at": local(item.created_at),
            "checked_in_at": local(item.checked_in_at),
        }


class BookingURLFinder(ModelAdminURLFinder):
    """Links from Wagtail's reports and history to the booking page (no edit)."""

    edit_url_name = "booking_records:inspect"

    def get_edit_url(self, instance):
        if self.user and not self.user.has_perm(access.VIEW):
            return None
        return self.construct_edit_url(instance)


class BookingViewSet(ModelViewSet):
    """预约记录: list, detail, reveal, history, masked exports."""

    model = Booking
    name = "booking_records"
    url_prefix = "booking/records"
    icon = "list-ul"
    menu_label = gettext_lazy("预约记录")
    index_view_class = BookingIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    url_finder_class = BookingURLFinder
    history_view_class = BookingHistoryView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def detail_kwargs(self) -> dict:
        return {
            "index_url_name": self.get_url_name("index"),
            "inspect_url_name": self.get_url_name("inspect"),
            "reveal_url_name": self.get_url_name("reveal"),
            "history_url_name": self.get_url_name("history"),
        }

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(
            inspect_url_name=self.get_url_name("inspect"), **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "<int:pk>/",
                self.construct_view(BookingDetailView, **self.detail_kwargs()),
                name="inspect",
            ),
            path(
                "<int:pk>/reveal/",
                self.construct_view(RevealView, **self.detail_kwargs()),
                name="reveal",
            ),
            path("<int:pk>/history/", self.history_view, name="history"),
            path(
                "<int:pk>/history/results/",
                self.history_results_view,
                name="history_results",
            ),
        ]

    def get_permissions_to_register(self):
        """View, check in and the figures, for the group editor (bookings are made by
        citizens through `logic.book`, never added or edited by hand)."""
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Booking),
            codename__in=GRANTABLE,
        )
