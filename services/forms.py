"""One builder: a form step (or a whole form) as a Django form, for web and API alike.

Every field is optional at the Django level; `clean()` then walks the fields in
order, drops those whose condition does not hold (a hidden field is never required,
never stored, its errors ignored) and requires the shown ones that must be answered.
"""

import datetime
import functools
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import identity, regions
from .spec import DISPLAY_TYPES, is_shown

REQUIRED = _("请填写此项。")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
# Answers a step keeps when its field is left blank: files uploaded and identity
# numbers given before (neither is written back into the page).
KEPT_WHEN_BLANK = {"file", "resident_id", "id_document"}
MIN_DATE = datetime.date(1900, 1, 1)
MAX_DATE = datetime.date(2200, 12, 31)


class NormalisedField(forms.CharField):
    """Text checked and normalised by a validator from services.identity."""

    def __init__(self, *, normalise, **kwargs):
        self.normalise = normalise
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.normalise(value) if value else value


class PastDateField(forms.DateField):
    def __init__(self, *, past_only: bool, **kwargs):
        self.past_only = past_only
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not MIN_DATE <= value <= MAX_DATE:
            raise ValidationError(_("请输入 1900 年至 2200 年之间的日期。"))
        if value and self.past_only and value > timezone.localdate():
            raise ValidationError(_("日期不能晚于今天。"))
        return value


class UnechoedInput(forms.TextInput):
    """A text input that never writes its value back into the page: an identity
    number is not echoed (a failed step, or a shared screen, would show it)."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)


class DocumentWidget(forms.MultiWidget):
    def __init__(self):
        super().__init__(
            [forms.Select(choices=identity.DocumentType.choices), UnechoedInput()]
        )

    def decompress(self, value):
        return [value.get("type"), value.get("number")] if value else [None, None]


class DocumentField(forms.MultiValueField):
    """Document type and number: {"type", "number"}."""

    def __init__(self, **kwargs):
        fields = (
            forms.ChoiceField(choices=identity.DocumentType.choices),
            forms.CharField(max_length=40),
        )
        super().__init__(
            fields, widget=DocumentWidget(), require_all_fields=False, **kwargs
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        kind, number = (list(data_list) + ["", ""])[:2]
        if not number:
            return None  # blank: required, or the number given before is kept
        if not kind:
            raise ValidationError(_("请选择证件类型并填写证件号码。"))
        return {"type": kind, "number": identity.validate_document(kind, number)}


@functools.cache
def district_choices() -> list:
    """Districts grouped by province and city, for one select."""
    groups = [("", "—")]
    for province, province_name in regions.provinces():
        for city, city_name in regions.children(province):
            districts = regions.children(city)
            if districts:
                label = (
                    province_name
                    if city_name == province_name
                    else province_name + city_name
                )
                groups.append((label, districts))
            elif regions.is_district(city):
                groups.append((province_name, [(city, city_name)]))
    return groups


class AddressWidget(forms.MultiWidget):
    def __init__(self):
        super().__init__(
            [
                forms.Select(choices=district_choices()),
                forms.TextInput(attrs={"placeholder": _("街道、门牌号")}),
            ]
        )

    def decompress(self, value):
        return [value.get("region"), value.get("detail")] if value else [None, None]


class AddressField(forms.MultiValueField):
    """A current GB/T 2260 district code and the street address."""

    def __init__(self, **kwargs):
        fields = (forms.CharField(max_length=6), forms.CharField(max_length=200))
        super().__init__(
            fields, widget=AddressWidget(), require_all_fields=False, **kwargs
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        region, detail = (list(data_list) + ["", ""])[:2]
        if not region or not regions.is_district(region):
            raise ValidationError(_("请选择所在的省、市、区县。"))
        if not detail:
            raise ValidationError(_("请填写街道和门牌号。"))
        return {"region": region, "detail": detail}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """One or several uploads; each checked by services.uploads against its field."""

    def __init__(self, *, field_spec: dict, **kwargs):
        self.field_spec = field_spec
        accept = ",".join("." + kind for kind in field_spec["allowed_types"])
        attrs = {"accept": accept}
        if field_spec["max_files"] > 1:
            attrs["multiple"] = True
        super().__init__(widget=MultipleFileInput(attrs=attrs), **kwargs)

    def clean(self, data, initial=None):
        from .uploads import check_upload

        uploads = [f for f in (data if isinstance(data, list) else [data]) if f]
        if len(uploads) > self.field_spec["max_files"]:
            raise ValidationError(
                _("最多上传 %(n)d 个文件。"), params={"n": self.field_spec["max_files"]}
            )
        return [check_upload(self.field_spec, upload) for upload in uploads]


class TokensField(forms.Field):
    """The API's answer to a file field: tokens from POST …/files/."""

    def __init__(self, *, field_spec: dict, **kwargs):
        self.field_spec = field_spec
        super().__init__(**kwargs)

    def clean(self, value):
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str) and TOKEN.match(v) for v in value
        ):
            raise ValidationError(_("请提供上传文件时得到的文件令牌列表。"))
        if len(value) > self.field_spec["max_files"]:
            raise ValidationError(
                _("最多上传 %(n)d 个文件。"), params={"n": self.field_spec["max_files"]}
            )
        return value


