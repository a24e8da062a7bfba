"""What can be booked, edited by staff: venues, offers with their weekly hours and
rules, closures and holiday openings.

Saving or deleting a closure or a holiday opening re-runs `generate_days` for the
venue's active offers over their window, so that the calendar changes at once, and
warns when a day it closes already has bookings. Saving an offer makes its days
ahead the same way.

Seams of Wagtail's generic views we override, and why: save_instance and
delete_action (the calendar follows the change; a save's in the same transaction),
post of the edit view (a closure moved to another venue frees the old venue's day),
and form_valid of the delete view (a venue or offer that bookings or offers still
use is kept, with a message, instead of a server error).
"""

import datetime
from urllib.parse import urlencode

from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail.admin import messages
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Booking, BookingStatus, Closure, ExtraOpening, Offer, Venue
from ..schedule import generate_days

BOOKINGS_INDEX = "booking_records:index"


def refresh_calendars(request, venue_ids) -> None:
    """Apply the venues' closures and openings to their active offers' days now;
    warn about each newly closed day that people have booked, with how many."""
    today = timezone.localdate()
    offers = Offer.objects.filter(venue_id__in=venue_ids, active=True)
    for offer in offers.prefetch_related("sessions"):
        last = today + datetime.timedelta(days=offer.window_days + 1)
        result = generate_days(offer, today, last)
        for date, people in result.closed_with_bookings:
            bookings = Booking.objects.filter(
                offer=offer, date=date, status=BookingStatus.BOOKED
            ).count()
            query = urlencode(
                {
                    "offer": offer.pk,
                    "date_from": date.isoformat(),
                    "date_to": date.isoformat(),
                    "status": BookingStatus.BOOKED,
                }
            )
            messages.warning(
                request,
                _(
                    "“%(offer)s”%(date)s已有%(bookings)d单预约共%(people)d人，"
                    "现已闭馆：请通知这些预约人另约时间。"
                )
                % {
                    "offer": offer.title,
                    "date": formats.date_format(
                        date, pgettext("date format", "Y年n月j日")
                    ),
                    "bookings": bookings,
                    "people": people,
                },
                buttons=[
                    messages.button(
                        reverse(BOOKINGS_INDEX) + "?" + query, _("查看这些预约")
                    )
                ],
            )
        if result.reopened:
            messages.info(
                request,
                _("“%(offer)s”有%(days)d天恢复开放预约。")
                % {"offer": offer.title, "days": result.reopened},
            )


# Closures and holiday openings


class CalendarCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        refresh_calendars(self.request, [instance.venue_id])
        return instance


class CalendarEditView(generic.EditView):
    def post(self, request, *args, **kwargs):
        # The form writes the new venue onto the object: remember the old one.
        self.object = self.get_object()
        self.original_venue_id = self.object.venue_id
        return super().post(request, *args, **kwargs)

    def save_instance(self):
        instance = super().save_instance()
        refresh_calendars(self.request, {self.original_venue_id, instance.venue_id})
        return instance


class CalendarDeleteView(generic.DeleteView):
    def delete_action(self):
        venue_id = self.object.venue_id
        super().delete_action()
        refresh_calendars(self.request, [venue_id])


class CalendarViewSet(ModelViewSet):
    """A venue's exceptions to its weekly hours; the calendar follows each change."""

    add_view_class = CalendarCreateView
    edit_view_class = CalendarEditView
    delete_view_class = CalendarDeleteView
    copy_view_enabled = False
    list_filter = ["venue"]
    ordering = "-date"
    list_per_page = 50


class ClosureViewSet(CalendarViewSet):
    model = Closure
    name = "booking_closures"
    url_prefix = "booking/closures"
    icon = "warning"
    menu_label = gettext_lazy("临时闭馆")
    list_display = ["date", "venue", "reason"]
    panels = [
        HelpPanel(
            content=gettext_lazy(
                "这一天该场所的所有预约项目都不开放。保存后日历立即更新；"
                "如果这一天已有人预约，页面顶部会提示有多少人需要通知。"
            )
        ),
        FieldPanel("venue"),
        FieldPanel("date"),
        FieldPanel(
            "reason",
            help_text=gettext_lazy("市民在预约日历上看到的原因，如“设备检修”。"),
        ),
    ]


class ExtraOpeningViewSet(CalendarViewSet):
    model = ExtraOpening
    name = "booking_openings"
    url_prefix = "booking/openings"
    icon = "date"
    menu_label = gettext_lazy("节假日开放")
    list_display = ["date", "venue", "hours_of", "reason"]
    panels = [
        HelpPanel(
            content=gettext_lazy(
                "平时闭馆的日子（如法定节假日的星期一）照常开放。保存后日历立即更新。"
            )
        ),
        FieldPanel("venue"),
        FieldPanel("date"),
        FieldPanel(
            "hours_of",
            help_text=gettext_lazy("这一天采用哪一天的开放时段和名额。"),
        ),
        FieldPanel("reason", help_text=gettext_lazy("例如“国庆节照常开放”。")),
    ]


# Venues and offers


class KeepWhenUsedDeleteView(generic.DeleteView):
    """Deleting what bookings or offers still use is refused with a message."""

    in_use_message = ""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, self.in_use_message)
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))


