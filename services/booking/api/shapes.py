"""JSON schemas and examples of the booking API (masked or obviously fake data)."""

from drf_spectacular.utils import OpenApiExample

from cms.api.shapes import DATETIME, STRING, URL, obj
from services.identity import DocumentType

from ..models import BookingStatus

INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
LABELLED = obj({"value": STRING, "label": STRING})

VENUE = obj(
    {"name": STRING, "address": STRING, "phone": STRING, "directions": STRING},
    title="BookingVenue",
)
RULES = obj(
    {
        "party_cap": {**INTEGER, "description": "Most visitors in one booking."},
        "window_days": {
            **INTEGER,
            "description": "How many days ahead of today can be booked.",
        },
        "release_time": {
            "type": "string",
            "description": "When the last day of the window opens (HH:MM, local).",
        },
        "cancel_hours": {
            **INTEGER,
            "description": "A cancellation later than this many hours before the "
            "slot counts as a no-show.",
        },
        "no_show_limit": INTEGER,
        "no_show_window_days": INTEGER,
        "ban_days": {
            **INTEGER,
            "description": "`no_show_limit` no-shows within `no_show_window_days` "
            "suspend a visitor's bookings for this many days.",
        },
        "minors_need_adult": BOOLEAN,
        "document_types": {
            "type": "array",
            "items": LABELLED,
            "description": "Identity documents a visitor may book with.",
        },
    },
    title="BookingRules",
)
WINDOW = obj(
    {"first": DATE, "last": DATE},
    description="The dates bookable now (the last one opens at `release_time`).",
)
OFFER = obj(
    {
        "id": INTEGER,
        "slug": STRING,
        "title": STRING,
        "summary": STRING,
        "notes": {**STRING, "description": "预约须知, plain text."},
        "venue": VENUE,
        "rules": RULES,
        "window": WINDOW,
        "links": obj(
            {
                "availability": URL,
                "web": {**URL, "description": "The booking page of the site."},
            }
        ),
    },
    title="BookingOffer",
)
SLOT = obj(
    {
        "id": {**INTEGER, "description": "What `slot` of a booking names."},
        "start": DATETIME,
        "end": DATETIME,
        "capacity": INTEGER,
        "remaining": INTEGER,
        "bookable": BOOLEAN,
    },
    title="BookingSlot",
)
DAY = obj(
    {
        "date": DATE,
        "closed": BOOLEAN,
        "reason": {
            **STRING,
            "description": "Why nothing can be booked (闭馆, 已约满, 尚未放号…), "
            "or empty.",
        },
        "remaining": INTEGER,
        "bookable": BOOLEAN,
        "opens_at": {
            **DATETIME,
            "nullable": True,
            "description": "When a day beyond the window is released.",
        },
        "slots": {"type": "array", "items": SLOT},
    },
    title="BookingDay",
)
AVAILABILITY = obj(
    {
        "offer": INTEGER,
        "from": DATE,
        "to": DATE,
        "window": WINDOW,
        "days": {"type": "array", "items": DAY},
    },
    title="BookingAvailability",
)
VISITOR = obj(
    {
        "name_masked": STRING,
        "document_type": {"type": "string", "enum": DocumentType.values},
        "document_type_label": STRING,
        "document_masked": STRING,
        "minor": BOOLEAN,
    },
    title="BookingVisitor",
)
BOOKING_PROPERTIES = {
    "token": {
        **STRING,
        "description": "The ticket token (what the QR code holds); with the last "
        "four digits of the phone it finds the booking again.",
    },
    "display_token": {**STRING, "description": "The token grouped for reading."},
    "status": {"type": "string", "enum": BookingStatus.values},
    "status_label": STRING,
    "offer": obj({"id": INTEGER, "slug": STRING, "title": STRING, "venue": VENUE}),
    "date": DATE,
    "slot": obj({"id": INTEGER, "start": DATETIME, "end": DATETIME}),
    "party_size": INTEGER,
    "phone_masked": STRING,
    "visitors": {"type": "array", "items": VISITOR},
    "created_at": DATETIME,
    "cancelled_at": {**DATETIME, "nullable": True},
    "cancel_before": {
        **DATETIME,
        "description": "Cancelling after this counts as a no-show.",
    },
    "cancellable": BOOLEAN,
    "links": obj(
        {
            "self": URL,
            "qr_svg": URL,
            "calendar_ics": URL,
            "cancel": {**URL, "description": 'POST {"phone_last4": "…"} here.'},
        }
    ),
}
BOOKING = obj(BOOKING_PROPERTIES, title="Booking")
CANCELLED = obj(
    {
        **BOOKING_PROPERTIES,
        "counted_as_no_show": BOOLEAN,
        "message": {**STRING, "description": "What the cancellation means, to show."},
    },
    title="CancelledBooking",
)
BOOKING_REQUEST = {
    "type": "object",
    "title": "BookingRequest",
    "description": "Properties not listed here are ignored.",
    "required": ["offer", "slot", "phone", "visitors"],
    "properties": {
        "offer": {"type": "integer", "minimum": 1},
        "slot": {
            "type": "integer",
            "minimum": 1,
            "description": "A slot id from the offer's availability.",
        },
        "phone": {**STRING, "description": "A mainland mobile number."},
        "visitors": {
            "type": "array",
            "minItems": 1,
            "description": "At most the offer's `rules.party_cap` people.",
            "items": {
                "type": "object",
                "required": ["name", "document_type", "document_number"],
                "properties": {
                    "name": STRING,
                    "document_type": {"type": "string", "enum": DocumentType.values},
                    "document_number": STRING,
                    "minor": {
                        "type": "boolean",
                        "description": "Only for documents without a birth date "
                        "(a resident ID's birth date decides by itself).",
                    },
                },
            },
        },
    },
}
CANCEL_REQUEST = obj(
    {"phone_last4": {"type": "string", "pattern": "^[0-9]{4}$"}},
    title="CancelRequest",
)

