"""预约管理 in the sidebar: the daily work first, then what can be booked."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from .bookings import BookingViewSet
from .check_in import CheckInViewSet
from .dashboard import DashboardViewSet
from .setup import ClosureViewSet, ExtraOpeningViewSet, OfferViewSet, VenueViewSet


class BookingAdminGroup(ViewSetGroup):
    """Shown to staff who may use at least one of its items (Wagtail hides an empty
    submenu), so editors without booking permissions see nothing of it."""

    menu_label = _("预约管理")
    menu_icon = "calendar-check"
    menu_name = "booking"
    menu_order = 160
    items = (
        CheckInViewSet,
        BookingViewSet,
        DashboardViewSet,
        OfferViewSet,
        VenueViewSet,
        ClosureViewSet,
        ExtraOpeningViewSet,
    )
