"""预约统计: occupancy per day and per slot as SVG charts with tables, the range's
totals and no-show rate, and downloads of the figures and of a day's visitors
(masked)."""

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton

from services import references

from ..models import Booking, BookingStatus, Offer
from . import access, chart, figures
from .display import document_label, slot_range, slot_text, visitors_queryset
from .forms import MAX_RANGE_DAYS, DashboardForm
from .sheets import SheetMixin, local

DAY_HEADINGS = {
    "date": gettext_lazy("日期"),
    "open": gettext_lazy("开放情况"),
    "capacity": gettext_lazy("名额"),
    "taken": gettext_lazy("已约人数"),
    "occupancy": gettext_lazy("占用率"),
    "bookings": gettext_lazy("预约单数"),
    **{status.value: status.label for status in BookingStatus},
    "checked_in_people": gettext_lazy("入场人数"),
}
VISITOR_HEADINGS = {
    "token": gettext_lazy("预约码"),
    "slot": gettext_lazy("时段"),
    "status": gettext_lazy("状态"),
    "position": gettext_lazy("序号"),
    "name": gettext_lazy("姓名"),
    "document_type": gettext_lazy("证件类型"),
    "document": gettext_lazy("证件号码"),
    "minor": gettext_lazy("未成年人"),
    "checked_in_at": gettext_lazy("入场时间"),
}


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def counts(row: dict) -> dict:
    """The figures of a day or a slot, as the table and the export show them."""
    tally = row["tally"]
    occupancy = share(row["taken"], row["capacity"])
    return {
        "capacity": row["capacity"],
        "taken": row["taken"],
        "occupancy": f"{occupancy:.0%}" if occupancy is not None else "",
        "bookings": tally.total_bookings,
        **{status.value: tally.bookings[status] for status in BookingStatus},
        "checked_in_people": row["checked_in"],
    }


class DashboardMixin(access.PermissionRequiredMixin, SheetMixin):
    """The chosen offer and range, from the query string or the defaults."""

    permission = access.DASHBOARD

    @cached_property
    def offers(self) -> list[Offer]:
        return list(Offer.objects.select_related("venue"))

    @cached_property
    def form(self) -> DashboardForm:
        defaults = DashboardForm.defaults(self.offers[0] if self.offers else None)
        data = {**defaults, **self.request.GET.dict()}
        form = DashboardForm(data)
        form.fields["offer"].choices = [
            (offer.pk, f"{offer.title}（{offer.venue.name}）") for offer in self.offers
        ]
        return form

    @cached_property
    def choice(self) -> dict | None:
        """offer, start, end, day: each valid one of the request, else its default
        (the form shows what was wrong with the others)."""
        if not self.offers:
            return None
        defaults = DashboardForm.defaults(self.offers[0])
        self.form.is_valid()
        valid = self.form.cleaned_data
        offers = {offer.pk: offer for offer in self.offers}
        chosen = {
            key: valid.get(key) or defaults[key] for key in ("start", "end", "day")
        }
        chosen["offer"] = offers[valid.get("offer") or defaults["offer"]]
        days = (chosen["end"] - chosen["start"]).days
        if not 0 <= days < MAX_RANGE_DAYS:
            chosen["start"], chosen["end"] = defaults["start"], defaults["end"]
        return chosen

    def query(self, **params) -> str:
        choice = self.choice
        base = {
            "offer": choice["offer"].pk,
            "start": choice["start"].isoformat(),
            "end": choice["end"].isoformat(),
            "day": choice["day"].isoformat(),
        }
        return "?" + urlencode({**base, **params})


