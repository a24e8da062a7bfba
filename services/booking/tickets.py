"""What a visitor carries: the QR code of the ticket token and a calendar file."""

import datetime
import io

import icalendar
import segno
from django.conf import settings
from django.utils import timezone

from services import references
from services.crypto import keyed_hash

from .models import Booking


def _qr(token: str) -> segno.QRCode:
    return segno.make_qr(references.display(token), error="m")


def qr_svg(token: str) -> str:
    """An inline SVG QR code of the token (the token only: no name, no number)."""
    return _qr(token).svg_inline(
        scale=6, border=2, dark="#111", light="#fff", omitsize=True
    )


def qr_svg_file(token: str) -> bytes:
    """The same QR code as an SVG file of its own (with the SVG namespace)."""
    buffer = io.BytesIO()
    _qr(token).save(buffer, kind="svg", scale=6, border=2, dark="#111", light="#fff")
    return buffer.getvalue()


def ics(booking: Booking) -> bytes:
    """An iCalendar file of the visit, without anyone's name or document."""
    offer, slot = booking.offer, booking.slot
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Jingwu//Booking//ZH")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    event.add("uid", f"{keyed_hash(booking.token, 'booking-ics')[:24]}@{host}")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", timezone.localtime(slot.start))
    event.add("dtend", timezone.localtime(slot.end))
    event.add("summary", f"{offer.title}（{booking.party_size}人）")
    event.add(
        "location", ", ".join(filter(None, [offer.venue.name, offer.venue.address]))
    )
    event.add(
        "description",
        f"预约码 {references.display(booking.token)}。请携带预约时登记的证件原件入场。",
    )
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", offer.title)
    alarm.add("trigger", datetime.timedelta(hours=-2))
    event.add_component(alarm)
    calendar.add_component(event)
    calendar.add_missing_timezones()  # RFC 5545: a TZID needs its VTIMEZONE
    return calendar.to_ical()
