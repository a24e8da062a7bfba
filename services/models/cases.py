"""Cases: a submission with its reference, status history, private files, messages."""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.models import Page

from ..references import display


def private_storage():
    """Citizens' uploads: STORAGES["private"], outside MEDIA_ROOT, with no URL."""
    return storages["private"]


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已提交")
    ACCEPTED = "accepted", _("已受理")
    REVIEWING = "reviewing", _("审核中")
    NEEDS_MORE = "needs_more", _("需补正")
    REJECTED = "rejected", _("不予受理")
    COMPLETED = "completed", _("已办结")
    SENT = "sent", _("已寄出")


# Which status may follow which (staff choose among these).
NEXT_STATUSES = {
    Status.SUBMITTED: [Status.ACCEPTED, Status.NEEDS_MORE, Status.REJECTED],
    Status.ACCEPTED: [Status.REVIEWING, Status.COMPLETED, Status.REJECTED],
    Status.REVIEWING: [Status.COMPLETED, Status.NEEDS_MORE, Status.REJECTED],
    Status.NEEDS_MORE: [Status.ACCEPTED, Status.REJECTED],
    Status.REJECTED: [],
    Status.COMPLETED: [Status.SENT],
    Status.SENT: [],
}


class Submission(AbstractFormSubmission):
    """One application or report: answers keyed by field key, as answered."""

    page = models.ForeignKey(
        Page,
        verbose_name=_("表单"),
        on_delete=models.PROTECT,  # deleting a form page never deletes cases
        related_name="service_submissions",
    )
    reference = models.CharField(_("受理编号"), max_length=11, unique=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    spec = models.JSONField(_("表单版本"), help_text=_("提交时表单的字段说明。"))
    phone = models.TextField(_("联系电话（加密）"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("留待公民账户上线后关联。"),
    )
    idempotency_key = models.CharField(max_length=64, blank=True)
    rating = models.PositiveSmallIntegerField(_("评价"), null=True, blank=True)
    rated_case = models.OneToOneField(
        "self",
        verbose_name=_("所评价的办件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluation",
        help_text=_("好差评：每个办件只能评价一次。"),
    )
    answer = models.TextField(_("答复"), blank=True)
    publish_consent = models.BooleanField(_("同意公开"), default=False)
    published = models.BooleanField(_("已公开"), default=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("办件")
        verbose_name_plural = _("办件")
        ordering = ["-submit_time", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="services_submission_once_per_key",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=1, rating__lte=5),
                name="services_submission_rating_1_5",
            ),
        ]
        indexes = [models.Index(fields=["status", "submit_time"])]
        permissions = [("reveal_personal_data", _("查看和导出完整个人信息"))]

    def __str__(self):
        return display(self.reference)

    @property
    def display_reference(self) -> str:
        return display(self.reference)


class CaseEvent(models.Model):
    """One step in a case's history: a status, a note to the applicant, a comment."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices)
    note = models.TextField(_("给申请人的说明"), blank=True)
    comment = models.TextField(_("内部备注"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["created_at", "pk"]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CaseFile(models.Model):
    """An uploaded material, kept privately; attached to its case on submission."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(
        Submission,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
    )
    field_key = models.CharField(max_length=40)
    token = models.CharField(max_length=40, unique=True, default=new_token)
    file = models.FileField(storage=private_storage, upload_to="cases/%Y/%m/")
    name = models.CharField(_("文件名"), max_length=100)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")


class Delivery(models.Model):
    """A case pushed to another system (F5: 公章刻制备案), with its attempts."""

    class State(models.TextChoices):
        PENDING = "pending", _("待发送")
        DELIVERED = "delivered", _("已送达")
        FAILED = "failed", _("发送失败")

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="deliveries"
    )
    target = models.CharField(_("接收系统"), max_length=40)
    state = models.CharField(
        _("状态"), max_length=20, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    last_error = models.CharField(_("最近错误"), max_length=300, blank=True)
    delivered_at = models.DateTimeField(_("送达时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("推送")
        verbose_name_plural = _("推送")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "target"], name="services_delivery_once"
            )
        ]


class Notice(models.Model):
    """A message sent to an applicant (recipient kept masked), for staff to see."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="notices"
    )
    channel = models.CharField(_("渠道"), max_length=20)
    recipient = models.CharField(_("收件人"), max_length=100)
    subject = models.CharField(_("主题"), max_length=200)
    body = models.TextField(_("内容"))
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["sent_at", "pk"]


@receiver(post_delete, sender=CaseFile)
def delete_stored_file(sender, instance, **kwargs):
    """A material's file goes with its row (purge, a deleted form, a deleted case)."""
    instance.file.delete(save=False)
