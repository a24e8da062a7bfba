"""The write paths of the form engine: validate, submit, change status, look up, purge.

The web form, the API and the admin all call these; none writes a case itself.
"""

import datetime
import functools
import hmac
import json

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import crypto, identity, references
from .forms import AnswersForm
from .models import CaseEvent, CaseFile, ServiceFormPage, Status, Submission
from .models.cases import NEXT_STATUSES
from .spec import PERSONAL_TYPES, input_fields, is_shown


class FormErrors(Exception):
    """Answers that do not pass: {field key: [messages]}."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def as_form_data(fields: list[dict], payload: dict) -> dict:
    """JSON answers as the form data Django's fields read (objects split in two).

    Null is no answer; an answer of the wrong JSON type is left out (see `fits`).
    """
    data: dict = {}
    for field in fields:
        key = field.get("key")
        if not key or payload.get(key) is None or not fits(field, payload[key]):
            continue
        value = payload[key]
        if field["type"] in {"id_document", "address"}:
            parts = (
                ("type", "number")
                if field["type"] == "id_document"
                else (
                    "region",
                    "detail",
                )
            )
            for index, part in enumerate(parts):
                item = value.get(part)
                data[f"{key}_{index}"] = item if isinstance(item, str) else ""
        elif field["type"] == "declaration":
            data[key] = "on" if value else ""
        elif field["type"] == "file":
            data[key] = value
        elif field["type"] == "choice" and field["multiple"]:
            data[key] = value if isinstance(value, list) else [value]
        else:
            data[key] = str(value)
    return data


def fits(field: dict, value) -> bool:
    """Whether an answer has the JSON type its field takes (null: no answer)."""
    kind = field["type"]
    if value is None or kind == "file":
        return True  # tokens are checked by the field itself
    if kind in {"id_document", "address"}:
        return isinstance(value, dict)
    if kind == "declaration":
        return isinstance(value, bool)
    if kind == "choice" and field["multiple"] and isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    # A text, number, date or choice: one string or number (str() of anything
    # else would pass a text field as "<object object at …>" or "[1, 2]").
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def validate_answers(
    spec: dict, payload: dict, steps: list[int] | None = None, known: dict | None = None
) -> dict:
    """The answers of the shown fields, checked; FormErrors otherwise.

    Keys that name no field are refused; answers to hidden fields are dropped.
    `steps` limits the check to some steps (the API's per-step validation).
    """
    if not isinstance(payload, dict):
        raise FormErrors({"": [_("请提交以字段标识为键的 JSON 对象。")]})
    known_keys = {f["key"] for f in input_fields(spec)}
    errors = {key: [_("没有这个字段。")] for key in payload if key not in known_keys}
    answers = dict(known or {})
    for index, step in enumerate(spec["steps"]):
        if steps is not None and index not in steps:
            continue
        if not is_shown(step["condition"], answers):
            continue
        fields = [f for f in step["fields"] if f.get("key")]
        form = AnswersForm(
            step["fields"], known=answers, api=True, data=as_form_data(fields, payload)
        )
        valid = form.is_valid()
        seen = {**answers, **form.kept}
        wrong = [
            f["key"]
            for f in fields
            if f["key"] in payload
            and not fits(f, payload[f["key"]])
            and is_shown(f["condition"], seen)
        ]
        if valid and not wrong:
            answers.update(form.kept)
            continue
        for key, messages in form.errors.items():
            errors[key] = [str(m) for m in messages]
        for key in wrong:
            errors[key] = [_("答案的格式不对，请按表单说明填写。")]
    if errors:
        raise FormErrors(errors)
    return answers


def check_files(page, spec: dict, answers: dict) -> list[CaseFile]:
    """The uploads the answers name: this form's, for that field, not yet used."""
    wanted = {
        token: field["key"]
        for field in input_fields(spec)
        if field["type"] == "file"
        for token in answers.get(field["key"], [])
    }
    found = {
        f.token: f
        for f in CaseFile.objects.filter(
            token__in=wanted, page=page, submission__isnull=True
        )
    }
    errors: dict[str, list[str]] = {}
    for token, key in wanted.items():
        case_file = found.get(token)
        if case_file is None or case_file.field_key != key:
            errors.setdefault(key, []).append(_("文件令牌无效或已使用，请重新上传。"))
    if errors:
        raise FormErrors(errors)
    return list(found.values())


def protect(spec: dict, answers: dict) -> dict:
    """Answers as stored: personal ones encrypted (JSON text in an `enc:` token)."""
    stored = {}
    for field in input_fields(spec):
        key = field["key"]
        if key not in answers:
            continue
        value = answers[key]
        if field["type"] in PERSONAL_TYPES:
            value = crypto.encrypt(json.dumps(value, ensure_ascii=False))
        stored[key] = value
    return stored


def reveal(spec: dict, stored: dict) -> dict:
    """Stored answers with personal ones decrypted (staff, audited)."""
    answers = {}
    for key, value in stored.items():
        if isinstance(value, str) and value.startswith(crypto.PREFIX):
            text = crypto.decrypt(value)
            value = json.loads(text) if text else None
        answers[key] = value
    return answers


def submit(
    page: ServiceFormPage, payload: dict, idempotency_key: str = ""
) -> tuple[Submission, bool]:
    """Create the case for checked answers; the same key again returns the first one.

    Returns (case, created). Raises FormErrors, or ValidationError when closed.
    """
    if earlier := submitted_with(page, idempotency_key):
        return earlier, False
    if not page.is_open():
        raise ValidationError(_("该表单目前不接受提交。"))
    spec = page.spec
    try:
        answers = validate_answers(spec, payload)
        files = check_files(page, spec, answers)
    except FormErrors:
        # A retry whose first attempt was saved meanwhile finds its files taken.
        if earlier := submitted_with(page, idempotency_key):
            return earlier, False
        raise
    rated = rated_case(page, answers)
    phone = answers.get("contact_phone", "")
    for _attempt in range(5):
        case = Submission(
            page=page,
            reference=references.new_reference(),
            spec=spec,
            form_data=protect(spec, answers),
            phone=crypto.encrypt(phone) if phone else "",
            phone_hash=crypto.keyed_hash(phone, "phone") if phone else "",
            idempotency_key=idempotency_key,
            rating=rating_of(answers),
            rated_case=rated,
            publish_consent=answers.get("publish_consent") is True,
        )
        try:
            with transaction.atomic():
                case.save()
                attached = CaseFile.objects.filter(
                    pk__in=[f.pk for f in files], submission__isnull=True
                ).update(submission=case)
                if attached != len(files):
                    raise FilesTaken  # by another submission since check_files
                CaseEvent.objects.create(submission=case, status=Status.SUBMITTED)
        except FilesTaken:
            if earlier := submitted_with(page, idempotency_key):
                return earlier, False
            check_files(page, spec, answers)  # raises FormErrors naming the fields
            raise RuntimeError("uploads taken, then free again") from None
        except IntegrityError:
            if rated and Submission.objects.filter(rated_case=rated).exists():
                raise FormErrors({"case_reference": [CANNOT_RATE]}) from None
            if earlier := submitted_with(page, idempotency_key):
                return earlier, False  # a concurrent retry won the race
            continue  # a reference collision: draw another
        transaction.on_commit(lambda case=case: announce(case, Status.SUBMITTED, ""))
        return case, True
    raise RuntimeError("no free reference number after 5 draws")


class FilesTaken(Exception):
    """Uploads attached to another case between the check and the save."""


def submitted_with(page, idempotency_key: str) -> Submission | None:
    """The case an earlier request with this key created, if any."""
    if not idempotency_key:
        return None
    return Submission.objects.filter(page=page, idempotency_key=idempotency_key).first()


CANNOT_RATE = gettext_lazy(
    "无法评价该办件：请核对受理编号，并填写办理时留的手机号码。每个办件只能评价一次。"
)


def rated_case(page, answers: dict) -> Submission | None:
    """F14 好差评: the case a survey rates (`case_reference`), once, by its applicant.

    The survey's phone must be the one the case was submitted with. A reference that
    does not exist, a wrong phone and a case already rated get the same answer, so
    that a survey tells nobody which references exist.
    """
    if page.kind != "survey" or not answers.get("case_reference"):
        return None
    reference = references.normalise(answers["case_reference"])
    phone = answers.get("contact_phone", "")
    case = Submission.objects.filter(reference=reference).first()
    if (
        case is None
        or not phone
        or not hmac.compare_digest(case.phone_hash, crypto.keyed_hash(phone, "phone"))
        or Submission.objects.filter(rated_case=case).exists()
    ):
        raise FormErrors({"case_reference": [CANNOT_RATE]})
    return case


def rating_of(answers: dict) -> int | None:
    value = answers.get("rating")
    if isinstance(value, str) and value.isascii() and value.isdigit():
        number = int(value)
        return number if 1 <= number <= 5 else None
    return None


def announce(case: Submission, status: str, note: str) -> None:
    """Tell the applicant in the background (services.tasks)."""
    from .tasks import notify_applicant

    notify_applicant.enqueue(case.pk, status, note)


@transaction.atomic
def change_status(
    case: Submission, status: str, user, note: str = "", comment: str = ""
) -> CaseEvent:
    """Move a case on (only along NEXT_STATUSES), telling the applicant."""
    case = Submission.objects.select_for_update().get(pk=case.pk)
    if status not in NEXT_STATUSES[Status(case.status)]:
        raise ValidationError(
            _("办件当前为“%(now)s”，不能改为“%(new)s”。")
            % {"now": case.get_status_display(), "new": Status(status).label}
        )
    updated = Submission.objects.filter(pk=case.pk, status=case.status).update(
        status=status, updated_at=timezone.now()
    )
    if not updated:
        raise ValidationError(_("办件刚被他人处理过，请刷新后再试。"))
    event = CaseEvent.objects.create(
        submission=case, status=status, note=note, comment=comment, user=user
    )
    transaction.on_commit(lambda: announce(case, status, note))
    if status == Status.ACCEPTED and case.page.specific.push_to_seal_filing:
        from .push import queue_push

        transaction.on_commit(lambda: queue_push(case))
    return event


class LookupBudget:
    """Failed progress lookups per client address and hour: then refused (F9)."""

    WINDOW = 3600

    def __init__(self, address: str):
        self.key = f"case-lookup-failures:{address}"

    def exhausted(self) -> bool:
        return (cache.get(self.key) or 0) >= settings.LOOKUP_FAILURES_PER_HOUR

    def spend(self) -> None:
        cache.add(self.key, 0, self.WINDOW)
        try:
            cache.incr(self.key)
        except ValueError:  # expired between the two calls
            cache.set(self.key, 1, self.WINDOW)

    def wait(self) -> int:
        return self.WINDOW


@functools.cache
def dummy_token() -> str:
    """An encrypted nothing, decrypted when a lookup finds no case (equal work)."""
    return crypto.encrypt("")


def find_case(reference: str, phone_last4: str) -> Submission | None:
    """The case a citizen may see: reference and the phone's last four digits match.

    Anything else — a wrong reference, a wrong number, an anonymous case — is None,
    and costs the same work, so that nothing tells the cases apart.
    """
    reference = references.normalise(reference or "")
    if not references.is_valid(reference):
        return None
    if not (phone_last4.isascii() and phone_last4.isdigit() and len(phone_last4) == 4):
        return None
    case = Submission.objects.filter(reference=reference).first()
    # The same decryption work whether or not the case exists (timing).
    phone = crypto.decrypt(case.phone if case and case.phone else dummy_token())
    # No phone (unknown case, anonymous report, unreadable value): four characters
    # that no four digits match, compared all the same.
    expected = phone[-4:] if len(phone) >= 4 else "----"
    if not hmac.compare_digest(expected, phone_last4) or case is None:
        return None
    return case


def masked(spec_field: dict, value) -> str:
    """A stored (decrypted) answer for display, personal parts masked."""
    kind = spec_field["type"]
    if value in (None, "", []):
        return ""
    if kind == "resident_id":
        return identity.mask_id(value)
    if kind == "id_document" and isinstance(value, dict):
        return identity.mask_id(value.get("number", ""))
    if kind == "name":
        return identity.mask_name(value)
    if kind == "mobile":
        return identity.mask_phone(value)
    if kind == "email" and isinstance(value, str) and "@" in value:
        user, _at, domain = value.partition("@")
        return identity.mask_text(user) + "@" + domain
    if kind == "address" and isinstance(value, dict):
        from . import regions

        return (regions.full_name(value.get("region", "")) or "") + "****"
    return plain(spec_field, value)


def plain(spec_field: dict, value) -> str:
    """An answer as text, in full."""
    kind = spec_field["type"]
    if value in (None, "", []):
        return ""
    if kind == "choice":
        labels = {c["value"]: c["label"] for c in spec_field["choices"]}
        values = value if isinstance(value, list) else [value]
        return "、".join(labels.get(v, v) for v in values)
    if kind == "declaration":
        return _("已确认") if value else ""
    if kind == "id_document" and isinstance(value, dict):
        return f"{identity.DocumentType(value['type']).label} {value['number']}"
    if kind == "address" and isinstance(value, dict):
        from . import regions

        return (regions.full_name(value.get("region", "")) or "") + value.get(
            "detail", ""
        )
    if kind == "file":
        return _("%(n)d 个文件") % {"n": len(value)}
    return str(value)


CLOSED = [Status.REJECTED, Status.COMPLETED, Status.SENT]


def purge(now=None) -> int:
    """Delete cases past their form's retention period (their files go with them).

    Closed cases go once unchanged for the retention period; open ones (a survey or
    report nobody moved on, a case left at 需补正) only after twice that.
    """
    now = now or timezone.now()
    removed = 0
    for page in ServiceFormPage.objects.all().only("pk", "retention_days"):
        days = datetime.timedelta(days=page.retention_days)
        cases = Submission.objects.filter(page=page)
        old = cases.filter(status__in=CLOSED, updated_at__lt=now - days) | cases.filter(
            updated_at__lt=now - 2 * days
        )
        removed += old.delete()[1].get("services.Submission", 0)
    stale = now - datetime.timedelta(days=1)
    for pk in CaseFile.objects.filter(
        submission__isnull=True, created_at__lt=stale
    ).values_list("pk", flat=True):
        # Only if still unused: a submission may have taken it meanwhile.
        CaseFile.objects.filter(pk=pk, submission__isnull=True).delete()
    return removed


@transaction.atomic
def publish_answer(case: Submission, question: str, answer: str, user):
    """F15: publish a question and its answer under the form, if the citizen agreed.

    Staff write the question as it should appear (without the asker's details).
    """
    from .models import AnswerPage

    case = Submission.objects.select_for_update().get(pk=case.pk)  # one at a time
    if not case.publish_consent:
        raise ValidationError(_("提问人未同意公开，不能发布。"))
    if not question.strip() or not answer.strip():
        raise ValidationError(_("请填写要公开的问题和答复。"))
    page = AnswerPage.objects.filter(case=case).first()
    if page is None:
        page = AnswerPage(
            title=question.strip()[:60],
            question=question.strip(),
            answer=answer.strip(),
            answered_at=timezone.now(),
            case=case,
            locale=case.page.locale,
        )
        case.page.specific.add_child(instance=page)
    else:
        page.question, page.answer = question.strip(), answer.strip()
    page.save_revision(user=user, log_action=True).publish(user=user)
    Submission.objects.filter(pk=case.pk).update(
        answer=answer.strip(), published=True, updated_at=timezone.now()
    )
    return page