# Examples: a made-up offer; the visitor and phone are masked as the API shows them.
_VENUE = {
    "name": "警察博物馆",
    "address": "东城区东交民巷36号",
    "phone": "010-00000000",
    "directions": "地铁2号线前门站A口。",
}
_BOOKING = {
    "token": "ABCD0123XYZ",
    "display_token": "ABCD-0123-XYZ",
    "status": "booked",
    "status_label": "已预约",
    "offer": {"id": 1, "slug": "museum-visit", "title": "参观预约", "venue": _VENUE},
    "date": "2030-05-02",
    "slot": {
        "id": 42,
        "start": "2030-05-02T09:00:00+08:00",
        "end": "2030-05-02T10:00:00+08:00",
    },
    "party_size": 1,
    "phone_masked": "138****0000",
    "visitors": [
        {
            "name_masked": "张*",
            "document_type": "resident_id",
            "document_type_label": "居民身份证",
            "document_masked": "110***********002X",
            "minor": False,
        }
    ],
    "created_at": "2030-04-28T20:15:03+08:00",
    "cancelled_at": None,
    "cancel_before": "2030-05-02T07:00:00+08:00",
    "cancellable": True,
    "links": {
        "self": "https://example.org/api/v2/booking/bookings/ABCD0123XYZ/"
        "?phone_last4=0000",
        "qr_svg": "https://example.org/api/v2/booking/bookings/ABCD0123XYZ/qr.svg"
        "?phone_last4=0000",
        "calendar_ics": "https://example.org/api/v2/booking/bookings/ABCD0123XYZ/"
        "calendar.ics?phone_last4=0000",
        "cancel": "https://example.org/api/v2/booking/bookings/ABCD0123XYZ/cancel/",
    },
}
BOOKING_EXAMPLES = [
    OpenApiExample(
        "A booking",
        value=_BOOKING,
        response_only=True,
        status_codes=["200", "201"],
    )
]
REQUEST_EXAMPLES = [
    OpenApiExample(
        "Two visitors (the standard's sample numbers)",
        request_only=True,
        value={
            "offer": 1,
            "slot": 42,
            "phone": "13800000000",
            "visitors": [
                {
                    "name": "张三",
                    "document_type": "resident_id",
                    "document_number": "11010519491231002X",
                },
                {
                    "name": "JOHN SMITH",
                    "document_type": "passport",
                    "document_number": "E00000000",
                },
            ],
        },
    ),
    OpenApiExample(
        "Refused: the slot is full",
        response_only=True,
        status_codes=["409"],
        media_type="application/problem+json",
        value={
            "type": "/api/problems/booking-full/",
            "title": "名额已满",
            "status": 409,
            "detail": "该时段名额不足，剩余名额少于2个，请选择其他时段。",
        },
    ),
    OpenApiExample(
        "Refused: a visitor's document",
        response_only=True,
        status_codes=["400"],
        media_type="application/problem+json",
        value={
            "type": "/api/problems/booking-invalid/",
            "title": "预约信息有误",
            "status": 400,
            "detail": "参观人信息有误，请按提示修改。",
            "invalid_params": [
                {
                    "name": "visitors[0].document_number",
                    "reason": "居民身份证号码的校验位与前17位不符，"
                    "请逐位核对后重新填写。",
                }
            ],
        },
    ),
]
CANCELLED_EXAMPLES = [
    OpenApiExample(
        "Cancelled in time",
        response_only=True,
        status_codes=["200"],
        value={
            **_BOOKING,
            "status": "cancelled",
            "status_label": "已取消",
            "cancelled_at": "2030-04-30T10:00:00+08:00",
            "cancellable": False,
            "counted_as_no_show": False,
            "message": "预约已取消，名额已释放。这次取消不计为爽约。",
        },
    )
]
AVAILABILITY_EXAMPLES = [
    OpenApiExample(
        "A closed day and an open one",
        response_only=True,
        status_codes=["200"],
        value={
            "offer": 1,
            "from": "2030-05-06",
            "to": "2030-05-07",
            "window": {"first": "2030-05-06", "last": "2030-05-13"},
            "days": [
                {
                    "date": "2030-05-06",
                    "closed": True,
                    "reason": "每周一闭馆",
                    "remaining": 0,
                    "bookable": False,
                    "opens_at": None,
                    "slots": [],
                },
                {
                    "date": "2030-05-07",
                    "closed": False,
                    "reason": "",
                    "remaining": 7,
                    "bookable": True,
                    "opens_at": None,
                    "slots": [
                        {
                            "id": 42,
                            "start": "2030-05-07T09:00:00+08:00",
                            "end": "2030-05-07T10:00:00+08:00",
                            "capacity": 10,
                            "remaining": 7,
                            "bookable": True,
                        }
                    ],
                },
            ],
        },
    )
]
