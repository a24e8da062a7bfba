"""Why a booking, cancellation or check-in was refused, in words for the citizen.

Each error has a stable `code` the API returns as the problem type and the web shows
as a message; `errors` names the fields at fault, as {field: [messages]}.
"""

from django.utils.translation import gettext_lazy as _


class BookingError(Exception):
    """A refusal: nothing was stored."""

    code = "booking"
    status = 409
    title = _("无法预约")

    def __init__(self, message, errors: dict | None = None):
        super().__init__(str(message))
        self.message = message
        self.errors = errors or {}


class InvalidBooking(BookingError):
    code = "invalid"
    status = 400
    title = _("预约信息有误")


class Unavailable(BookingError):
    """The offer is closed, the date is outside the window, or the slot is gone."""

    code = "unavailable"
    status = 409
    title = _("该时段不可预约")


class Full(BookingError):
    code = "full"
    status = 409
    title = _("名额已满")


class AlreadyBooked(BookingError):
    code = "already_booked"
    status = 409
    title = _("证件当日已有预约")


class Banned(BookingError):
    code = "banned"
    status = 403
    title = _("暂停预约")


class IdempotencyConflict(BookingError):
    code = "idempotency_conflict"
    status = 422
    title = _("重复使用的请求标识")


class NotFound(BookingError):
    code = "not_found"
    status = 404
    title = _("未找到预约")


class CannotCancel(BookingError):
    code = "cannot_cancel"
    status = 409
    title = _("无法取消")


class CheckInRefused(BookingError):
    code = "check_in_refused"
    status = 409
    title = _("不能入场")
