"""What a browser session holds: the booking being filled in, and its tickets.

The draft may hold document numbers, so it is stored encrypted, per offer; it is
read defensively, since a session can hold anything an older version wrote.
Tickets are reached by the booking's id, and only from the session that made or
looked them up (or by the signed-in citizen who booked): never by the token in a
URL.
"""

import json
from dataclasses import asdict, dataclass, field

from services import crypto

from ..forms import MAX_ROWS
from ..models import Booking

MINE = "booking-mine"
MINE_LIMIT = 50


@dataclass
class Draft:
    """A booking being filled in; `key` is set once it passed the engine's check."""

    phone: str = ""
    visitors: list = field(default_factory=list)
    slot: int | None = None
    key: str | None = None
    booked: int | None = None

    @classmethod
    def from_json(cls, data) -> "Draft":
        if not isinstance(data, dict):
            return cls()
        visitors = data.get("visitors")
        return cls(
            phone=_text(data.get("phone")),
            visitors=[
                _visitor(v)
                for v in (visitors if isinstance(visitors, list) else [])[:MAX_ROWS]
            ],
            slot=_number(data.get("slot")),
            key=_text(data.get("key")) or None,
            booked=_number(data.get("booked")),
        )


def _text(value) -> str:
    return value[:200] if isinstance(value, str) else ""


def _number(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def _visitor(value) -> dict:
    value = value if isinstance(value, dict) else {}
    return {
        "name": _text(value.get("name")),
        "document_type": _text(value.get("document_type")),
        "document_number": _text(value.get("document_number")),
        "minor": value.get("minor") is True,
    }


def _draft_key(offer) -> str:
    return f"booking-draft-{offer.pk}"


def load_draft(request, offer) -> Draft:
    raw = request.session.get(_draft_key(offer))
    try:
        data = json.loads(crypto.decrypt(raw) or "{}") if isinstance(raw, str) else {}
    except ValueError:
        data = {}
    return Draft.from_json(data)


def save_draft(request, offer, draft: Draft) -> None:
    request.session[_draft_key(offer)] = crypto.encrypt(json.dumps(asdict(draft)))


def remember(request, booking: Booking) -> None:
    """This browser may open the booking's ticket from now on."""
    mine = [pk for pk in _mine(request) if pk != booking.pk]
    request.session[MINE] = [booking.pk, *mine][:MINE_LIMIT]


def _mine(request) -> list[int]:
    value = request.session.get(MINE)
    return [pk for pk in value if _number(pk)] if isinstance(value, list) else []


def own_bookings(request):
    """The bookings of this session and of the signed-in citizen, newest first."""
    user = request.user
    mine = Booking.objects.filter(pk__in=_mine(request))
    if user.is_authenticated:
        mine = mine | Booking.objects.filter(user=user)
    return mine.filter(purged_at__isnull=True)
