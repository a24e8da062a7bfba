"""The booking API's views: thin over services.booking.logic and its schedule."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import set_rollback

from cms.api.parsers import JSONParser
from cms.api.problems import CONTENT_TYPE, invalid, problem
from cms.api.schema import problems
from cms.api.throttling import ClientRateThrottle
from cms.net import address_block, client_ip
from services.api import CitizenApiView, SubmitRateThrottle
from services.logic import LookupBudget

from .. import logic, tickets
from ..errors import BookingError, InvalidBooking, NotFound
from ..models import Booking, BookingStatus, Offer
from ..schedule import MAX_RANGE_DAYS, availability, local_now
from . import shapes
from .inputs import date_range, json_body, offer_for
from .represent import booking_json, day_json, offer_json, window_json

# Places left change with every booking: caches may keep them only briefly.
AVAILABILITY_MAX_AGE = 10
PERSONAL = "private, no-store"
# The logic's names for what the API calls otherwise.
FIELD_NAMES = {"idempotency_key": "Idempotency-Key", "": "body"}

OFFER_ID = OpenApiParameter(
    "offer_id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH
)
TOKEN = OpenApiParameter(
    "token",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The ticket token, grouped or not (`ABCD-0123-XYZ`).",
)
PHONE_LAST4 = OpenApiParameter(
    "phone_last4",
    {"type": "string", "pattern": "^[0-9]{4}$"},
    OpenApiParameter.QUERY,
    required=True,
    description="The last four digits of the phone given when booking.",
)
LOOKUP = (
    "Needs the last four digits of the booking's phone. A wrong token or a wrong "
    "phone is the same 404; ten of them in an hour from one address are refused "
    "(429, counted together with case lookups). Never cached."
)


class AnyAccept(DefaultContentNegotiation):
    """Files whatever the client accepts; errors are problem+json all the same."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def refusal(error: BookingError) -> Response:
    """A refusal of the logic as problem+json: a type per code, the fields at fault."""
    params = [
        {
            "name": FIELD_NAMES.get(name, name),
            "reason": " ".join(str(message) for message in messages),
        }
        for name, messages in error.errors.items()
    ]
    kind = "booking-" + error.code.replace("_", "-")
    data = problem(error.status, str(error.message), params, kind)
    data["title"] = str(error.title)
    return Response(data, status=error.status, content_type=CONTENT_TYPE)


class OfferListView(CitizenApiView):
    """GET /api/v2/booking/offers/ — what can be booked, and the rules."""

    @extend_schema(
        operation_id="booking_offers",
        summary="Bookable offers (museum visits, appointments) and their rules",
        responses={200: {"type": "array", "items": shapes.OFFER}, **problems(400)},
    )
    def get(self, request):
        now = local_now()
        offers = Offer.objects.filter(active=True).select_related("venue")
        return Response([offer_json(offer, now) for offer in offers])


class AvailabilityView(CitizenApiView):
    """GET /api/v2/booking/offers/<id>/availability/ — days, slots, places left."""

    @extend_schema(
        operation_id="booking_availability",
        summary="Days and slots of an offer, with the places left",
        description="Every date of the range: closed with the reason, not yet "
        f"released (`opens_at`), or its slots. At most {MAX_RANGE_DAYS} days; "
        "by default from today to the end of the booking window. Places change "
        f"with every booking: kept by caches for {AVAILABILITY_MAX_AGE} seconds "
        "at most, and booking decides.",
        parameters=[
            OFFER_ID,
            OpenApiParameter("from", {"type": "string", "format": "date"}),
            OpenApiParameter("to", {"type": "string", "format": "date"}),
        ],
        responses={200: shapes.AVAILABILITY, **problems(400, 404)},
        examples=shapes.AVAILABILITY_EXAMPLES,
    )
    def get(self, request, offer_id: int):
        offer = Offer.objects.filter(pk=offer_id).first()
        if offer is None:
            raise exceptions.NotFound(_("没有这个预约项目。"))
        now = local_now()
        first, last = date_range(request.GET, offer, now)
        days = availability(offer, first, last, now)
        response = Response(
            {
                "offer": offer.pk,
                "from": first.isoformat(),
                "to": last.isoformat(),
                "window": window_json(offer, now),
                "days": [day_json(day) for day in days],
            }
        )
        response["Cache-Control"] = f"public, max-age={AVAILABILITY_MAX_AGE}"
        return response


class BookingApiView(CitizenApiView):
    """A citizen's own booking: never cached; the logic's refusals as problems."""

    def handle_exception(self, exc):
        if isinstance(exc, BookingError):
            set_rollback()
            return refusal(exc)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors too: a shared cache must not keep a 404 or 429 about a booking.
        response["Cache-Control"] = PERSONAL
        return response

    def find(self, request, token: str, last4) -> Booking:
        """The booking of the token and phone; each miss spends the lookup budget."""
        if not (
            isinstance(last4, str)
            and len(last4) == 4
            and last4.isascii()
            and last4.isdigit()
        ):
            raise invalid("phone_last4", _("请填写手机号的后四位数字。"))
        budget = LookupBudget(address_block(client_ip(request)))
        if budget.exhausted():
            raise exceptions.Throttled(wait=budget.wait())
        try:
            return logic.find_booking(token, last4)
        except NotFound:
            budget.spend()
            raise


