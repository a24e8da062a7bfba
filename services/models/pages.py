"""ServiceFormPage: an application, survey or report form composed by editors."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField

from cms.blocks.base import RICH_TEXT_FEATURES
from cms.models import BasePage

from ..blocks import FormFieldStreamBlock
from ..spec import form_spec


class FormKind(models.TextChoices):
    APPLICATION = "application", _("网上申请")
    SURVEY = "survey", _("满意度评价")
    QUESTION = "question", _("咨询建议")
    HAZARD = "hazard", _("隐患举报")
    ACCIDENT = "accident", _("事故快处")


# Keys of the built-in last step; editors' fields may not use them.
RESERVED_KEYS = {
    "contact_phone",
    "delivery",
    "pickup_location",
    "delivery_address",
    "recipient_name",
}


class ServiceFormPage(RoutablePageMixin, BasePage):
    """A form citizens fill in, step by step, ending with a reference number."""

    kind = models.CharField(
        _("表单类别"),
        max_length=20,
        choices=FormKind.choices,
        default=FormKind.APPLICATION,
    )
    intro = RichTextField(_("说明"), blank=True, features=RICH_TEXT_FEATURES)
    form_fields = StreamField(
        FormFieldStreamBlock(),
        verbose_name=_("表单字段"),
        help_text=_("“分步”开始新的一步；每个字段的标识在有提交后不可更改。"),
    )
    contact_required = models.BooleanField(
        _("须留手机号码"),
        default=True,
        help_text=_("取消后可匿名提交（如隐患举报），但无法查询进度、接收通知。"),
    )
    pickup_allowed = models.BooleanField(_("可窗口领取"), default=False)
    pickup_locations = models.TextField(
        _("领取地点"), blank=True, help_text=_("每行一个窗口或派出所。")
    )
    courier_allowed = models.BooleanField(_("可邮寄送达"), default=False)
    opens_at = models.DateTimeField(_("开放时间"), null=True, blank=True)
    closes_at = models.DateTimeField(_("截止时间"), null=True, blank=True)
    retention_days = models.PositiveIntegerField(
        _("保存期限（天）"),
        default=1095,
        validators=[MinValueValidator(30)],
        help_text=_("办结或提交后超过此期限，办件和材料由清理任务删除。"),
    )
    push_to_seal_filing = models.BooleanField(
        _("受理后推送公章刻制备案系统"), default=False
    )
    confirmation = models.TextField(
        _("提交后说明"),
        blank=True,
        help_text=_("确认页上的“接下来会怎样”，例如办理时限和领取方式。"),
    )

    parent_page_types = [
        "guides.GuideCategoryPage",
        "cms.StandardPage",
        "cms.HomePage",
    ]
    subpage_types = ["services.AnswerPage"]
    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("form_fields"),
        MultiFieldPanel(
            [
                FieldPanel("contact_required"),
                FieldRowPanel(
                    [FieldPanel("pickup_allowed"), FieldPanel("courier_allowed")]
                ),
                FieldPanel("pickup_locations"),
            ],
            heading=_("联系与领取"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("retention_days"),
                FieldPanel("push_to_seal_filing"),
                FieldPanel("confirmation"),
            ],
            heading=_("受理设置"),
        ),
    ]
    api_fields = BasePage.api_fields + [APIField("kind"), APIField("intro")]

    class Meta:
        verbose_name = _("在线表单")
        verbose_name_plural = _("在线表单")

    def clean(self):
        super().clean()
        keys = {
            child.value.get("key")
            for child in self.form_fields
            if child.block_type not in {"step", "guidance"}
        }
        if clashes := keys & RESERVED_KEYS:
            raise ValidationError(
                {
                    "form_fields": gettext(
                        "字段标识 %(keys)s 由系统使用（联系与领取），请换一个。"
                    )
                    % {"keys": "、".join(sorted(clashes))}
                }
            )
        if changed := self.renamed_keys():
            raise ValidationError(
                {
                    "form_fields": gettext(
                        "已有提交的表单不能修改字段标识（%(keys)s）：数据按标识保存。"
                        "可以修改标签，或删除字段后新增一个。"
                    )
                    % {"keys": "、".join(f"{old} → {new}" for old, new in changed)}
                }
            )
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": gettext("截止时间须晚于开放时间。")})
        if self.pickup_allowed and not self.locations:
            raise ValidationError({"pickup_locations": gettext("请填写领取地点。")})

    def renamed_keys(self) -> list[tuple[str, str]]:
        """(old, new) keys of fields whose key changed since the saved version,
        once the form has submissions (a field is known by its block id)."""
        if not self.pk or not self.service_submissions.exists():
            return []
        saved = ServiceFormPage.objects.filter(pk=self.pk).first()
        if saved is None:
            return []
        before = {
            c.id: c.value.get("key") for c in saved.form_fields if "key" in c.value
        }
        return [
            (before[c.id], c.value.get("key"))
            for c in self.form_fields
            if c.id in before and c.value.get("key") != before[c.id]
        ]

    @property
    def locations(self) -> list[str]:
        return [
            line.strip() for line in self.pickup_locations.splitlines() if line.strip()
        ]

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    @cached_property
    def spec(self) -> dict:
        """The form as plain data, with the built-in contact and delivery step."""
        spec = form_spec(self.form_fields)
        spec["steps"].append(self.contact_step())
        spec["kind"] = str(self.kind)
        return spec

    def contact_step(self) -> dict:
        def field(key, kind, label, required=True, condition=None, **options):
            return {
                "key": key,
                "type": kind,
                "label": label,
                "help_text": options.pop("help_text", ""),
                "required": required,
                "condition": condition,
                **options,
            }

        fields = [
            field(
                "contact_phone",
                "mobile",
                gettext("手机号码"),
                required=self.contact_required,
                help_text=gettext("用于接收办理通知；查询进度时须输入后四位。"),
            )
        ]
        methods = []
        if self.pickup_allowed:
            methods.append({"value": "pickup", "label": gettext("窗口领取")})
        if self.courier_allowed:
            methods.append({"value": "courier", "label": gettext("邮寄送达")})
        if methods:
            fields.append(
                field(
                    "delivery",
                    "choice",
                    gettext("领取方式"),
                    widget="radio",
                    multiple=False,
                    choices=methods,
                )
            )
        if self.pickup_allowed:
            fields.append(
                field(
                    "pickup_location",
                    "choice",
                    gettext("领取地点"),
                    condition={"field": "delivery", "value": "pickup"},
                    widget="select",
                    multiple=False,
                    choices=[
                        {"value": f"l{n}", "label": name}
                        for n, name in enumerate(self.locations, 1)
                    ],
                )
            )
        if self.courier_allowed:
            courier = {"field": "delivery", "value": "courier"}
            fields += [
                field("recipient_name", "name", gettext("收件人"), condition=courier),
                field(
                    "delivery_address",
                    "address",
                    gettext("收件地址"),
                    condition=courier,
                ),
            ]
        title = gettext("联系与领取") if methods else gettext("联系方式")
        return {"title": title, "condition": None, "fields": fields}

    @property
    def preview_modes(self):
        """One preview per step, so editors see each step as citizens will."""
        return [
            (
                f"step-{number}",
                gettext("第 %(n)d 步：%(title)s")
                % {"n": number + 1, "title": step["title"]},
            )
            for number, step in enumerate(self.spec["steps"])
        ]

    @property
    def default_preview_mode(self):
        return "step-0"

    def serve_preview(self, request, mode_name):
        from ..views import step_view

        self.__dict__.pop("spec", None)  # the preview's unsaved fields
        number = int(mode_name.removeprefix("step-") or 0)
        number = min(max(number, 0), len(self.spec["steps"]) - 1)
        return step_view(request, self, number, preview=True)

    @path("")
    def start(self, request):
        from ..views import step_view

        return step_view(request, self, 0)

    @path("step/<int:number>/", name="step")
    def step(self, request, number):
        from ..views import step_view

        return step_view(request, self, number)

    @path("check/", name="check")
    def check_answers(self, request):
        from ..views import check_view

        return check_view(request, self)

    @path("done/", name="done")
    def done(self, request):
        from ..views import done_view

        return done_view(request, self)
