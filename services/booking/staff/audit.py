"""Audit entries for bookings in Wagtail's log: check-ins, refusals, document checks,
reveals.

Entries name the booking (its offer, date and party size) and what happened, never
a personal value: no names, document numbers, phones or typed tokens in `data`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

CHECK_IN = "booking.check_in"
CHECK_IN_REFUSED = "booking.check_in_refused"
DOCUMENT_CHECK = "booking.document_check"
REVEAL = "booking.reveal"


class CheckInFormatter(LogFormatter):
    label = _("核验入场")

    def format_message(self, log_entry):
        return _("核验通过，%(size)s人入场") % {
            "size": log_entry.data.get("party_size", "")
        }


class CheckInRefusedFormatter(LogFormatter):
    label = _("核验未通过")

    def format_message(self, log_entry):
        return _("核验未通过：%(reason)s") % {
            "reason": log_entry.data.get("reason", "")
        }


class DocumentCheckFormatter(LogFormatter):
    label = _("核对证件")

    def format_message(self, log_entry):
        if log_entry.data.get("matched"):
            return _("核对证件：与第%(position)s位参观人相符") % {
                "position": log_entry.data.get("position", "")
            }
        return _("核对证件：不是这张预约票上的参观人")


def register(actions) -> None:
    """For the `register_log_actions` hook."""
    actions.register_action(CHECK_IN)(CheckInFormatter)
    actions.register_action(CHECK_IN_REFUSED)(CheckInRefusedFormatter)
    actions.register_action(DOCUMENT_CHECK)(DocumentCheckFormatter)
    actions.register_action(
        REVEAL, _("查看预约完整信息"), _("查看了预约人的完整个人信息")
    )


def log(instance, action: str, user, **data) -> None:
    wagtail_log(instance, action, user=user, data=data)
