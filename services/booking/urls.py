"""The citizen's booking pages, under /booking/ (cms/urls.py)."""

import datetime

from django.urls import path, register_converter
from django.views.decorators.http import require_http_methods

from . import views

app_name = "booking"

GET_POST = require_http_methods(["GET", "HEAD", "POST"])
GET = require_http_methods(["GET", "HEAD"])


class DateConverter:
    """An ISO date that exists (2025-02-30 does not match: 404)."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        return datetime.date.fromisoformat(value)  # ValueError: no match

    def to_url(self, value: datetime.date) -> str:
        return value.isoformat()


register_converter(DateConverter, "isodate")

# The fixed paths first: an offer cannot be called "mine", "lookup" or "tickets".
urlpatterns = [
    path("", GET(views.index_view), name="index"),
    path("mine/", GET(views.mine_view), name="mine"),
    path("lookup/", GET_POST(views.lookup_view), name="lookup"),
    path("tickets/<int:pk>/", GET(views.ticket_view), name="ticket"),
    path("tickets/<int:pk>/booking.ics", GET(views.ics_view), name="ics"),
    path("tickets/<int:pk>/cancel/", GET_POST(views.cancel_view), name="cancel"),
    path("<slug:slug>/", GET(views.offer_view), name="offer"),
    path("<slug:slug>/confirm/", GET_POST(views.confirm_view), name="confirm"),
    path("<slug:slug>/<isodate:date>/", GET_POST(views.day_view), name="day"),
]
