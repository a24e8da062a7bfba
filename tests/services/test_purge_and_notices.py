"""Notices to applicants (phone masked) and the purge of cases past retention."""

import datetime
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from services import logic, uploads
from services.models import (
    CaseEvent,
    CaseFile,
    Notice,
    ServiceFormPage,
    Submission,
)
from tests.factories import add
from tests.services.conftest import field, jpeg, stream

pytestmark = pytest.mark.django_db

PHONE = "13698765432"
MASKED = "136****5432"
REPORT_FORM = stream(
    ("textarea", field("details", "情况描述", max_length=500)),
    ("email", field("email", "电子邮箱", required=False)),
    ("file", field("photo", "现场照片", allowed_types=["jpg"], required=False)),
)


def report_form(tree, slug: str, **options) -> ServiceFormPage:
    return add(
        tree["category"],
        ServiceFormPage(
            title="隐患举报", slug=slug, form_fields=REPORT_FORM, **options
        ),
    )


@pytest.fixture
def form(tree) -> ServiceFormPage:
    return report_form(tree, "hazard")


def upload(form: ServiceFormPage) -> CaseFile:
    spec = next(f for f in form.spec["steps"][0]["fields"] if f["key"] == "photo")
    checked = uploads.check_upload(spec, SimpleUploadedFile("scene.jpg", jpeg()))
    return uploads.store(form, spec, checked)


def report(form, key: str, phone: str = PHONE, **answers) -> Submission:
    data = {"details": "路口井盖缺失。", **answers}
    if phone:
        data["contact_phone"] = phone
    return logic.submit(form, data, key)[0]


def all_notice_text() -> str:
    return " ".join(f"{n.recipient} {n.subject} {n.body}" for n in Notice.objects.all())


# Notices


def test_a_submission_and_each_status_change_leave_a_masked_notice(
    form, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = report(form, "notice-key-01")
    with django_capture_on_commit_callbacks(execute=True):
        logic.change_status(case, "accepted", user=None, note="已转辖区派出所。")
    with django_capture_on_commit_callbacks(execute=True):
        logic.change_status(case, "completed", user=None)

    notices = list(Notice.objects.filter(submission=case))
    assert len(notices) == 3
    assert {n.recipient for n in notices} == {MASKED}
    assert {n.channel for n in notices} == {"outbox"}
    for notice, label in zip(notices, ["已提交", "已受理", "已办结"], strict=True):
        assert label in notice.subject and label in notice.body
        assert case.display_reference in notice.body
    assert "已转辖区派出所。" in notices[1].body
    assert PHONE not in all_notice_text()
    assert PHONE[3:7] not in all_notice_text()  # not even the masked-out middle


def test_an_anonymous_report_gets_no_notice(tree, django_capture_on_commit_callbacks):
    anonymous = report_form(tree, "anonymous", contact_required=False)
    with django_capture_on_commit_callbacks(execute=True):
        case = report(anonymous, "anon-key-001", phone="")
        logic.change_status(case, "accepted", user=None)

    assert case.phone == ""
    assert not Notice.objects.exists()
    assert list(case.events.values_list("status", flat=True)) == [
        "submitted",
        "accepted",
    ]


def test_the_email_backend_mails_the_applicant_and_keeps_the_notice(
    form, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_BACKEND = "services.notify.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        case = report(form, "mail-key-001", email="zhang@example.com")

    assert [m.to for m in mail.outbox] == [["zhang@example.com"]]
    assert case.display_reference in mail.outbox[0].body
    notice = Notice.objects.get(submission=case)
    assert (notice.recipient, notice.channel) == (MASKED, "email")


# Purge


def age(case: Submission, days: float) -> None:
    """Make a case look last changed `days` ago (auto_now would undo a save)."""
    then = timezone.now() - datetime.timedelta(days=days)
    Submission.objects.filter(pk=case.pk).update(updated_at=then, submit_time=then)


def purge() -> str:
    out = io.StringIO()
    call_command("purge_submissions", stdout=out)
    return out.getvalue()


def test_purge_deletes_cases_past_retention_with_their_files(tree):
    short = report_form(tree, "short", retention_days=30)
    long = report_form(tree, "long", retention_days=365)
    old_file, new_file, kept_file = upload(short), upload(short), upload(long)
    old = report(short, "old-key-0001", photo=[old_file.token])
    new = report(short, "new-key-0001", photo=[new_file.token])
    other = report(long, "long-key-001", photo=[kept_file.token])
    with_events = logic.change_status(old, "accepted", user=None).submission_id
    logic.change_status(old, "completed", user=None)  # closed: purged after 30 days
    age(old, 31)
    age(new, 29)
    age(other, 31)
    paths = {f.token: Path(f.file.path) for f in CaseFile.objects.all()}
    assert all(path.exists() for path in paths.values())

    assert "Deleted 1 submission(s)." in purge()

    assert set(Submission.objects.values_list("pk", flat=True)) == {new.pk, other.pk}
    assert not CaseEvent.objects.filter(submission_id=with_events).exists()
    assert not paths[old_file.token].exists()
    assert paths[new_file.token].exists() and paths[kept_file.token].exists()
    assert set(CaseFile.objects.values_list("token", flat=True)) == {
        new_file.token,
        kept_file.token,
    }
    assert "Deleted 0 submission(s)." in purge()  # safe to run twice
    assert Submission.objects.count() == 2


def test_purge_deletes_unused_uploads_after_a_day(form):
    stale, fresh, used = upload(form), upload(form), upload(form)
    report(form, "used-key-001", photo=[used.token])
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    CaseFile.objects.filter(pk__in=[stale.pk, used.pk]).update(created_at=two_days_ago)
    stale_path, fresh_path = Path(stale.file.path), Path(fresh.file.path)

    purge()

    assert set(CaseFile.objects.values_list("pk", flat=True)) == {fresh.pk, used.pk}
    assert not stale_path.exists()
    assert fresh_path.exists() and Path(used.file.path).exists()
