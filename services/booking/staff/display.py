"""How staff see a booking and its party: local slot times, masked values."""

from django.utils import timezone

from services.crypto import decrypt
from services.identity import DocumentType, mask_phone

from ..models import Booking, Visitor


def slot_range(slot) -> str:
    """ "09:00–10:00" in local time."""
    start, end = timezone.localtime(slot.start), timezone.localtime(slot.end)
    return f"{start:%H:%M}–{end:%H:%M}"


def slot_text(booking: Booking) -> str:
    return slot_range(booking.slot)


def masked_phone(booking: Booking) -> str:
    """ "138****1234", or nothing once purged."""
    return mask_phone(decrypt(booking.phone)) if booking.phone else ""


def document_label(kind: str) -> str:
    """The document type's name, e.g. 居民身份证."""
    return DocumentType(kind).label if kind in DocumentType.values else kind


def visitors_queryset():
    """What the listing and exports show of each visitor: masked values only."""
    return Visitor.objects.only(
        "booking_id",
        "position",
        "name_masked",
        "document_type",
        "document_masked",
        "minor",
    )
