"""Audit entries for staff access to citizens' data, in Wagtail's log and reports.

Entries name the case (its reference) and what was done, never a personal value:
no names, numbers or file names in `data`.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log
from wagtail.models import ModelLogEntry

from ..models import Status

REVEAL = "services.reveal"
DOWNLOAD = "services.download_file"
EXPORT = "services.export"
CHANGE_STATUS = "services.change_status"
PUBLISH_ANSWER = "services.publish_answer"


class DownloadFormatter(LogFormatter):
    label = _("下载申请材料")

    def format_message(self, log_entry):
        field = log_entry.data.get("field") or ""
        return _("下载了申请材料“%(field)s”") % {"field": field}


class ExportFormatter(LogFormatter):
    label = _("导出完整信息")

    def format_message(self, log_entry):
        return _("导出了含完整个人信息的办件（%(format)s）") % {
            "format": str(log_entry.data.get("format", "")).upper()
        }


class ChangeStatusFormatter(LogFormatter):
    label = _("更改办件状态")

    def format_message(self, log_entry):
        def label(value):
            return Status(value).label if value in Status.values else value

        return _("状态由“%(old)s”改为“%(new)s”") % {
            "old": label(log_entry.data.get("from")),
            "new": label(log_entry.data.get("to")),
        }


class PublishAnswerFormatter(LogFormatter):
    label = _("公开问答")

    def format_message(self, log_entry):
        if log_entry.data.get("updated"):
            return _("更新了公开的问答")
        return _("发布了公开的问答")


def register(actions) -> None:
    """For the `register_log_actions` hook."""
    actions.register_action(REVEAL, _("查看完整信息"), _("查看了完整个人信息"))
    actions.register_action(DOWNLOAD)(DownloadFormatter)
    actions.register_action(EXPORT)(ExportFormatter)
    actions.register_action(CHANGE_STATUS)(ChangeStatusFormatter)
    actions.register_action(PUBLISH_ANSWER)(PublishAnswerFormatter)


def log(case, action: str, user, **data) -> None:
    wagtail_log(case, action, user=user, data=data)


def log_export(cases, user, export_format: str) -> None:
    """One entry per exported case, so that each case's history shows the export.

    Written with bulk_create rather than wagtail.log_actions.log (one INSERT and a
    full_clean per case): an export of thousands of cases stays one statement per
    batch. The action is registered, which is all full_clean would check.
    """
    if not cases:
        return
    content_type = ContentType.objects.get_for_model(cases[0], for_concrete_model=False)
    now = timezone.now()
    batch = uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(case.pk),
                label=str(case),
                action=EXPORT,
                data={"format": export_format},
                timestamp=now,
                uuid=batch,
                user=user,
            )
            for case in cases
        ],
        batch_size=500,
    )
