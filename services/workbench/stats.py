"""Counts for the workbench: cases per day over 30 days and per status, as SVG/HTML."""

import datetime
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from ..models import Status, Submission
from .listing import form_pages

DAYS = 30
# The chart's drawing box (SVG user units; it scales to the page's width): room
# above the tallest bar for its count, below the bars for the dates.
WIDTH, HEIGHT, TOP, AXIS = 720, 180, 18, 24


def per_day(cases, today: datetime.date) -> list[tuple[datetime.date, int]]:
    """(day, count) for the last DAYS days, today included, in local time."""
    first = today - datetime.timedelta(days=DAYS - 1)
    since = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    counts = dict(
        cases.filter(submit_time__gte=since)
        .annotate(day=TruncDate("submit_time"))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        (day, counts.get(day, 0))
        for day in (first + datetime.timedelta(days=i) for i in range(DAYS))
    ]


def bars(days: list[tuple[datetime.date, int]]) -> dict:
    """Geometry of a bar chart of the days, with a label every fifth day."""
    top = max((n for _day, n in days), default=0) or 1
    slot = WIDTH / len(days)
    plot = HEIGHT - AXIS
    items = []
    for index, (day, n) in enumerate(days):
        height = round((plot - TOP) * n / top, 1)
        items.append(
            {
                "day": day,
                "count": n,
                "x": round(index * slot + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "y": round(plot - height, 1),
                "height": height,
                "mid": round(index * slot + slot / 2, 1),
                "label_y": round(plot - height - 4, 1),
                "labelled": index % 5 == 0 or index == len(days) - 1,
            }
        )
    return {
        "items": items,
        "width": WIDTH,
        "height": HEIGHT,
        "plot": plot,
        "axis_y": plot + 16,
    }


class StatsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Cases per day (30 days) and per status, optionally for one form."""

    model = Submission
    any_permission_required = ["view", "change"]
    template_name = "services/admin/case_stats.html"
    page_title = _("办件统计")
    header_icon = "table"
    index_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("办件")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = list(form_pages(self.request).only("pk", "title"))
        page = next(
            (p for p in pages if str(p.pk) == self.request.GET.get("page")), None
        )
        cases = Submission.objects.all()
        if page:
            cases = cases.filter(page=page)
        days = per_day(cases, timezone.localdate())
        by_status = dict(cases.values_list("status").annotate(n=Count("pk")).order_by())
        total = sum(by_status.values())
        index_url = reverse(self.index_url_name)

        def list_url(**params):
            if page:
                params["page"] = page.pk
            return index_url + "?" + urlencode(params)

        context.update(
            pages=pages,
            page=page,
            chart=bars(days),
            days=days,
            month_total=sum(n for _day, n in days),
            total=total,
            statuses=[
                {
                    "label": status.label,
                    "count": by_status.get(status, 0),
                    "share": round(100 * by_status.get(status, 0) / (total or 1)),
                    "url": list_url(status=status.value),
                }
                for status in Status
            ],
        )
        return context
