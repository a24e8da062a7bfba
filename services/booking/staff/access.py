"""Who may do what on the staff side of bookings."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem

VIEW = "booking.view_booking"
CHECK_IN = "booking.check_in_booking"
DASHBOARD = "booking.view_booking_dashboard"
# The same permission as the cases workbench: full names and numbers, audited.
REVEAL = "services.reveal_personal_data"


class PermissionRequiredMixin:
    """Refuses (Wagtail turns it into a redirect home) staff without `permission`."""

    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionMenuItem(MenuItem):
    """A menu item shown only to staff with `permission`."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
