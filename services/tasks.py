"""Background work of the form engine (django-tasks: immediate in development and
tests, the database backend and its worker in production)."""

import logging

from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from . import identity, notify
from .models import Notice, Status, Submission

logger = logging.getLogger(__name__)


@task()
def notify_applicant(case_id: int, status: str, note: str = "") -> None:
    """Tell the applicant that their case was received or moved on."""
    case = Submission.objects.select_related("page").filter(pk=case_id).first()
    if case is None or not case.phone:
        return  # purged meanwhile, or an anonymous report
    from .crypto import decrypt
    from .logic import reveal

    phone = decrypt(case.phone)
    email = reveal(case.spec, case.form_data).get("email", "")
    with override("zh-hans"):
        subject = _("【网上公安局】%(form)s：%(status)s") % {
            "form": case.page.title,
            "status": Status(status).label,
        }
        body = _("您的办件（受理编号 %(ref)s）状态：%(status)s。") % {
            "ref": case.display_reference,
            "status": Status(status).label,
        }
        if note:
            body += "\n" + note
        body += "\n" + _("可凭受理编号和手机号后四位在网站或客户端查询进度。")
    notice = Notice(
        submission=case,
        recipient=identity.mask_phone(phone),
        subject=subject,
        body=body,
    )
    try:
        notify.backend().send(notice, email if isinstance(email, str) else "")
    except OSError:  # the mail server is away: the case stands, the notice is lost
        logger.warning("notice for case %s could not be sent", case_id)
