"""Booking on the web: the offer and its calendar, a day's slots and the visitors,
the check page, and the one POST that books.

The engine decides everything: "下一步" asks it (a dry run, see `engine_refusal`)
and "确认预约" calls `book()` with the idempotency key kept in the draft, so a second
POST or a reload returns the booking the first one made. Document numbers are never
written back into a page: a number that passed stays in the encrypted draft and is
shown masked ("leave blank to keep it").
"""

import datetime
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect

from services.crypto import keyed_hash
from services.identity import (
    DocumentType,
    mask_id,
    mask_name,
    mask_phone,
    validate_document,
)

from .. import logic
from ..errors import BookingError, Full, InvalidBooking, Unavailable
from ..forms import MAX_ROWS, BookingForm, VisitorForm, row_count, visitor_forms
from ..models import Slot
from ..schedule import DayView, availability, local_now
from .calendar import WEEKDAYS, months
from .common import cancel_deadline, get_offer, render
from .state import Draft, load_draft, remember, save_draft

# An engine error key naming a visitor's field: visitors[1].document_number
VISITOR_FIELD = re.compile(r"visitors\[(\d{1,2})\](?:\.(\w+))?")
BLANK_VISITOR = {
    "name": "",
    "document_type": DocumentType.RESIDENT_ID.value,
    "document_number": "",
    "minor": False,
}


def offer_view(request, slug):
    """The offer, its rules and the calendar of its window."""
    offer = get_offer(slug)
    now = local_now()
    today = now.date()
    # One day past the window: the next date to open, with the time it opens.
    last = today + datetime.timedelta(days=offer.window_days + 1)
    days = availability(offer, today, last, now)
    closed, later = {}, []
    for day in days:
        if day.closed:
            closed.setdefault(day.reason, []).append(day.date)
        elif day.opens_at is not None:
            later.append(day)
    context = {
        "offer": offer,
        "venue": offer.venue,
        "months": months(days, now),
        "weekdays": WEEKDAYS,
        "closed": closed,
        "later": later,
    }
    return render(request, "offer.html", context, private=False)


def day_view(request, slug, date):
    """A day's slots and the visitors form: add or remove a row, or go on."""
    offer = get_offer(slug)
    day = availability(offer, date, date, local_now())[0]
    draft = load_draft(request, offer)
    if draft.booked:
        draft = Draft()  # that one is booked: a new booking starts blank
    if request.method == "POST":
        return take_form(request, offer, day, draft)
    visitors = draft.visitors or [dict(BLANK_VISITOR)]
    form = BookingForm(initial={"phone": draft.phone, "slot": draft.slot})
    rows = visitor_forms(len(visitors), initial=visitors)
    return render_day(request, offer, day, form, rows, draft)


def take_form(request, offer, day: DayView, draft: Draft):
    action = request.POST.get("action", "")
    changing = action == "add" or action.startswith("remove-")
    form = BookingForm(request.POST)
    rows = visitor_forms(row_count(request.POST.get("count")), data=request.POST)
    previous = [v["document_number"] for v in draft.visitors]
    if not changing:
        # A row added and left empty is no visitor: dropped, not refused.
        while len(rows) > 1 and is_blank(rows[-1], number_at(previous, len(rows) - 1)):
            rows.pop()
    checked = [form.is_valid()] + [row.is_valid() for row in rows]  # every one
    kept, notes = keep_numbers(rows, previous)
    draft = Draft(
        phone=form.cleaned_data.get("phone", ""),
        visitors=[row_values(row, kept[i]) for i, row in enumerate(rows)],
        slot=form.cleaned_data.get("slot"),
    )
    if changing:
        return change_rows(request, offer, day, draft, action, notes)
    if not all(checked):
        save_draft(request, offer, draft)
        return render_day(request, offer, day, form, rows, draft, status=400)
    entries = [row.entry(number_at(previous, i)) for i, row in enumerate(rows)]
    refusal = engine_refusal(request, offer, draft.slot, draft.phone, entries)
    if refusal is not None:
        forget_faulty(draft, refusal)
        save_draft(request, offer, draft)
        return refused(request, offer, day, form, rows, draft, refusal)
    # Everything passed, so the kept numbers are all there (and normalised).
    draft.key = secrets.token_urlsafe(24)
    save_draft(request, offer, draft)
    return redirect("booking:confirm", offer.slug)


