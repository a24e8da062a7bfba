"""After booking: the ticket, its calendar file, cancelling, 我的预约 and the lookup.

A ticket is opened by the booking's id, and only from the browser session that made
or looked it up, or by the signed-in citizen who booked it. The token (the ticket
itself) never appears in a URL.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.net import address_block, client_ip
from services import references
from services.logic import LookupBudget

from .. import logic, tickets
from ..errors import CannotCancel, NotFound
from ..models import BookingStatus, Offer
from ..schedule import local_now
from .common import cancel_deadline, render
from .state import own_bookings, remember


def owned(request, pk: int):
    booking = (
        own_bookings(request)
        .select_related("offer__venue", "slot__day")
        .filter(pk=pk)
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def index_view(request):
    """The offers open for booking, and the ways back to one's bookings."""
    offers = Offer.objects.filter(active=True).select_related("venue")
    return render(request, "index.html", {"offers": offers}, private=False)


def ticket_view(request, pk: int):
    """The ticket: QR code, grouped token, when and where, who, and the rules."""
    booking = owned(request, pk)
    offer, slot = booking.offer, booking.slot
    now = local_now()
    booked = booking.status == BookingStatus.BOOKED
    deadline = cancel_deadline(slot, offer)
    visitors = list(booking.visitors.all())
    context = {
        "booking": booking,
        "offer": offer,
        "venue": offer.venue,
        "slot": slot,
        "token": references.display(booking.token),
        # segno's SVG of the token alone (no name, no number): our markup.
        "qr": mark_safe(tickets.qr_svg(booking.token)) if booked else "",  # noqa: S308
        "visitors": visitors,
        "documents": sorted({str(v.get_document_type_display()) for v in visitors}),
        "deadline": deadline,
        "late": now > deadline,
        "can_cancel": booked and now < slot.start,
        "booked": booked,
    }
    return render(request, "ticket.html", context)


def ics_view(request, pk: int):
    """The visit as a calendar file (no names, no document numbers)."""
    booking = owned(request, pk)
    if booking.status != BookingStatus.BOOKED:
        raise Http404
    response = HttpResponse(
        tickets.ics(booking), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="booking.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def cancel_view(request, pk: int):
    """Ask first, saying whether it will count as a no-show; cancel on POST."""
    booking = owned(request, pk)
    error = None
    if request.method == "POST":
        try:
            booking = logic.cancel(booking)
        except CannotCancel as refused:
            error = refused.message
        else:
            if booking.status == BookingStatus.LATE_CANCELLED:
                messages.warning(
                    request, _("预约已取消。取消时已过截止时间，计为一次爽约。")
                )
            else:
                messages.success(request, _("预约已取消，名额已释放。"))
            return redirect("booking:ticket", booking.pk)
    now = local_now()
    deadline = cancel_deadline(booking.slot, booking.offer)
    context = {
        "booking": booking,
        "offer": booking.offer,
        "slot": booking.slot,
        "token": references.display(booking.token),
        "deadline": deadline,
        "late": now > deadline,
        "can_cancel": booking.status == BookingStatus.BOOKED
        and now < booking.slot.start,
        "error": error,
    }
    return render(request, "cancel.html", context, status=409 if error else 200)


def mine_view(request):
    """我的预约: this browser's bookings and the signed-in citizen's."""
    bookings = own_bookings(request).select_related("offer__venue", "slot")[:50]
    return render(request, "mine.html", {"bookings": bookings})


def lookup_view(request):
    """Ticket token + last four digits of the phone → the ticket, in this session.

    Failures count against the same per-address budget as the case lookup.
    """
    error, status = None, 200
    token = request.POST.get("token", "")[:40]
    if request.method == "POST":
        budget = LookupBudget(address_block(client_ip(request)))
        if budget.exhausted():
            error, status = _("查询次数过多，请一小时后再试。"), 429
        else:
            try:
                booking = logic.find_booking(
                    token, request.POST.get("phone_last4", "")[:8]
                )
            except NotFound as missing:
                budget.spend()
                error, status = missing.message, 404
            else:
                remember(request, booking)
                return redirect("booking:ticket", booking.pk)
    context = {"error": error, "token": token if error else ""}
    return render(request, "lookup.html", context, status=status)