class BookView(BookingApiView):
    """POST /api/v2/booking/bookings/ — book a slot for a party (idempotent)."""

    parser_classes = [JSONParser]
    throttle_classes = [ClientRateThrottle, SubmitRateThrottle]

    @extend_schema(
        operation_id="booking_create",
        summary="Book a slot (real names; idempotent)",
        description="The `Idempotency-Key` header (8–100 printable ASCII characters; "
        "a random UUID, new for each booking) makes a retry safe: the same key and "
        "body return the first booking (200) instead of a second one (201); the "
        "same key with another body is a 422. Refusals name their reason in the "
        "problem `type` (`/api/problems/booking-full/`, `…-already-booked/`, "
        "`…-banned/`, `…-unavailable/`, `…-invalid/`, `…-idempotency-conflict/`) "
        "and the fields at fault in `invalid_params` "
        "(`visitors[0].document_number`, `phone`, `slot`, `visitors`). Document "
        "numbers are never echoed, not even in errors.",
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                {
                    "type": "string",
                    "minLength": 8,
                    "maxLength": 100,
                    "pattern": "^[ -~]{8,100}$",
                },
                OpenApiParameter.HEADER,
                required=True,
            )
        ],
        request={"application/json": shapes.BOOKING_REQUEST},
        responses={
            200: shapes.BOOKING,
            201: shapes.BOOKING,
            **problems(400, 403, 409, 413, 415, 422),
        },
        examples=shapes.BOOKING_EXAMPLES + shapes.REQUEST_EXAMPLES,
    )
    @sensitive_variables()
    def post(self, request):
        body = json_body(request)
        key = request.headers.get("Idempotency-Key", "")
        if not key:
            message = _(
                "请在请求头 Idempotency-Key 中提供8至100个字符的随机值"
                "（每份新的预约一个）。"
            )
            raise InvalidBooking(message, {"Idempotency-Key": [message]})
        booking, created = logic.book(
            offer_for(body.get("offer")),
            body.get("slot"),
            body.get("phone"),
            body.get("visitors"),
            idempotency_key=key,
            channel="app",
        )
        return Response(
            booking_json(booking, local_now()), status=201 if created else 200
        )


class BookingView(BookingApiView):
    """GET /api/v2/booking/bookings/<token>/?phone_last4= — a booking, masked."""

    @extend_schema(
        operation_id="booking_detail",
        summary="Look up a booking",
        description=LOOKUP,
        parameters=[TOKEN, PHONE_LAST4],
        responses={200: shapes.BOOKING, **problems(400, 404)},
        examples=shapes.BOOKING_EXAMPLES,
    )
    def get(self, request, token: str):
        booking = self.find(request, token, request.GET.get("phone_last4", ""))
        return Response(booking_json(booking, local_now()))


class TicketQrView(BookingApiView):
    """GET …/<token>/qr.svg?phone_last4= — the ticket's QR code (the token only)."""

    content_negotiation_class = AnyAccept

    @extend_schema(
        operation_id="booking_qr",
        summary="The ticket's QR code (SVG)",
        description="The QR code holds the ticket token only. " + LOOKUP,
        parameters=[TOKEN, PHONE_LAST4],
        responses={
            (200, "image/svg+xml"): {"type": "string"},
            **problems(400, 404),
        },
    )
    def get(self, request, token: str):
        booking = self.find(request, token, request.GET.get("phone_last4", ""))
        return HttpResponse(
            tickets.qr_svg_file(booking.token), content_type="image/svg+xml"
        )


class TicketCalendarView(BookingApiView):
    """GET …/<token>/calendar.ics?phone_last4= — the visit as a calendar event."""

    content_negotiation_class = AnyAccept

    @extend_schema(
        operation_id="booking_calendar",
        summary="The visit as an iCalendar event (no names, no documents)",
        description=LOOKUP,
        parameters=[TOKEN, PHONE_LAST4],
        responses={
            (200, "text/calendar"): {"type": "string"},
            **problems(400, 404),
        },
    )
    def get(self, request, token: str):
        booking = self.find(request, token, request.GET.get("phone_last4", ""))
        response = HttpResponse(
            tickets.ics(booking), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="booking.ics"'
        return response


class CancelView(BookingApiView):
    """POST …/<token>/cancel/ — cancel; late cancellations count as no-shows."""

    parser_classes = [JSONParser]
    throttle_classes = [ClientRateThrottle, SubmitRateThrottle]

    @extend_schema(
        operation_id="booking_cancel",
        summary="Cancel a booking",
        description='Body: `{"phone_last4": "…"}`. The places are freed at once. '
        "A cancellation later than the offer's `cancel_hours` before the slot "
        "counts as a no-show (`status` late_cancelled, `counted_as_no_show`). A "
        "booking already cancelled or used is a 409 (`booking-cannot-cancel`). "
        + LOOKUP,
        parameters=[TOKEN],
        request={"application/json": shapes.CANCEL_REQUEST},
        responses={200: shapes.CANCELLED, **problems(400, 404, 409, 413, 415)},
        examples=shapes.CANCELLED_EXAMPLES,
    )
    def post(self, request, token: str):
        body = json_body(request)
        booking = logic.cancel(self.find(request, token, body.get("phone_last4")))
        late = booking.status == BookingStatus.LATE_CANCELLED
        if late:
            offer = booking.offer
            message = _(
                "预约已取消，名额已释放。由于距开始不足%(hours)d小时，这次取消计为一次"
                "爽约：%(days)d天内累计%(limit)d次将暂停预约%(ban)d天。"
            ) % {
                "hours": offer.cancel_hours,
                "days": offer.no_show_window_days,
                "limit": offer.no_show_limit,
                "ban": offer.ban_days,
            }
        else:
            message = _("预约已取消，名额已释放。这次取消不计为爽约。")
        data = booking_json(booking, local_now())
        data.update(counted_as_no_show=late, message=message)
        return Response(data)
