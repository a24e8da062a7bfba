"""The booking API's addresses, under /api/v2/booking/ (see cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("offers/", views.OfferListView.as_view(), name="api_booking_offers"),
    path(
        "offers/<int:offer_id>/availability/",
        views.AvailabilityView.as_view(),
        name="api_booking_availability",
    ),
    path("bookings/", views.BookView.as_view(), name="api_booking_create"),
    path("bookings/<str:token>/", views.BookingView.as_view(), name="api_booking"),
    path(
        "bookings/<str:token>/qr.svg",
        views.TicketQrView.as_view(),
        name="api_booking_qr",
    ),
    path(
        "bookings/<str:token>/calendar.ics",
        views.TicketCalendarView.as_view(),
        name="api_booking_ics",
    ),
    path(
        "bookings/<str:token>/cancel/",
        views.CancelView.as_view(),
        name="api_booking_cancel",
    ),
]
