"""What the booking API reads from a request: a JSON body, dates, the offer named."""

import datetime
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions

from cms.api.problems import invalid

from ..errors import InvalidBooking
from ..models import Offer
from ..schedule import MAX_RANGE_DAYS, window

# A booking is well under a kilobyte; a body far bigger is not one.
MAX_BODY_BYTES = 16 * 1024
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class PayloadTooLarge(exceptions.APIException):
    """A body over MAX_BODY_BYTES, refused before it is read."""

    status_code = 413
    default_detail = gettext_lazy("请求内容过大。")
    default_code = "payload_too_large"


def json_body(request) -> dict:
    """The JSON object a POST carries (nothing oversized or nested without end)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise PayloadTooLarge()
    body = request.data
    if not isinstance(body, dict):
        message = _("请求内容应为一个 JSON 对象。")
        raise InvalidBooking(message, {"body": [message]})
    return body


def read_date(params, name: str) -> datetime.date | None:
    value = params.get(name)
    if value is None:
        return None
    if not DATE.fullmatch(value):
        raise invalid(name, _("日期应写作 YYYY-MM-DD，例如 2026-05-01。"))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise invalid(name, _("没有这一天，请核对年、月、日。")) from None


def date_range(params, offer: Offer, now: datetime.datetime):
    """`from` and `to`: by default today to the end of the window (at most
    MAX_RANGE_DAYS days)."""
    first, last = read_date(params, "from"), read_date(params, "to")
    if first is None:
        today = now.date()
        first = today if last is None or last >= today else last
    if last is None:
        last = max(first, window(offer, now)[1])
        if first <= datetime.date.max - datetime.timedelta(days=MAX_RANGE_DAYS):
            last = min(last, first + datetime.timedelta(days=MAX_RANGE_DAYS - 1))
    if first > last:
        raise invalid("from", _("开始日期（from）不能晚于结束日期（to）。"))
    if (last - first).days >= MAX_RANGE_DAYS:
        raise invalid(
            "to",
            _("一次最多查询%(days)d天，请缩短日期范围。") % {"days": MAX_RANGE_DAYS},
        )
    return first, last


def offer_for(value) -> Offer:
    """The offer a booking names (refused as a field when there is none)."""
    offer = None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        # Beyond the column's range Django finds nothing instead of failing.
        offer = Offer.objects.select_related("venue").filter(pk=value).first()
    if offer is None:
        message = _("所选预约项目不存在，请重新选择。")
        raise InvalidBooking(message, {"offer": [message]})
    return offer
