"""The booking engine: venues, offers, their schedule, slots and real-name bookings."""

from .bookings import Booking, BookingStatus, Visitor
from .offers import Closure, ExtraOpening, Offer, Venue, WeeklySession
from .slots import Day, Slot

__all__ = [
    "Booking",
    "BookingStatus",
    "Closure",
    "Day",
    "ExtraOpening",
    "Offer",
    "Slot",
    "Venue",
    "Visitor",
    "WeeklySession",
]