class DashboardView(DashboardMixin, WagtailAdminTemplateMixin, TemplateView):
    """The figures page; ?export=csv|xlsx downloads the per-day figures."""

    template_name = "booking/staff/dashboard.html"
    page_title = gettext_lazy("预约统计")
    header_icon = "table"
    visitors_url_name = None
    list_export = list(DAY_HEADINGS)
    export_headings = DAY_HEADINGS
    header_more_buttons = []  # not Wagtail's English export items: ours are above

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    @cached_property
    def header_buttons(self):
        if not self.choice:
            return []
        return [
            HeaderButton(
                _("导出 Excel"),
                url=self.query(export="xlsx"),
                icon_name="download",
                priority=20,
            ),
            HeaderButton(
                _("导出 CSV"),
                url=self.query(export="csv"),
                icon_name="download",
                priority=30,
            ),
        ]

    def get(self, request, *args, **kwargs):
        if self.is_export and self.choice:
            rows, _totals = self.per_day()
            return self.as_spreadsheet(
                [self.day_row(row) for row in rows], request.GET["export"]
            )
        return super().get(request, *args, **kwargs)

    def per_day(self):
        choice = self.choice
        return figures.per_day(
            choice["offer"], choice["start"], choice["end"], timezone.now()
        )

    def get_filename(self):
        choice = self.choice
        return (
            f"booking-figures-{choice['offer'].slug}-"
            f"{choice['start']:%Y%m%d}-{choice['end']:%Y%m%d}"
        )

    @staticmethod
    def day_row(row: dict) -> dict:
        closed = _("闭馆")
        if row["closed"] and row["reason"] not in ("", closed):
            state = _("闭馆：%(reason)s") % {"reason": row["reason"]}
        elif row["closed"]:
            state = closed
        else:
            state = _("开放") if row["made"] else _("未生成")
        return {"date": row["date"], "open": state, **counts(row)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, choice=self.choice)
        if not self.choice:
            return context
        choice = self.choice
        rows, totals = self.per_day()
        slots = figures.per_slot(choice["offer"], choice["day"])
        today = timezone.localdate()
        context.update(
            days=rows,
            day_chart=chart.bars(
                [
                    {
                        "label": formats.date_format(row["date"], "n/j"),
                        "title": self.bar_title(
                            formats.date_format(
                                row["date"], pgettext("date format", "n月j日 D")
                            ),
                            row,
                        ),
                        "capacity": row["capacity"],
                        "taken": row["taken"],
                        "checked_in": row["checked_in"],
                        "closed": row["closed"],
                        "current": row["date"] == choice["day"],
                        "today": row["date"] == today,
                        "url": self.query(day=row["date"].isoformat())
                        + "#slots-section",
                    }
                    for row in rows
                ]
            ),
            day_rows=[
                {**self.day_row(row), "url": self.query(day=row["date"].isoformat())}
                for row in rows
            ],
            slot_rows=[
                {"label": slot_range(row["slot"]), **counts(row)} for row in slots
            ],
            slot_chart=chart.bars(
                [
                    {
                        "label": f"{timezone.localtime(row['slot'].start):%H:%M}",
                        "title": self.bar_title(slot_range(row["slot"]), row),
                        "capacity": row["capacity"],
                        "taken": row["taken"],
                        "checked_in": row["checked_in"],
                    }
                    for row in slots
                ]
            )
            if slots
            else None,
            totals=totals,
            statuses=[
                {
                    "label": status.label,
                    "bookings": totals.bookings[status],
                    "people": totals.people[status],
                }
                for status in BookingStatus
            ],
            no_show_rate=(
                f"{totals.no_show_rate:.1%}" if totals.no_show_rate is not None else ""
            ),
            visitors_csv=reverse(self.visitors_url_name) + self.query(export="csv"),
            visitors_xlsx=reverse(self.visitors_url_name) + self.query(export="xlsx"),
        )
        return context

    @staticmethod
    def bar_title(label: str, row: dict) -> str:
        if row.get("closed"):
            return _("%(label)s：闭馆（%(reason)s）") % {
                "label": label,
                "reason": row["reason"],
            }
        return _("%(label)s：名额%(capacity)d，已约%(taken)d人，已入场%(in)d人") % {
            "label": label,
            "capacity": row["capacity"],
            "taken": row["taken"],
            "in": row["checked_in"],
        }


class VisitorListView(DashboardMixin, View):
    """GET ?export=csv|xlsx: the chosen day's visitors, masked, one row each."""

    http_method_names = ["get"]
    list_export = list(VISITOR_HEADINGS)
    export_headings = VISITOR_HEADINGS

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        export = export if export in self.FORMATS else self.FORMAT_CSV
        return self.as_spreadsheet(self.rows() if self.choice else [], export)

    def get_filename(self):
        choice = self.choice
        slug = choice["offer"].slug if choice else "none"
        day = f"{choice['day']:%Y%m%d}" if choice else ""
        return f"booking-visitors-{slug}-{day}"

    def rows(self) -> list[dict]:
        choice = self.choice
        bookings = (
            Booking.objects.filter(offer=choice["offer"], date=choice["day"])
            .select_related("slot")
            .prefetch_related(Prefetch("visitors", queryset=visitors_queryset()))
            .order_by("slot__start", "created_at")
        )
        return [
            {
                # The token admits the party at the gate: a sheet keeps its start.
                "token": references.display(booking.token)[:4] + "-****-***",
                "slot": slot_text(booking),
                "status": booking.get_status_display(),
                "position": visitor.position + 1,
                "name": visitor.name_masked,
                "document_type": document_label(visitor.document_type),
                "document": visitor.document_masked,
                "minor": _("是") if visitor.minor else "",
                "checked_in_at": local(booking.checked_in_at),
            }
            for booking in bookings
            for visitor in booking.visitors.all()
        ]


class DashboardViewSet(ViewSet):
    """The figures page and the day's visitor list it links to."""

    name = "booking_dashboard"
    url_prefix = "booking/dashboard"
    icon = "table"
    menu_label = gettext_lazy("预约统计")

    def get_urlpatterns(self):
        return [
            path(
                "",
                self.construct_view(
                    DashboardView, visitors_url_name=self.get_url_name("visitors")
                ),
                name="index",
            ),
            path("visitors/", self.construct_view(VisitorListView), name="visitors"),
        ]

    def get_menu_item(self, order=None):
        return access.PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.name,
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
            permission=access.DASHBOARD,
        )