def number_at(numbers: list[str], index: int) -> str:
    return numbers[index] if index < len(numbers) else ""


def is_blank(row: VisitorForm, kept: str) -> bool:
    """A row with no name and no number, typed or given before."""
    typed = [row.data.get(row.add_prefix(f), "") for f in ("name", "document_number")]
    return not kept and not any(str(value).strip() for value in typed)


def change_rows(request, offer, day, draft: Draft, action: str, notes: dict):
    """Add a visitor row, or remove one; nothing is checked yet."""
    rows, focus = draft.visitors, None
    if action == "add" and len(rows) < min(offer.party_cap, MAX_ROWS):
        rows.append(dict(BLANK_VISITOR))
        focus = len(rows) - 1
    elif action.startswith("remove-") and len(rows) > 1:
        text = action.removeprefix("remove-")
        if text.isascii() and text.isdigit() and int(text) < len(rows):
            index = int(text)
            del rows[index]
            notes = {i - (i > index): n for i, n in notes.items() if i != index}
    save_draft(request, offer, draft)
    form = BookingForm(initial={"phone": draft.phone, "slot": draft.slot})
    visitor_rows = visitor_forms(len(rows), initial=rows)
    return render_day(
        request, offer, day, form, visitor_rows, draft, notes=notes, focus=focus
    )


def keep_numbers(rows: list[VisitorForm], previous: list[str]):
    """Per row, the number to keep (typed now, or given before, and valid for the
    row's document type) and a note for a typed number that is not valid."""
    kept, notes = [], {}
    for index, row in enumerate(rows):
        kind = row.cleaned_data.get("document_type", "")
        typed = row.cleaned_data.get("document_number", "")
        number = typed or number_at(previous, index)
        try:
            kept.append(validate_document(kind, number) if number else "")
        except ValidationError as error:
            kept.append("")
            if typed:
                notes[index] = error.messages[0]
    return kept, notes


def row_values(row: VisitorForm, number: str) -> dict:
    data = row.cleaned_data
    return {
        "name": data.get("name", ""),
        "document_type": data.get("document_type", DocumentType.RESIDENT_ID.value),
        "document_number": number,
        "minor": bool(data.get("minor")),
    }


class _DryRun(Exception):
    """Raised to roll a trial booking back."""


def engine_refusal(request, offer, slot_id, phone, entries) -> BookingError | None:
    """The engine's refusal of this booking, or None if it would be made now.

    `book()` is tried inside a transaction that is always rolled back: the engine
    has no separate check, and only a real attempt answers every question (the
    check digits, bans, one booking per document and day, and the capacity).
    """
    try:
        with transaction.atomic():
            logic.book(offer, slot_id, phone, entries, user=request.user)
            raise _DryRun
    except _DryRun:
        return None
    except BookingError as error:
        return error


def faulty_rows(error: BookingError) -> set[int]:
    """The rows whose document the engine refused (already booked, banned…)."""
    rows = set()
    for key in error.errors:
        match = VISITOR_FIELD.fullmatch(key)
        if match and match[2] in {"document_number", "document_type", None}:
            rows.add(int(match[1]))
    return rows


def forget_faulty(draft: Draft, error: BookingError) -> None:
    for index in faulty_rows(error):
        if index < len(draft.visitors):
            draft.visitors[index]["document_number"] = ""
    draft.key = None


def refused(request, offer, day, form, rows, draft, error: BookingError):
    """The form again, each of the engine's messages next to its field."""
    party = []
    for key, messages in error.errors.items():
        match = VISITOR_FIELD.fullmatch(key)
        if key in form.fields:
            for message in messages:
                form.add_error(key, message)
        elif match and int(match[1]) < len(rows):
            row = rows[int(match[1])]
            field = match[2] if match[2] in row.fields else None
            for message in messages:
                row.add_error(field, message)
        else:
            party += messages
    if not error.errors and isinstance(error, Full | Unavailable):
        form.add_error("slot", error.message)
    status = 400 if isinstance(error, InvalidBooking) else 409
    return render_day(
        request,
        offer,
        day,
        form,
        rows,
        draft,
        status=status,
        error=error,
        party_errors=party,
    )


