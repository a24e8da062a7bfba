"""Blocks of a service guide (办事指南): legal basis, materials, steps, questions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.api.fields import document_json
from cms.api.shapes import DOCUMENT, STRING, obj
from cms.blocks import request_of


class LegalBasisBlock(blocks.StructBlock):
    """A law or regulation and the article the item rests on."""

    law = blocks.CharBlock(
        label=_("法律法规"), help_text=_("例如：《中华人民共和国护照法》")
    )
    article = blocks.CharBlock(
        required=False, label=_("条款"), help_text=_("例如：第五条")
    )

    class Meta:
        icon = "doc-full"
        label = _("设定依据")


MATERIAL_FORMS = [
    ("original", _("原件")),
    ("copy", _("复印件")),
    ("both", _("原件和复印件")),
    ("electronic", _("电子材料")),
]


class MaterialValue(blocks.StructValue):
    """A material with its form shown as a label."""

    def form_label(self) -> str:
        return dict(MATERIAL_FORMS).get(self.get("form"), "")


class MaterialBlock(blocks.StructBlock):
    """One required material, with a blank form and a filled example where useful."""

    name = blocks.CharBlock(label=_("材料名称"))
    form = blocks.ChoiceBlock(
        choices=MATERIAL_FORMS, default="original", label=_("材料形式")
    )
    copies = blocks.IntegerBlock(default=1, min_value=1, max_value=20, label=_("份数"))
    required = blocks.BooleanBlock(
        default=True,
        required=False,
        label=_("必须提交"),
        help_text=_("不勾选表示仅在特定情形下提交（容缺或视情况）。"),
    )
    note = blocks.CharBlock(required=False, label=_("说明"))
    blank_form = DocumentChooserBlock(required=False, label=_("空白表格"))
    example = DocumentChooserBlock(required=False, label=_("填写示例"))

    class Meta:
        icon = "doc-empty"
        label = _("申请材料")
        value_class = MaterialValue

    def api_schema(self) -> dict:
        return obj(
            {
                "name": STRING,
                "form": {"type": "string", "enum": [v for v, _l in MATERIAL_FORMS]},
                "copies": {"type": "integer"},
                "required": {"type": "boolean"},
                "note": STRING,
                "blank_form": DOCUMENT,
                "example": DOCUMENT,
            }
        )

    def get_api_representation(self, value, context=None):
        return {
            "name": value["name"],
            "form": value["form"],
            "copies": value["copies"],
            "required": value["required"],
            "note": value["note"] or "",
            "blank_form": document_json(value["blank_form"], request_of(context)),
            "example": document_json(value["example"], request_of(context)),
        }


class StepBlock(blocks.StructBlock):
    """One step of the process."""

    title = blocks.CharBlock(label=_("环节"))
    description = blocks.TextBlock(required=False, label=_("说明"))

    class Meta:
        icon = "list-ol"
        label = _("办理流程")


class QuestionBlock(blocks.StructBlock):
    """A frequently asked question and its answer."""

    question = blocks.CharBlock(label=_("问题"))
    answer = blocks.TextBlock(label=_("解答"))

    class Meta:
        icon = "help"
        label = _("常见问题")


class ConditionBlock(blocks.CharBlock):
    """One condition the applicant must meet."""

    class Meta:
        icon = "tick"
        label = _("受理条件")


class LegalBasisStreamBlock(blocks.StreamBlock):
    """The laws an item rests on."""

    law = LegalBasisBlock()


class ConditionStreamBlock(blocks.StreamBlock):
    """The conditions an applicant must meet."""

    condition = ConditionBlock()


class MaterialStreamBlock(blocks.StreamBlock):
    """The materials to hand in."""

    material = MaterialBlock()


class StepStreamBlock(blocks.StreamBlock):
    """The steps of the process, in order."""

    step = StepBlock()


class QuestionStreamBlock(blocks.StreamBlock):
    """Frequently asked questions."""

    faq = QuestionBlock()
