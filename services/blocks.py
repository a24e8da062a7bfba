"""Form-field blocks: editors compose an application form from these in the admin.

Each field block turns its value into a plain field description (`spec`), the
form-version snapshot every submission keeps; the builder (services.forms) and the
API schema work from those descriptions, never from the blocks.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks.base import RICH_TEXT_FEATURES

KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
FILE_TYPES = [
    ("jpg", _("JPEG 图片")),
    ("png", _("PNG 图片")),
    ("webp", _("WebP 图片")),
    ("pdf", _("PDF 文档")),
]


def validate_key(value: str) -> None:
    if not KEY.match(value or ""):
        raise ValidationError(
            _("字段标识须以小写字母开头，只含小写字母、数字和下划线，最长 40 个字符。")
        )


class ConditionBlock(blocks.StructBlock):
    """Show only when an earlier field has a given value (empty: always shown)."""

    field = blocks.CharBlock(
        label=_("当字段"), required=False, help_text=_("前面某个字段的标识。")
    )
    value = blocks.CharBlock(
        label=_("的值为"),
        required=False,
        help_text=_("选项的值；勾选框填“是”。多选题中含有该值即显示。"),
    )

    class Meta:
        label = _("显示条件")
        collapsed = True
        form_classname = "service-condition"

    def clean(self, value):
        value = super().clean(value)
        if bool(value["field"]) != bool(value["value"]):
            raise StructBlockValidationError(
                {"field": ValidationError(_("条件须同时填写字段标识和值。"))}
            )
        if value["field"]:
            try:
                validate_key(value["field"])
            except ValidationError as error:
                raise StructBlockValidationError({"field": error}) from error
        return value


def condition_spec(value) -> dict | None:
    if not value or not value.get("field"):
        return None
    return {"field": value["field"], "value": value["value"]}


class FieldBlock(blocks.StructBlock):
    """What every input has: label, immutable key, help text, required, condition."""

    label = blocks.CharBlock(label=_("标签"), max_length=200)
    key = blocks.CharBlock(
        label=_("字段标识"),
        max_length=40,
        validators=[validate_key],
        help_text=_(
            "英文小写标识，如 applicant_name。有提交后不可更改：数据按它保存。"
        ),
    )
    help_text = blocks.CharBlock(label=_("填写说明"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("必填"), required=False, default=True)
    condition = ConditionBlock()

    field_type = ""

    class Meta:
        icon = "form"
        form_classname = "service-field"

    def spec(self, value) -> dict:
        """The field as plain data (JSON), for the builder, the API and snapshots."""
        return {
            "key": value["key"],
            "type": self.field_type,
            "label": value["label"],
            "help_text": value["help_text"] or "",
            "required": bool(value["required"]),
            "condition": condition_spec(value["condition"]),
            **self.options(value),
        }

    def options(self, value) -> dict:
        return {}


class TextFieldBlock(FieldBlock):
    max_length = blocks.IntegerBlock(
        label=_("最多字数"), min_value=1, max_value=2000, default=100
    )
    field_type = "text"

    class Meta:
        label = _("单行文字")
        icon = "pilcrow"

    def options(self, value):
        return {"max_length": value["max_length"]}


class TextAreaFieldBlock(TextFieldBlock):
    field_type = "textarea"

    class Meta:
        label = _("多行文字")
        icon = "doc-full"


class NumberFieldBlock(FieldBlock):
    min_value = blocks.DecimalBlock(label=_("最小值"), required=False)
    max_value = blocks.DecimalBlock(label=_("最大值"), required=False)
    decimal_places = blocks.IntegerBlock(
        label=_("小数位数"), min_value=0, max_value=4, default=0
    )
    field_type = "number"

    class Meta:
        label = _("数字")
        icon = "order"

    def options(self, value):
        def number(v):
            return None if v is None else float(v)

        return {
            "min": number(value["min_value"]),
            "max": number(value["max_value"]),
            "decimal_places": value["decimal_places"],
        }


OPTION = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")


def validate_option(value: str) -> None:
    if not OPTION.match(value or ""):
        raise ValidationError(
            _("选项的值只含小写字母、数字和下划线，最长 40 个字符（评分可用 1–5）。")
        )


class ChoiceOptionBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("值"),
        max_length=40,
        validators=[validate_option],
        help_text=_("英文标识或数字"),
    )
    label = blocks.CharBlock(label=_("显示文字"), max_length=200)


class ChoiceFieldBlock(FieldBlock):
    widget = blocks.ChoiceBlock(
        label=_("样式"),
        choices=[
            ("radio", _("单选按钮")),
            ("select", _("下拉列表")),
            ("checkboxes", _("多选框")),
        ],
        default="radio",
    )
    choices = blocks.ListBlock(ChoiceOptionBlock(), label=_("选项"), min_num=1)
    field_type = "choice"

    class Meta:
        label = _("选择")
        icon = "list-ul"

    def clean(self, value):
        value = super().clean(value)
        values = [choice["value"] for choice in value["choices"]]
        if len(values) != len(set(values)):
            raise StructBlockValidationError(
                {"choices": ValidationError(_("选项的值不能重复。"))}
            )
        return value

    def options(self, value):
        return {
            "widget": value["widget"],
            "multiple": value["widget"] == "checkboxes",
            "choices": [
                {"value": c["value"], "label": c["label"]} for c in value["choices"]
            ],
        }


class DateFieldBlock(FieldBlock):
    past_only = blocks.BooleanBlock(
        label=_("不晚于今天"), required=False, help_text=_("如出生日期、事发日期。")
    )
    field_type = "date"

    class Meta:
        label = _("日期")
        icon = "date"

    def options(self, value):
        return {"past_only": bool(value["past_only"])}


def simple_field(name: str, label, icon: str = "form") -> type[FieldBlock]:
    """A field block with no options of its own (its checks are in the builder)."""
    meta = type("Meta", (), {"label": label, "icon": icon})
    attrs = {"field_type": name_to_type(name), "Meta": meta, "__module__": __name__}
    return type(name, (FieldBlock,), attrs)


def name_to_type(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("FieldBlock")).lower()


ResidentIdFieldBlock = simple_field("ResidentIdFieldBlock", _("居民身份证号码"), "user")
IdDocumentFieldBlock = simple_field("IdDocumentFieldBlock", _("其他身份证件"), "user")
MobileFieldBlock = simple_field("MobileFieldBlock", _("手机号码"), "mobile-alt")
EmailFieldBlock = simple_field("EmailFieldBlock", _("电子邮箱"), "mail")
NameFieldBlock = simple_field("NameFieldBlock", _("中文姓名"), "user")
AddressFieldBlock = simple_field("AddressFieldBlock", _("地址（省市区）"), "site")
PlateFieldBlock = simple_field("PlateFieldBlock", _("机动车号牌"), "form")


class FileFieldBlock(FieldBlock):
    allowed_types = blocks.MultipleChoiceBlock(
        label=_("允许的文件类型"),
        choices=FILE_TYPES,
        default=["jpg", "png", "pdf"],
    )
    max_size_mb = blocks.IntegerBlock(
        label=_("单个文件上限（MB）"), min_value=1, max_value=20, default=5
    )
    max_files = blocks.IntegerBlock(
        label=_("最多文件数"), min_value=1, max_value=10, default=1
    )
    field_type = "file"

    class Meta:
        label = _("上传文件")
        icon = "doc-full-inverse"

    def options(self, value):
        return {
            "allowed_types": list(value["allowed_types"]),
            "max_size": value["max_size_mb"] * 1024 * 1024,
            "max_files": value["max_files"],
        }


class DeclarationFieldBlock(FieldBlock):
    statement = blocks.TextBlock(
        label=_("承诺内容"),
        help_text=_("申请人须勾选同意，例如告知承诺书的内容。"),
    )
    field_type = "declaration"

    class Meta:
        label = _("告知承诺")
        icon = "tick-inverse"

    def options(self, value):
        return {"statement": value["statement"]}


class GuidanceBlock(blocks.StructBlock):
    """Text between the inputs (no answer)."""

    text = blocks.RichTextBlock(label=_("说明"), features=RICH_TEXT_FEATURES)
    condition = ConditionBlock()

    class Meta:
        label = _("说明文字")
        icon = "info-circle"

    def spec(self, value) -> dict:
        return {
            "type": "guidance",
            "html": value["text"].source,
            "condition": condition_spec(value["condition"]),
        }


class StepBreakBlock(blocks.StructBlock):
    """Starts a new step of a multi-step form."""

    title = blocks.CharBlock(label=_("步骤名称"), max_length=100)
    condition = ConditionBlock()

    class Meta:
        label = _("分步")
        icon = "arrow-right"


class FormFieldStreamBlock(blocks.StreamBlock):
    """The fields of a form, in order; a step break starts the next step."""

    step = StepBreakBlock()
    text = TextFieldBlock()
    textarea = TextAreaFieldBlock()
    number = NumberFieldBlock()
    choice = ChoiceFieldBlock()
    date = DateFieldBlock()
    resident_id = ResidentIdFieldBlock()
    id_document = IdDocumentFieldBlock()
    name = NameFieldBlock()
    mobile = MobileFieldBlock()
    email = EmailFieldBlock()
    address = AddressFieldBlock()
    plate = PlateFieldBlock()
    file = FileFieldBlock()
    declaration = DeclarationFieldBlock()
    guidance = GuidanceBlock()

    class Meta:
        block_counts = {}

    def clean(self, value):
        value = super().clean(value)
        seen: dict[str, int] = {}
        errors = {}
        for index, child in enumerate(value):
            key = child.value.get("key") if child.block_type != "step" else None
            if key:
                if key in seen:
                    errors[index] = ValidationError(
                        _("字段标识“%(key)s”重复：每个字段的标识须唯一。"),
                        params={"key": key},
                    )
                seen[key] = index
            condition = child.value.get("condition") or {}
            target = condition.get("field")
            if target and target not in seen:
                errors[index] = ValidationError(
                    _("显示条件引用的字段“%(key)s”须在此之前。"),
                    params={"key": target},
                )
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
