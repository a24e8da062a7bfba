"""The staff side of bookings in the Wagtail admin (预约管理): what can be booked,
closures, the bookings themselves, check-in at the gate and the figures."""

from .audit import register as register_log_actions
from .viewsets import BookingAdminGroup

__all__ = ["BookingAdminGroup", "register_log_actions"]
