"""Forms of the gate and the figures: a ticket token, a presented document, a range."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from services.crypto import keyed_hash
from services.identity import DocumentType, validate_document

from ..models import Offer, Venue
from ..people import HASH_PURPOSE

# The dashboard's default range: the last and the next two weeks.
AROUND_DAYS = 14
MAX_RANGE_DAYS = 366


class CheckInForm(forms.Form):
    """The gate's venue, and the token a handheld scanner types (and ends with
    Enter) or staff type."""

    venue = forms.ModelChoiceField(
        label=_("入口所在场馆"),
        queryset=Venue.objects.all(),
        empty_label=None,
        error_messages={"invalid_choice": _("请选择入口所在的场馆。")},
    )

    token = forms.CharField(
        label=_("预约码"),
        max_length=40,
        error_messages={"required": _("请扫描或输入预约码。")},
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "autocorrect": "off",
                "spellcheck": "false",
                "enterkeyhint": "go",
                "placeholder": _("扫描预约票二维码，或输入预约码"),
                "class": "bk-token",
            }
        ),
    )


class UnechoedInput(forms.TextInput):
    """A text input that never renders the value typed before (a document number
    stays off the page, even when the form comes back with an error)."""

    def format_value(self, value):
        return None


class DocumentCheckForm(forms.Form):
    """A presented document, to check it is one of the party; never shown back."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=40)
    document_type = forms.ChoiceField(
        label=_("证件类型"),
        choices=DocumentType.choices,
        initial=DocumentType.RESIDENT_ID,
    )
    number = forms.CharField(
        label=_("证件号码"),
        max_length=40,
        error_messages={"required": _("请输入所出示证件的号码。")},
        widget=UnechoedInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "class": "bk-number"}
        ),
    )

    def clean(self):
        cleaned = super().clean()
        kind, number = cleaned.get("document_type"), cleaned.get("number")
        if kind and number:
            try:
                number = validate_document(kind, number)
            except ValidationError as error:
                # The identity validators never repeat the number in a message.
                self.add_error("number", error)
            else:
                cleaned["document_hash"] = keyed_hash(f"{kind}:{number}", HASH_PURPOSE)
        cleaned.pop("number", None)
        return cleaned


class DashboardForm(forms.Form):
    """An offer, a date range and one day of it for the slots."""

    # Choices set by the view from the offers it has read already.
    offer = forms.TypedChoiceField(label=_("项目"), coerce=int, required=False)
    start = forms.DateField(label=_("从"), widget=AdminDateInput, required=False)
    end = forms.DateField(label=_("到"), widget=AdminDateInput, required=False)
    day = forms.DateField(
        label=_("查看时段的日期"), widget=AdminDateInput, required=False
    )

    @classmethod
    def defaults(cls, offer: Offer | None) -> dict:
        today = timezone.localdate()
        around = datetime.timedelta(days=AROUND_DAYS)
        return {
            "offer": offer.pk if offer else None,
            "start": today - around,
            "end": today + around,
            "day": today,
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("结束日期不能早于开始日期。"))
            elif (end - start).days >= MAX_RANGE_DAYS:
                self.add_error(
                    "end",
                    _("一次最多查看%(days)d天。") % {"days": MAX_RANGE_DAYS},
                )
        return cleaned
