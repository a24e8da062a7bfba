"""Validators and masks for citizens' identity data.

Each validator takes the raw submitted string and returns the normalised value,
or raises ``ValidationError`` with a complete Chinese sentence and a ``code``.
No message ever contains the submitted value or a part of it: identity numbers
are never echoed back, not even to their owner.

Input is first folded with NFKC, so full-width digits and letters typed with a
Chinese input method (``１２３Ｘ``) count as the ASCII ones they stand for.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

from services import regions

__all__ = [
    "DocumentType",
    "mask_id",
    "mask_name",
    "mask_phone",
    "mask_text",
    "validate_chinese_name",
    "validate_document",
    "validate_mobile",
    "validate_plate",
    "validate_resident_id",
]

# Nobody alive was born before this; earlier years in an 18-digit number are typos.
EARLIEST_BIRTH_YEAR = 1900


class DocumentType(models.TextChoices):
    """Identity documents a citizen can present online."""

    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO_PERMIT = "hk_macao_permit", _("港澳居民来往内地通行证")
    TAIWAN_PERMIT = "taiwan_permit", _("台湾居民来往大陆通行证")
    FOREIGN_PERMANENT_RESIDENCE = (
        "foreign_permanent_residence",
        _("外国人永久居留身份证"),
    )


def _fold(value: object) -> str:
    """NFKC-fold a submitted value and drop every whitespace character."""
    if not isinstance(value, str):
        return ""
    return "".join(unicodedata.normalize("NFKC", value).split())


def _fail(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _today() -> datetime.date:
    """Today where the bureau is (TIME_ZONE), also when USE_TZ is off."""
    return timezone.localdate() if settings.USE_TZ else datetime.date.today()


# Resident ID (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
# sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
_RESIDENT_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")


def validate_resident_id(value: str) -> str:
    """Check an 18-character resident ID number and return it with an uppercase X."""
    number = _fold(value).upper()
    if not number:
        raise _fail(_("请填写居民身份证号码。"), "required")
    if len(number) != 18:
        raise _fail(_("居民身份证号码应为18位，请核对后重新填写。"), "length")
    if not _RESIDENT_ID_SHAPE.fullmatch(number):
        raise _fail(
            _("居民身份证号码的前17位应为数字，最后一位应为数字或字母X。"), "format"
        )
    try:
        birth = ric.get_birth_date(number)
    except stdnum_errors.ValidationError:
        raise _fail(
            _("居民身份证号码中的出生日期不存在，请核对第7至14位。"), "birth_date"
        ) from None
    if birth > _today():
        raise _fail(
            _("居民身份证号码中的出生日期晚于今天，请核对第7至14位。"), "birth_date"
        )
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise _fail(
            _("居民身份证号码中的出生年份早于1900年，请核对第7至10位。"), "birth_date"
        )
    if number[-1] != ric.calc_check_digit(number):
        raise _fail(
            _("居民身份证号码的校验位与前17位不符，请逐位核对后重新填写。"), "checksum"
        )
    # Not stdnum's get_birth_place: it wants the code to exist in the birth year,
    # which rejects everyone born before their district got its code (440103 was
    # created in 1983; python-stdnum issue #442). The region rule is in is_known.
    if not regions.is_known(number[:6], year=birth.year):
        raise _fail(
            _("居民身份证号码的前6位不是有效的行政区划代码，请核对后重新填写。"),
            "region",
        )
    return number


# Passports. A Chinese ordinary passport is E + 8 digits (e-passports from
# 2012), E + a letter + 7 digits once that series ran out, or the older
# G + 8 digits; foreign passports vary by country (ICAO 9303 allows up
# to 9 characters in the machine-readable zone plus overflow). The field does
# not carry the nationality, so the Chinese pattern cannot be enforced: every
# Chinese number matches the general rule of 5 to 17 letters and digits.
_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")

# 港澳居民来往内地通行证 ("回乡证"): H (Hong Kong) or M (Macao) + 8 digits on the
# card issued since 2013; the earlier booklet added two digits counting renewals.
_HK_MACAO_PERMIT = re.compile(r"[HM](?:[0-9]{8}|[0-9]{10})")

# 台湾居民来往大陆通行证 ("台胞证"): 8 digits on the card issued since 2015, kept
# for life; numbers of the booklet before it had 10 digits.
_TAIWAN_PERMIT = re.compile(r"[0-9]{8}(?:[0-9]{2})?")

# 外国人永久居留身份证: the 2004 and 2017 cards carry 15 characters, the ISO 3166
# alpha-3 nationality code + 12 digits. The card issued since 1 December 2023
# (National Immigration Administration) follows GB 11643: 18 characters, 17
# digits starting with 9 (no resident ID starts with 9, province codes are 1-8)
# and a MOD 11-2 check character computed as for resident IDs.
_PERMANENT_RESIDENCE_2004 = re.compile(r"[A-Z]{3}[0-9]{12}")
_PERMANENT_RESIDENCE_2023 = re.compile(r"9[0-9]{16}[0-9X]")


def _validate_permanent_residence(number: str) -> str:
    if _PERMANENT_RESIDENCE_2004.fullmatch(number):
        return number
    if _PERMANENT_RESIDENCE_2023.fullmatch(number):
        if number[-1] != ric.calc_check_digit(number):
            raise _fail(
                _("外国人永久居留身份证号码的校验位不正确，请逐位核对后重新填写。"),
                "checksum",
            )
        return number
    raise _fail(
        _(
            "外国人永久居留身份证号码应为以9开头的18位号码，"
            "或3位字母加12位数字的15位号码。"
        ),
        "format",
    )


_DOCUMENT_RULES = {
    DocumentType.PASSPORT: (_PASSPORT, _("护照号码应为5至17位字母或数字。")),
    DocumentType.HK_MACAO_PERMIT: (
        _HK_MACAO_PERMIT,
        _("港澳居民来往内地通行证号码应为字母H或M加8位或10位数字。"),
    ),
    DocumentType.TAIWAN_PERMIT: (
        _TAIWAN_PERMIT,
        _("台湾居民来往大陆通行证号码应为8位或10位数字。"),
    ),
}


def validate_document(kind: str, value: str) -> str:
    """Check a number of the given ``DocumentType`` and return it normalised."""
    if kind not in DocumentType.values:
        raise _fail(_("不支持所选的证件类型，请重新选择。"), "document_type")
    if kind == DocumentType.RESIDENT_ID:
        return validate_resident_id(value)
    number = _fold(value).replace("-", "").upper()
    if not number:
        raise _fail(_("请填写证件号码。"), "required")
    if kind == DocumentType.FOREIGN_PERMANENT_RESIDENCE:
        return _validate_permanent_residence(number)
    pattern, message = _DOCUMENT_RULES[DocumentType(kind)]
    if not pattern.fullmatch(number):
        raise _fail(message, "format")
    return number


# Mainland mobile numbers: 11 digits, 1 then 3-9 (numbering plan of the MIIT).
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def validate_mobile(value: str) -> str:
    """Check a mainland mobile number and return its 11 digits."""
    number = _fold(value).replace("-", "")
    if not number:
        raise _fail(_("请填写手机号码。"), "required")
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            number = number.removeprefix(prefix)
            break
    if not _MOBILE.fullmatch(number):
        raise _fail(
            _("手机号码应为11位数字，以1开头且第二位为3至9，请核对后重新填写。"),
            "format",
        )
    return number


# Vehicle plates (GA 36-2018). After the province abbreviation comes the
# issuing authority's letter (I is never used, O only for police units), then:
# five letters or digits without I and O; or, for new-energy vehicles, six:
# D (battery) or F (other) then a letter or digit and four digits on small
# vehicles, five digits then D or F on large ones; or four letters or digits
# and a suffix: 警 police, 学 driving school, 挂 trailer, 领 consulate, and 港/澳
# for cross-boundary vehicles, which are registered in Guangdong as 粤Z.
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_SERIAL = "[A-HJ-NP-Z0-9]"
_PLATE = re.compile(
    rf"[{_PROVINCES}][A-HJ-Z](?:"
    rf"{_SERIAL}{{5}}"
    rf"|[DF]{_SERIAL}[0-9]{{4}}"
    rf"|[0-9]{{5}}[DF]"
    rf"|{_SERIAL}{{4}}[警学挂领]"
    rf")"
    rf"|粤Z{_SERIAL}{{4}}[港澳]"
)
# Separators people copy from the plate itself (京A·12345) or type by habit.
_PLATE_SEPARATORS = str.maketrans("", "", "·•・.-")


def validate_plate(value: str) -> str:
    """Check a Chinese vehicle licence plate and return it uppercase, unseparated."""
    plate = _fold(value).translate(_PLATE_SEPARATORS).upper()
    if not plate:
        raise _fail(_("请填写车牌号码。"), "required")
    if not _PLATE.fullmatch(plate):
        raise _fail(
            _(
                "车牌号码格式不正确，应为省份简称、发牌机关字母和5位号码，"
                "新能源汽车为6位号码。"
            ),
            "format",
        )
    return plate


# Han characters: the URO, extension A, 〇, compatibility ideographs and the
# supplementary-plane extensions B to H, where many rare name characters live.
_HAN = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002ebef\U00030000-\U000323af"
)
_NAME = re.compile(rf"[{_HAN}]+(?:·[{_HAN}]+)*")
# Middle dots as typed by different input methods, all stored as U+00B7.
_NAME_DOTS = str.maketrans(dict.fromkeys("•・‧∙⋅", "·"))


def validate_chinese_name(value: str) -> str:
    """Check a name of 2 to 30 Han characters, with middle dots between parts."""
    name = value if isinstance(value, str) else ""
    name = unicodedata.normalize("NFKC", name).strip().translate(_NAME_DOTS)
    if not name:
        raise _fail(_("请填写姓名。"), "required")
    if not 2 <= len(name) <= 30:
        raise _fail(_("姓名应为2至30个字。"), "length")
    if not _NAME.fullmatch(name):
        raise _fail(
            _(
                "姓名只能由汉字组成，少数民族或外国人译名的各部分之间"
                "可用间隔号“·”分隔。"
            ),
            "format",
        )
    return name


# Masks never raise: they run while rendering, on whatever was stored.
_MASK_TEXT_STARS = 6


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value).strip()


def _mask(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return "*" * len(text)
    hidden = len(text) - keep_start - keep_end
    return text[:keep_start] + "*" * hidden + text[len(text) - keep_end :]


def mask_id(value: object) -> str:
    """Mask a document number: keep 3 and 4 characters of 15 or more, else 1 and 2."""
    text = _text(value)
    if len(text) >= 15:
        return _mask(text, 3, 4)
    return _mask(text, 1, 2)


def mask_name(value: object) -> str:
    """Mask a name, keeping its first character: ``张*``, ``欧***``."""
    return _mask(_text(value), 1, 0)


def mask_phone(value: object) -> str:
    """Mask a phone number as ``138****1234``; other numbers keep 3 and 4 digits."""
    text = _text(value)
    try:
        text = validate_mobile(text)
    except ValidationError:
        return mask_text(text) if len(text) < 8 else _mask(text, 3, 4)
    return _mask(text, 3, 4)


def mask_text(value: object) -> str:
    """Mask anything else: its first character and at most six asterisks."""
    text = _text(value)
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * min(len(text) - 1, _MASK_TEXT_STARS)
