"""Blocks of the museum pages: opening hours, visitor rules and exhibit texts."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.api.shapes import STRING, obj
from cms.blocks import (
    RICH_TEXT_FEATURES,
    GalleryBlock,
    HeadingBlock,
    ImageBlock,
    OmitEmptyStreamBlock,
    QuoteBlock,
    RichTextBlock,
    VideoBlock,
)

WEEKDAYS = [
    ("mon", _("周一")),
    ("tue", _("周二")),
    ("wed", _("周三")),
    ("thu", _("周四")),
    ("fri", _("周五")),
    ("sat", _("周六")),
    ("sun", _("周日")),
]
DAY_KEYS = [key for key, _label in WEEKDAYS]
SCHEMA_DAYS = dict(
    zip(
        DAY_KEYS,
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
        strict=True,
    )
)
TIME = {"type": "string", "pattern": r"^\d{2}:\d{2}$"}


def days_label(days) -> str:
    """Chosen weekdays in words: runs of three or more as 周二至周日, others listed."""
    labels = dict(WEEKDAYS)
    chosen = sorted({d for d in days if d in labels}, key=DAY_KEYS.index)
    runs: list[list[str]] = []
    for day in chosen:
        if runs and DAY_KEYS.index(day) == DAY_KEYS.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            names = {"first": labels[run[0]], "last": labels[run[-1]]}
            parts.append(_("%(first)s至%(last)s") % names)
        else:
            parts.extend(str(labels[day]) for day in run)
    return "、".join(str(part) for part in parts)


def hhmm(value: datetime.time | None) -> str | None:
    """A time as 09:00 (None stays None)."""
    return value.strftime("%H:%M") if value else None


class OpeningHoursValue(blocks.StructValue):
    """Opening hours with their days and times as words for the page."""

    def days_label(self) -> str:
        return days_label(self.get("days") or [])

    def hours_label(self) -> str:
        return f"{hhmm(self.get('opens'))}–{hhmm(self.get('closes'))}"


class OpeningHoursBlock(blocks.StructBlock):
    """Days of the week with their opening and closing times (and last entry)."""

    days = blocks.MultipleChoiceBlock(
        choices=WEEKDAYS, label=_("开放日"), widget=forms.CheckboxSelectMultiple
    )
    opens = blocks.TimeBlock(label=_("开馆时间"))
    closes = blocks.TimeBlock(label=_("闭馆时间"))
    last_entry = blocks.TimeBlock(required=False, label=_("停止入馆时间"))
    note = blocks.CharBlock(required=False, max_length=100, label=_("说明"))

    class Meta:
        icon = "time"
        label = _("开放时间")
        value_class = OpeningHoursValue

    def clean(self, value):
        value = super().clean(value)
        opens, closes, last = value["opens"], value["closes"], value["last_entry"]
        errors = {}
        if opens and closes and opens >= closes:
            errors["closes"] = ValidationError(_("闭馆时间应晚于开馆时间。"))
        elif last and not (opens < last <= closes):
            errors["last_entry"] = ValidationError(
                _("停止入馆时间应在开馆时间和闭馆时间之间。")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def api_schema(self) -> dict:
        return obj(
            {
                "days": {
                    "type": "array",
                    "items": {"type": "string", "enum": DAY_KEYS},
                },
                "opens": TIME,
                "closes": TIME,
                "last_entry": {**TIME, "nullable": True},
                "note": STRING,
            }
        )

    def get_api_representation(self, value, context=None):
        return {
            "days": sorted(value["days"] or [], key=DAY_KEYS.index),
            "opens": hhmm(value["opens"]),
            "closes": hhmm(value["closes"]),
            "last_entry": hhmm(value["last_entry"]),
            "note": value["note"] or "",
        }


class OpeningHoursStreamBlock(blocks.StreamBlock):
    """The museum's opening hours, one entry per group of days."""

    hours = OpeningHoursBlock()

    class Meta:
        label = _("开放时间")


class VisitorRulesStreamBlock(blocks.StreamBlock):
    """Rules visitors read before they come, one per entry."""

    rule = blocks.TextBlock(label=_("须知"), max_length=300)

    class Meta:
        label = _("参观须知")


class ExhibitStreamBlock(OmitEmptyStreamBlock):
    """The text of an exhibit, a hall or a study: text, headings, pictures, quotes."""

    paragraph = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("段落"))
    heading = HeadingBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = VideoBlock()

    class Meta:
        label = _("正文")
