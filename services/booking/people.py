"""The party of a booking: each visitor's name and document, checked and protected."""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from stdnum.cn import ric

from services.crypto import encrypt, keyed_hash
from services.identity import (
    DocumentType,
    mask_id,
    mask_name,
    validate_chinese_name,
    validate_document,
    validate_mobile,
)

from .errors import InvalidBooking

ADULT_AGE = 18
HASH_PURPOSE = "booking-document"
PHONE_PURPOSE = "booking-phone"
# Names on passports and permits: letters of any script, spaces, dots, hyphens.
_FOREIGN_NAME = re.compile(r"[^\W\d_]+(?:[ .·'\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Person:
    """A visitor, checked: never shown or logged as it is (see `masked`)."""

    name: str
    document_type: str
    number: str
    minor: bool

    @property
    def name_masked(self) -> str:
        return mask_name(self.name)

    @cached_property  # asked for by every check of a booking: one HMAC each
    def document_hash(self) -> str:
        return keyed_hash(f"{self.document_type}:{self.number}", HASH_PURPOSE)

    def stored(self) -> dict:
        return {
            "name": encrypt(self.name),
            "name_masked": self.name_masked,
            "document_type": self.document_type,
            "document": encrypt(self.number),
            "document_masked": mask_id(self.number),
            "document_hash": self.document_hash,
            "minor": self.minor,
        }


def _name(kind: str, value) -> str:
    if kind == DocumentType.RESIDENT_ID:
        return validate_chinese_name(value)
    name = unicodedata.normalize("NFKC", value if isinstance(value, str) else "")
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("请填写姓名。"))
    if len(name) > 60 or not _FOREIGN_NAME.fullmatch(name):
        raise ValidationError(
            _("姓名应与证件上的一致：文字、空格、点或连字符，最多60个字符。")
        )
    return name


def _age_on(birth: datetime.date, date: datetime.date) -> int:
    return date.year - birth.year - ((date.month, date.day) < (birth.month, birth.day))


@sensitive_variables("entry", "number", "name")
def _person(entry, visit_date: datetime.date) -> tuple[Person | None, dict]:
    errors = {}
    if not isinstance(entry, dict):
        return None, {"": [_("参观人信息格式不正确。")]}
    kind = entry.get("document_type")
    kind = kind if isinstance(kind, str) else ""
    number = name = ""
    try:
        number = validate_document(kind, entry.get("document_number"))
    except ValidationError as error:
        field = "document_type" if error.code == "document_type" else "document_number"
        errors[field] = list(error.messages)
    try:
        name = _name(kind, entry.get("name"))
    except ValidationError as error:
        errors["name"] = list(error.messages)
    minor = entry.get("minor", False)
    if not isinstance(minor, bool):
        errors["minor"] = [_("“未成年人”只能是“是”或“否”。")]
    if errors:
        return None, errors
    if kind == DocumentType.RESIDENT_ID:
        minor = _age_on(ric.get_birth_date(number), visit_date) < ADULT_AGE
    return Person(name, kind, number, minor), {}


@sensitive_variables("visitors", "people", "person")
def check_party(offer, visitors, visit_date: datetime.date) -> list[Person]:
    """The checked visitors, or InvalidBooking naming every field at fault."""
    if not isinstance(visitors, list) or not visitors:
        raise InvalidBooking(
            _("请至少填写一位参观人。"), {"visitors": [_("请至少填写一位参观人。")]}
        )
    if len(visitors) > offer.party_cap:
        message = _("每单最多%(cap)d人，请减少参观人或分开预约。") % {
            "cap": offer.party_cap
        }
        raise InvalidBooking(message, {"visitors": [message]})
    people, errors, seen = [], {}, set()
    for index, entry in enumerate(visitors):
        person, problems = _person(entry, visit_date)
        for field, messages in problems.items():
            key = f"visitors[{index}].{field}" if field else f"visitors[{index}]"
            errors[key] = messages
        if person is None:
            continue
        if person.document_hash in seen:
            errors[f"visitors[{index}].document_number"] = [
                _("同一证件在本单中只能出现一次。")
            ]
        seen.add(person.document_hash)
        people.append(person)
    if errors:
        raise InvalidBooking(_("参观人信息有误，请按提示修改。"), errors)
    if offer.minors_need_adult and all(person.minor for person in people):
        message = _("未成年人须由成年人陪同，请同时填写一位成年参观人。")
        raise InvalidBooking(message, {"visitors": [message]})
    return people


@sensitive_variables("value")
def check_phone(value) -> str:
    try:
        return validate_mobile(value if isinstance(value, str) else "")
    except ValidationError as error:
        raise InvalidBooking(
            error.messages[0], {"phone": list(error.messages)}
        ) from None