def render_day(
    request,
    offer,
    day: DayView,
    form: BookingForm,
    rows: list[VisitorForm],
    draft: Draft,
    *,
    status: int = 200,
    error: BookingError | None = None,
    party_errors=(),
    notes=None,
    focus=None,
):
    notes = notes or {}
    numbers = [v["document_number"] for v in draft.visitors]
    selected = form["slot"].value()
    context = {
        "offer": offer,
        "venue": offer.venue,
        "day": day,
        "form": form,
        "selected": str(selected) if selected else "",
        "rows": [
            {
                "form": row,
                "index": index,
                "number": index + 1,
                "kept": mask_id(numbers[index]) if index < len(numbers) else "",
                "note": notes.get(index, ""),
                "focus": focus == index,
            }
            for index, row in enumerate(rows)
        ],
        "count": len(rows),
        "cap": offer.party_cap,
        # A row for booking.js to copy ("添加参观人" without a round trip).
        "blank_row": {
            "form": VisitorForm(prefix="v__i__"),
            "index": "__i__",
            "number": "__n__",
        },
        "now": local_now(),
        "show_form": bool(day.slots) and (day.bookable or status != 200),
        "error": error,
        "party_errors": party_errors,
        "has_errors": bool(error or form.errors or any(r.errors for r in rows)),
    }
    return render(request, "day.html", context, status=status)


def confirm_view(request, slug):
    """Everything once more, masked; "确认预约" books (once, whatever is resent)."""
    offer = get_offer(slug)
    draft = load_draft(request, offer)
    if draft.booked:
        return redirect("booking:ticket", draft.booked)
    slot = None
    if draft.key and draft.slot:
        slot = (
            Slot.objects.select_related("day")
            .filter(pk=draft.slot, day__offer=offer)
            .first()
        )
    if slot is None:
        return redirect("booking:offer", offer.slug)
    # The page confirmed must be this draft's (not one changed in another tab since).
    seen = keyed_hash(draft.key, "booking-confirm")[:20]
    if request.method == "POST" and request.POST.get("seen") != seen:
        return redirect("booking:confirm", offer.slug)
    if request.method == "POST":
        try:
            booking, _created = logic.book(
                offer,
                slot.pk,
                draft.phone,
                draft.visitors,
                idempotency_key=draft.key,
                user=request.user,
            )
        except BookingError as error:
            return refused_at_confirm(request, offer, slot, draft, error)
        remember(request, booking)
        save_draft(request, offer, Draft(booked=booking.pk))
        return redirect("booking:ticket", booking.pk)
    labels = dict(DocumentType.choices)
    context = {
        "offer": offer,
        "venue": offer.venue,
        "slot": slot,
        "phone": mask_phone(draft.phone),
        "visitors": [
            {
                "name": mask_name(v["name"]),
                "document_type": labels.get(v["document_type"], ""),
                "document": mask_id(v["document_number"]),
                "minor": v["minor"] and v["document_type"] != DocumentType.RESIDENT_ID,
            }
            for v in draft.visitors
        ],
        "deadline": cancel_deadline(slot, offer),
        "seen": seen,
    }
    return render(request, "confirm.html", context)


def refused_at_confirm(request, offer, slot, draft: Draft, error: BookingError):
    """Refused at the last step (the places went meanwhile): back to the form."""
    day = availability(offer, slot.day.date, slot.day.date, local_now())[0]
    data = {"phone": draft.phone, "slot": str(slot.pk), "count": len(draft.visitors)}
    for index, visitor in enumerate(draft.visitors):
        data[f"v{index}-name"] = visitor["name"]
        data[f"v{index}-document_type"] = visitor["document_type"]
        if visitor["minor"]:
            data[f"v{index}-minor"] = "on"
    form = BookingForm(data)
    rows = visitor_forms(max(len(draft.visitors), 1), data=data)
    form.is_valid()
    for row in rows:
        row.is_valid()
    forget_faulty(draft, error)
    save_draft(request, offer, draft)
    return refused(request, offer, day, form, rows, draft, error)