class VenueDeleteView(KeepWhenUsedDeleteView):
    in_use_message = gettext_lazy(
        "该场所还有预约项目，不能删除。请先删除或移走这些项目。"
    )


class OfferDeleteView(KeepWhenUsedDeleteView):
    in_use_message = gettext_lazy(
        "该项目已有预约记录，不能删除。不再接受预约时，请取消勾选“开放预约”。"
    )


class VenueViewSet(ModelViewSet):
    model = Venue
    name = "booking_venues"
    url_prefix = "booking/venues"
    icon = "site"
    menu_label = gettext_lazy("场所")
    list_display = ["name", "address", "phone"]
    delete_view_class = VenueDeleteView
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel(
            "directions",
            help_text=gettext_lazy("显示在预约成功页和预约票上，如公交、地铁线路。"),
        ),
    ]


class OfferSaveMixin:
    """The offer's days ahead, made at once rather than at the next scheduled run."""

    def save_instance(self):
        offer = super().save_instance()
        if offer.active:
            today = timezone.localdate()
            last = today + datetime.timedelta(days=offer.window_days + 1)
            created = generate_days(offer, today, last).created
            if created:
                messages.info(
                    self.request,
                    _("已生成%(days)d天的预约日历。") % {"days": created},
                )
        return offer


class OfferCreateView(OfferSaveMixin, generic.CreateView):
    pass


class OfferEditView(OfferSaveMixin, generic.EditView):
    pass


SESSION_PANELS = [
    FieldPanel("weekday"),
    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
    FieldRowPanel([FieldPanel("slot_minutes"), FieldPanel("capacity")]),
]

OFFER_TABS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("venue"),
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel(
                    "summary", help_text=gettext_lazy("显示在预约页顶部的一两句话。")
                ),
                FieldPanel(
                    "rules",
                    help_text=gettext_lazy(
                        "预约前须阅读的须知，如携带证件、安检、禁止携带的物品。"
                    ),
                ),
                FieldPanel(
                    "active",
                    help_text=gettext_lazy(
                        "取消勾选后市民不能再预约，已有的预约不受影响。"
                    ),
                ),
            ],
            heading=gettext_lazy("基本信息"),
        ),
        ObjectList(
            [
                HelpPanel(
                    content=gettext_lazy(
                        "每个星期几的开放时间，按“每时段分钟数”切成时段，每个时段有自己"
                        "的名额。没有开放时段的星期几为闭馆日。修改只影响尚未生成的"
                        "日期；已生成的日期（可提前预约天数内）保持原样，临时调整请用"
                        "“临时闭馆”和“节假日开放”。"
                    )
                ),
                InlinePanel(
                    "sessions",
                    panels=SESSION_PANELS,
                    heading=gettext_lazy("每周开放时段"),
                    label=gettext_lazy("开放时段"),
                ),
                FieldPanel("closed_note"),
            ],
            heading=gettext_lazy("开放时间"),
        ),
        ObjectList(
            [
                FieldRowPanel(
                    [
                        FieldPanel("window_days"),
                        FieldPanel("release_time"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "party_cap",
                            help_text=gettext_lazy("一次预约最多登记几位参观人。"),
                        ),
                        FieldPanel("daily_cap"),
                    ]
                ),
                FieldPanel("cancel_hours"),
                FieldPanel(
                    "minors_need_adult",
                    help_text=gettext_lazy(
                        "勾选后，一单中至少要有一位年满18岁的参观人。"
                    ),
                ),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "check_in_early_minutes",
                            help_text=gettext_lazy(
                                "时段开始前多少分钟起可以核验入场。"
                            ),
                        ),
                        FieldPanel(
                            "check_in_late_minutes",
                            help_text=gettext_lazy(
                                "时段结束后多少分钟内仍可核验入场；超过后计为未到场。"
                            ),
                        ),
                    ]
                ),
            ],
            heading=gettext_lazy("预约规则"),
        ),
        ObjectList(
            [
                HelpPanel(
                    content=gettext_lazy(
                        "未到场或逾期取消都计为一次爽约。同一证件在统计周期内爽约达到"
                        "上限，自最近一次爽约起暂停预约。"
                    )
                ),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "no_show_limit",
                            help_text=gettext_lazy("达到几次时暂停预约。"),
                        ),
                        FieldPanel(
                            "no_show_window_days",
                            help_text=gettext_lazy("往前统计多少天内的爽约。"),
                        ),
                        FieldPanel(
                            "ban_days",
                            help_text=gettext_lazy("暂停预约多少天。"),
                        ),
                    ]
                ),
            ],
            heading=gettext_lazy("爽约处理"),
        ),
    ]
)


class OfferViewSet(ModelViewSet):
    model = Offer
    name = "booking_offers"
    url_prefix = "booking/offers"
    icon = "calendar-alt"
    menu_label = gettext_lazy("预约项目")
    list_display = [
        "title",
        "venue",
        BooleanColumn("active", label=gettext_lazy("开放预约"), sort_key="active"),
        "window_days",
        "party_cap",
    ]
    list_filter = ["venue", "active"]
    add_view_class = OfferCreateView
    edit_view_class = OfferEditView
    delete_view_class = OfferDeleteView
    copy_view_enabled = False
    edit_handler = OFFER_TABS
