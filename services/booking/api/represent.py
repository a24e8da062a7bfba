"""The JSON of offers, days and bookings: local times, and people only masked."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from cms.api.urls import absolute
from services import references
from services.crypto import decrypt
from services.identity import DocumentType, mask_phone

from ..models import Booking, BookingStatus, Offer
from ..schedule import DayView, window


def local(moment: datetime.datetime | None) -> str | None:
    """An aware moment in the bureau's time zone (the time printed on the ticket)."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat()


def venue_json(offer: Offer) -> dict:
    venue = offer.venue
    return {
        "name": venue.name,
        "address": venue.address,
        "phone": venue.phone,
        "directions": venue.directions,
    }


def window_json(offer: Offer, now: datetime.datetime) -> dict:
    first, last = window(offer, now)
    return {"first": first.isoformat(), "last": last.isoformat()}


def offer_json(offer: Offer, now: datetime.datetime) -> dict:
    availability = reverse("api_booking_availability", args=[offer.pk])
    return {
        "id": offer.pk,
        "slug": offer.slug,
        "title": offer.title,
        "summary": offer.summary,
        "notes": offer.rules,
        "venue": venue_json(offer),
        "rules": {
            "party_cap": offer.party_cap,
            "window_days": offer.window_days,
            "release_time": offer.release_time.isoformat(timespec="minutes"),
            "cancel_hours": offer.cancel_hours,
            "no_show_limit": offer.no_show_limit,
            "no_show_window_days": offer.no_show_window_days,
            "ban_days": offer.ban_days,
            "minors_need_adult": offer.minors_need_adult,
            "document_types": [
                {"value": value, "label": str(label)}
                for value, label in DocumentType.choices
            ],
        },
        "window": window_json(offer, now),
        "links": {
            "availability": absolute(availability),
            "web": absolute(f"/booking/{offer.slug}/"),
        },
    }


def day_json(day: DayView) -> dict:
    return {
        "date": day.date.isoformat(),
        "closed": day.closed,
        "reason": str(day.reason),
        "remaining": day.remaining,
        "bookable": day.bookable,
        "opens_at": local(day.opens_at),
        "slots": [
            {
                "id": slot.id,
                "start": local(slot.start),
                "end": local(slot.end),
                "capacity": slot.capacity,
                "remaining": slot.remaining,
                "bookable": slot.bookable,
            }
            for slot in day.slots
        ],
    }


def booking_links(booking: Booking, phone: str) -> dict:
    """Where the app gets the ticket: the lookup needs the phone's last four digits."""
    token = booking.token
    query = "?" + urlencode({"phone_last4": phone[-4:]})
    return {
        "self": absolute(reverse("api_booking", args=[token])) + query,
        "qr_svg": absolute(reverse("api_booking_qr", args=[token])) + query,
        "calendar_ics": absolute(reverse("api_booking_ics", args=[token])) + query,
        "cancel": absolute(reverse("api_booking_cancel", args=[token])),
    }


def booking_json(booking: Booking, now: datetime.datetime) -> dict:
    """A booking as its holder sees it: names and documents masked, never whole."""
    offer, slot = booking.offer, booking.slot
    phone = decrypt(booking.phone)
    deadline = slot.start - datetime.timedelta(hours=offer.cancel_hours)
    return {
        "token": booking.token,
        "display_token": references.display(booking.token),
        "status": booking.status,
        "status_label": str(booking.get_status_display()),
        "offer": {
            "id": offer.pk,
            "slug": offer.slug,
            "title": offer.title,
            "venue": venue_json(offer),
        },
        "date": booking.date.isoformat(),
        "slot": {"id": slot.pk, "start": local(slot.start), "end": local(slot.end)},
        "party_size": booking.party_size,
        "phone_masked": mask_phone(phone),
        "visitors": [
            {
                "name_masked": visitor.name_masked,
                "document_type": visitor.document_type,
                "document_type_label": str(visitor.get_document_type_display()),
                "document_masked": visitor.document_masked,
                "minor": visitor.minor,
            }
            for visitor in booking.visitors.all()
        ],
        "created_at": local(booking.created_at),
        "cancelled_at": local(booking.cancelled_at),
        "cancel_before": local(deadline),
        "cancellable": booking.status == BookingStatus.BOOKED and now < slot.start,
        "links": booking_links(booking, phone),
    }
