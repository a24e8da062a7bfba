"""Admin for bookings: the 预约管理 menu, its views and its audit actions."""

from wagtail import hooks

from .staff import BookingAdminGroup, register_log_actions


@hooks.register("register_admin_viewset")
def register_booking_admin():
    return BookingAdminGroup()


@hooks.register("register_log_actions")
def register_booking_log_actions(actions):
    register_log_actions(actions)