def django_field(spec: dict, api: bool = False) -> forms.Field:
    """The Django form field for one field description."""
    kind = spec["type"]
    common = {"required": False, "label": spec["label"], "help_text": spec["help_text"]}
    if kind == "text":
        return forms.CharField(max_length=spec["max_length"], **common)
    if kind == "textarea":
        return forms.CharField(
            max_length=spec["max_length"], widget=forms.Textarea, **common
        )
    if kind == "number":
        return forms.DecimalField(
            min_value=None if spec["min"] is None else Decimal(str(spec["min"])),
            max_value=None if spec["max"] is None else Decimal(str(spec["max"])),
            max_digits=15,
            decimal_places=spec["decimal_places"],
            **common,
        )
    if kind == "choice":
        choices = [(c["value"], c["label"]) for c in spec["choices"]]
        if spec["multiple"]:
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
        widget = forms.RadioSelect if spec["widget"] == "radio" else forms.Select
        if widget is forms.Select:
            choices = [("", _("请选择"))] + choices
        return forms.ChoiceField(choices=choices, widget=widget, **common)
    if kind == "date":
        return PastDateField(past_only=spec["past_only"], **common)
    if kind == "id_document":
        return DocumentField(**common)
    if kind == "address":
        return AddressField(**common)
    if kind == "email":
        return forms.EmailField(max_length=254, **common)
    if kind == "declaration":
        return forms.BooleanField(**common)
    if kind == "file":
        if api:
            return TokensField(field_spec=spec, **common)
        return FilesField(field_spec=spec, **common)
    normalisers = {
        "resident_id": identity.validate_resident_id,
        "name": identity.validate_chinese_name,
        "mobile": identity.validate_mobile,
        "plate": identity.validate_plate,
    }
    widget = UnechoedInput() if kind == "resident_id" else forms.TextInput()
    return NormalisedField(
        normalise=normalisers[kind], max_length=40, widget=widget, **common
    )


class AnswersForm(forms.Form):
    """The fields of one step (or of every step), with conditions and requirements.

    `known` holds the answers of earlier steps, which conditions may refer to.
    """

    def __init__(
        self,
        fields: list[dict],
        known: dict | None = None,
        api: bool = False,
        **kw,
    ):
        super().__init__(**kw)
        self.specs = [f for f in fields if f["type"] not in DISPLAY_TYPES]
        self.known = dict(known or {})
        self.api = api
        self.pending: dict = {}  # web uploads: key -> (spec, checked files)
        self.kept: dict = {}
        for spec in self.specs:
            self.fields[spec["key"]] = django_field(spec, api=api)

    def clean(self):
        cleaned = super().clean()
        answers = dict(self.known)
        kept = {}
        for spec in self.specs:
            key = spec["key"]
            if not is_shown(spec["condition"], answers):
                self.errors.pop(key, None)
                cleaned.pop(key, None)
                continue
            if key in self.errors:
                continue
            value = to_json(spec, cleaned.get(key))
            if spec["type"] == "file" and not self.api and value:
                self.pending[key] = (spec, value)  # stored once the step is valid
            if is_empty(value) and spec["type"] in KEPT_WHEN_BLANK:
                value = self.known.get(key)  # given on an earlier visit to this step
            if spec["required"] and is_empty(value):
                self.add_error(key, REQUIRED)
                continue
            if not is_empty(value):
                kept[key] = value
                answers[key] = value
        self.kept = kept
        return cleaned


def store_pending(form: "AnswersForm", store) -> None:
    """Keep a valid step's uploads; its answers name them by token."""
    for key, (spec, uploads) in form.pending.items():
        form.kept[key] = [store(spec, upload) for upload in uploads]


def is_empty(value) -> bool:
    return value is None or value is False or value == "" or value == []


def to_json(spec: dict, value):
    """A cleaned value as JSON data (dates as ISO text, numbers as numbers)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if spec.get("decimal_places") == 0 else float(value)
    if spec["type"] == "declaration":
        return bool(value)
    return value
