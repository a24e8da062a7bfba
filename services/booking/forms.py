"""The citizen's booking form: a slot, the booker's mobile and 1..n visitors.

The forms only read what was typed; every rule (check digits, party size, minors,
capacity, bans) is the engine's, so the web and the API refuse with the same words.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from services.forms import UnechoedInput
from services.identity import DocumentType

# The most rows a form ever builds, whatever a request claims (Offer.party_cap's
# own maximum); more than the offer's cap reach the engine, which refuses them.
MAX_ROWS = 20
SLOT_GONE = _("所选时段不存在，请重新选择。")


class BookingForm(forms.Form):
    """The slot of the chosen day and the booker's mobile number."""

    # Any id (day.html lists the day's slots): the engine says whether it is a slot
    # of this offer and still open.
    slot = forms.IntegerField(
        label=_("参观时段"),
        min_value=1,
        max_value=2**63 - 1,
        error_messages={
            "required": _("请选择参观时段。"),
            "invalid": SLOT_GONE,
            "min_value": SLOT_GONE,
            "max_value": SLOT_GONE,
        },
    )
    phone = forms.CharField(
        label=_("预约人手机号码"),
        required=False,
        max_length=40,
        help_text=_("用于查询和取消预约；不会显示在预约票上。"),
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "maxlength": 20}
        ),
    )


class VisitorForm(forms.Form):
    """One visitor; the document number is never written back into the page."""

    name = forms.CharField(
        label=_("姓名"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": 60}),
    )
    document_type = forms.ChoiceField(
        label=_("证件类型"),
        choices=DocumentType.choices,
        initial=DocumentType.RESIDENT_ID,
    )
    document_number = forms.CharField(
        label=_("证件号码"),
        required=False,
        max_length=40,
        widget=UnechoedInput(
            attrs={"maxlength": 40, "spellcheck": "false", "autocapitalize": "off"}
        ),
    )
    minor = forms.BooleanField(
        label=_("未满18周岁"),
        required=False,
        help_text=_("非居民身份证请如实勾选；居民身份证按出生日期判断。"),
    )

    def entry(self, kept_number: str = "") -> dict:
        """What the engine takes; a blank number uses the one given before."""
        data = self.cleaned_data
        return {
            "name": data.get("name", ""),
            "document_type": data.get("document_type", ""),
            "document_number": data.get("document_number") or kept_number,
            "minor": bool(data.get("minor")),
        }


def visitor_forms(count: int, data=None, initial=()) -> list[VisitorForm]:
    """`count` visitor forms, prefixed v0, v1, …; initial values by position."""
    initial = list(initial)
    return [
        VisitorForm(
            data=data,
            prefix=f"v{index}",
            initial=initial[index] if index < len(initial) else None,
        )
        for index in range(count)
    ]


def row_count(value, default: int = 1) -> int:
    """The number of visitor rows a request asks for, between 1 and MAX_ROWS."""
    text = value if isinstance(value, str) else ""
    count = int(text) if text.isascii() and text.isdigit() and len(text) < 4 else 0
    return min(max(count or default, 1), MAX_ROWS)
