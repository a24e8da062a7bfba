"""A case's answers as staff read them: from the case's own snapshot, masked or not."""

from django.utils.translation import gettext as _

from .. import crypto, identity, logic
from ..spec import PERSONAL_TYPES, input_fields, is_shown

# Exported answers are keyed "answer:<field key>", so that a field called "status"
# or "reference" never overwrites the case's own columns.
ANSWER_PREFIX = "answer:"


def decrypted(case) -> dict:
    """The stored answers with personal ones decrypted (in memory, never shown whole
    unless the caller asks for plain values)."""
    return logic.reveal(case.spec, case.form_data or {})


def as_text(field: dict, value, full: bool) -> str:
    """One answer as text: logic.plain in full, logic.masked otherwise.

    A snapshot is data, not code: a stored value that no longer fits its field
    (edited by hand, an unreadable key) is shown as such rather than failing the page.
    """
    try:
        return logic.plain(field, value) if full else logic.masked(field, value)
    except (KeyError, TypeError, ValueError, AttributeError):
        return _("（无法显示）")


def phone_text(case, full: bool) -> str:
    """The applicant's phone, masked as 138****1234 unless `full`."""
    phone = crypto.decrypt(case.phone) if case.phone else ""
    return phone if full else identity.mask_phone(phone)


def steps(case, full: bool, files=()) -> list[dict]:
    """The shown steps and their answered fields, with the case's files by field."""
    answers = decrypted(case)
    by_key: dict[str, list] = {}
    for case_file in files:
        by_key.setdefault(case_file.field_key, []).append(case_file)
    shown = []
    for step in (case.spec or {}).get("steps", []):
        if not is_shown(step.get("condition"), answers):
            continue
        rows = []
        for field in input_fields({"steps": [step]}):
            if not is_shown(field.get("condition"), answers):
                continue
            key = field["key"]
            value = answers.get(key)
            rows.append(
                {
                    "key": key,
                    "label": field["label"],
                    "text": as_text(field, value, full) if key in answers else "",
                    "files": by_key.pop(key, []),
                    "masked": not full
                    and field["type"] in PERSONAL_TYPES
                    and key in answers,
                }
            )
        if rows:
            shown.append({"title": step["title"], "rows": rows})
    if leftover := [f for group in by_key.values() for f in group]:
        shown.append(
            {
                "title": _("其他材料"),
                "rows": [
                    {"key": "", "label": "", "text": "", "files": leftover},
                ],
            }
        )
    return shown


def columns(cases) -> dict[str, str]:
    """{"answer:<key>": label} over the cases' snapshots, the newest label winning."""
    labels: dict[str, str] = {}
    for case in cases:  # newest first
        for field in input_fields(case.spec or {"steps": []}):
            labels.setdefault(ANSWER_PREFIX + field["key"], field["label"])
    return labels


def row(case, full: bool) -> dict[str, str]:
    """{"answer:<key>": text} for one case."""
    answers = decrypted(case)
    return {
        ANSWER_PREFIX + field["key"]: as_text(field, answers[field["key"]], full)
        for field in input_fields(case.spec or {"steps": []})
        if field["key"] in answers
    }
