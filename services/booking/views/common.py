"""Shared by the booking pages: rendering, date formats and the offer of a URL."""

import datetime

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import pgettext

from ..models import Offer


def formats() -> dict:
    """Date formats of the pages, translatable like any other text."""
    return {
        "day": pgettext("date format", "n月j日"),
        "date": pgettext("date format", "Y年n月j日"),
        "month": pgettext("date format", "Y年n月"),
        "time": pgettext("time format", "H:i"),
        "moment": pgettext("date format", "n月j日 H:i"),
    }


def render(request, template: str, context: dict, status: int = 200, private=True):
    """A booking page; `private` ones (anything personal) are never cached."""
    context = {"fmt": formats(), **context}
    response = TemplateResponse(request, f"booking/{template}", context, status=status)
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


def get_offer(slug: str) -> Offer:
    return get_object_or_404(Offer.objects.select_related("venue"), slug=slug)


def cancel_deadline(slot, offer) -> datetime.datetime:
    """The last moment to cancel without it counting as a no-show."""
    return slot.start - datetime.timedelta(hours=offer.cancel_hours)
