"""The citizen's booking pages (F10 appointments, F13 museum visits)."""

from .flow import confirm_view, day_view, offer_view
from .tickets import (
    cancel_view,
    ics_view,
    index_view,
    lookup_view,
    mine_view,
    ticket_view,
)

__all__ = [
    "cancel_view",
    "confirm_view",
    "day_view",
    "ics_view",
    "index_view",
    "lookup_view",
    "mine_view",
    "offer_view",
    "ticket_view",
]
