"""The form engine's API for the app: schemas, step checks, uploads, submit, lookup.

The same validators as the web form (services.logic); errors are problem+json with
`invalid_params` named by field key.
"""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from cms.api.filters import MAX_INTEGER
from cms.api.parsers import JSONParser
from cms.api.problems import invalid
from cms.api.richtext import app_html
from cms.api.schema import ok, problems
from cms.api.shapes import DATETIME, STRING, URL, obj
from cms.api.throttling import ClientRateThrottle
from cms.api.urls import absolute
from cms.api.views import ApiView
from cms.net import address_block, client_ip
from guides.models import GuidePage

from . import logic, references, uploads
from .models import FormKind, ServiceFormPage, Status
from .spec import PERSONAL_TYPES, input_fields

FORM_SUMMARY = obj(
    {
        "id": {"type": "integer"},
        "title": STRING,
        "kind": {"type": "string", "enum": FormKind.values},
        "url": URL,
        "is_open": {"type": "boolean"},
        "guide": obj(
            {"id": {"type": "integer"}, "title": STRING, "business": STRING},
            nullable=True,
        ),
    },
    title="FormSummary",
)
CONDITION = obj({"field": STRING, "value": STRING}, nullable=True)
FIELD = {
    "type": "object",
    "title": "FormField",
    "description": "One field. `type` is text, textarea, number, choice, date, "
    "resident_id, id_document ({type, number}), name, mobile, email, address "
    "({region: GB/T 2260 district code, detail}), plate, file (a list of tokens "
    "from …/files/), declaration (true) or guidance (no answer; `html`). "
    "Other properties depend on the type (max_length, min, max, decimal_places, "
    "choices, multiple, past_only, allowed_types, max_size, max_files, statement).",
    "required": ["type", "condition"],
    "properties": {
        "key": STRING,
        "type": STRING,
        "label": STRING,
        "help_text": STRING,
        "required": {"type": "boolean"},
        "condition": CONDITION,
    },
    "additionalProperties": True,
}
FORM_DETAIL = obj(
    {
        "id": {"type": "integer"},
        "title": STRING,
        "kind": {"type": "string", "enum": FormKind.values},
        "intro": STRING,
        "is_open": {"type": "boolean"},
        "opens_at": {**DATETIME, "nullable": True},
        "closes_at": {**DATETIME, "nullable": True},
        "steps": {
            "type": "array",
            "items": obj(
                {
                    "title": STRING,
                    "condition": CONDITION,
                    "fields": {"type": "array", "items": FIELD},
                }
            ),
        },
    },
    title="FormSchema",
)
ANSWERS = {
    "type": "object",
    "description": "Answers keyed by field key.",
    "additionalProperties": True,
}
CASE = obj(
    {
        "reference": STRING,
        "form": STRING,
        "status": {"type": "string", "enum": Status.values},
        "status_label": STRING,
        "submitted_at": DATETIME,
        "history": {
            "type": "array",
            "items": obj(
                {
                    "status": {"type": "string", "enum": Status.values},
                    "status_label": STRING,
                    "note": STRING,
                    "at": DATETIME,
                }
            ),
        },
    },
    title="Case",
)
RECEIPT = obj(
    {"reference": STRING, "status": STRING, "submitted_at": DATETIME},
    title="Receipt",
)
UPLOAD = obj(
    {
        "token": STRING,
        "name": STRING,
        "size": {"type": "integer"},
        "content_type": STRING,
    },
    title="Upload",
)
FORM_ID = OpenApiParameter(
    "page_id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH
)


class SubmitRateThrottle(ClientRateThrottle):
    """API_RATE_LIMITS["submit"] uploads and submissions per client address."""

    scope = "submit"

    def get_rate(self) -> str | None:
        # Settings that name only "api" and "search" (tests, older deployments)
        # leave submissions under the general limit instead of failing every one.
        return settings.API_RATE_LIMITS.get(self.scope)


def open_forms(request):
    """Live, public form pages (drafts and restricted forms never appear)."""
    return ServiceFormPage.objects.live().public().order_by("path")


def form_or_404(request, page_id: int) -> ServiceFormPage:
    if page_id > MAX_INTEGER:  # SQLite cannot even compare a larger number
        raise exceptions.NotFound()
    return get_object_or_404(open_forms(request), pk=page_id)


def field_errors(errors: logic.FormErrors) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {key or "body": messages for key, messages in errors.errors.items()}
    )


class CitizenApiView(ApiView):
    """Citizens' endpoints: anonymous by design (no session or Basic sign-in, so a
    staff member's browser session never changes what they do)."""

    authentication_classes: list = []


class FormListView(CitizenApiView):
    """GET /api/v2/forms/ — the forms the app can offer."""

    @extend_schema(
        operation_id="forms_list",
        summary="Online forms: applications, surveys and reports",
        responses=ok({"type": "array", "items": FORM_SUMMARY}, 400),
    )
    def get(self, request):
        forms = list(open_forms(request))
        guides = {
            guide.apply_form_id: guide
            for guide in GuidePage.objects.live()
            .public()
            .filter(apply_form__in=[f.pk for f in forms])
            .only("pk", "title", "business", "apply_form_id")
        }
        return Response(
            [
                {
                    "id": form.pk,
                    "title": form.title,
                    "kind": form.kind,
                    "url": absolute(form.get_url(request)),
                    "is_open": form.is_open(),
                    "guide": (
                        {
                            "id": guides[form.pk].pk,
                            "title": guides[form.pk].title,
                            "business": guides[form.pk].business,
                        }
                        if form.pk in guides
                        else None
                    ),
                }
                for form in forms
            ]
        )


class FormDetailView(CitizenApiView):
    """GET /api/v2/forms/<id>/ — a form's schema: steps, fields, rules, conditions."""

    @extend_schema(
        operation_id="forms_detail",
        summary="A form's schema",
        parameters=[FORM_ID],
        responses=ok(FORM_DETAIL, 400, 404),
    )
    def get(self, request, page_id: int):
        form = form_or_404(request, page_id)
        steps = []
        for step in form.spec["steps"]:
            fields = [
                {**f, "html": app_html(f["html"], request)}
                if f["type"] == "guidance"
                else f
                for f in step["fields"]
            ]
            steps.append({**step, "fields": fields})
        return Response(
            {
                "id": form.pk,
                "title": form.title,
                "kind": form.kind,
                "intro": app_html(form.intro, request),
                "is_open": form.is_open(),
                "opens_at": form.opens_at,
                "closes_at": form.closes_at,
                "steps": steps,
            }
        )


class ValidateView(CitizenApiView):
    """POST /api/v2/forms/<id>/validate/ — check one step before going on."""

    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="forms_validate",
        summary="Check the answers of one step",
        description='Body: `{"step": n, "answers": {…}}` with the answers of '
        "this step and the earlier ones (conditions may depend on them). 200 with "
        "the answers as they would be stored (normalised) when they pass.",
        parameters=[FORM_ID],
        # A dict is read as {media type: schema}: name the media type.
        request={
            "application/json": obj({"step": {"type": "integer"}, "answers": ANSWERS})
        },
        responses={200: obj({"answers": ANSWERS}), **problems(400, 404, 429)},
    )
    def post(self, request, page_id: int):
        form = form_or_404(request, page_id)
        body = request.data if isinstance(request.data, dict) else {}
        step = body.get("step")
        count = len(form.spec["steps"])
        if not isinstance(step, int) or isinstance(step, bool) or not 0 <= step < count:
            raise invalid("step", _("应为 0 到 %(n)d 之间的整数。") % {"n": count - 1})
        answers = body.get("answers")
        try:
            known = logic.validate_answers(
                form.spec,
                pick(form.spec, answers, range(step)),
                steps=list(range(step)),
            )
            checked = logic.validate_answers(
                form.spec, pick(form.spec, answers, [step]), steps=[step], known=known
            )
        except logic.FormErrors as errors:
            raise field_errors(errors) from None
        # As stored, but identity numbers and contacts masked: never echoed.
        return Response({"answers": masked_answers(form.spec, checked)})


def masked_answers(spec: dict, answers: dict) -> dict:
    fields = {f["key"]: f for f in input_fields(spec)}
    return {
        key: logic.masked(fields[key], value)
        if fields[key]["type"] in PERSONAL_TYPES
        else value
        for key, value in answers.items()
    }


def pick(spec: dict, answers, steps) -> dict:
    """The answers that belong to some steps (unknown keys kept, to be refused)."""
    if not isinstance(answers, dict):
        return answers
    others = {
        f["key"]
        for i, s in enumerate(spec["steps"])
        if i not in steps
        for f in s["fields"]
        if f.get("key")
    }
    return {k: v for k, v in answers.items() if k not in others}


class FileUploadView(CitizenApiView):
    """POST /api/v2/forms/<id>/files/ — upload a material; answer with its token."""

    parser_classes = [MultiPartParser]
    throttle_classes = [ClientRateThrottle, SubmitRateThrottle]

    @extend_schema(
        operation_id="forms_upload",
        summary="Upload a file for a file field",
        description="Multipart: `field` (the field key) and `file`. Checked by "
        "content against the field's allowed types and size. The token goes into "
        "the answers; unused uploads are deleted after a day.",
        parameters=[FORM_ID],
        request={
            "multipart/form-data": obj(
                {"field": STRING, "file": {"type": "string", "format": "binary"}}
            )
        },
        responses={201: UPLOAD, **problems(400, 404, 413, 415, 429)},
    )
    def post(self, request, page_id: int):
        form = form_or_404(request, page_id)
        key = request.data.get("field", "")
        fields = {
            f["key"]: f
            for step in form.spec["steps"]
            for f in step["fields"]
            if f["type"] == "file"
        }
        if key not in fields:
            raise invalid("field", _("这个表单没有该文件字段。"))
        upload = request.FILES.get("file")
        if upload is None:
            raise invalid("file", _("请选择要上传的文件。"))
        try:
            checked = uploads.check_upload(fields[key], upload)
        except DjangoValidationError as error:
            raise invalid("file", " ".join(error.messages)) from None
        case_file = uploads.store(form, fields[key], checked)
        return Response(
            {
                "token": case_file.token,
                "name": case_file.name,
                "size": case_file.size,
                "content_type": case_file.content_type,
            },
            status=201,
        )


class SubmissionView(CitizenApiView):
    """POST /api/v2/forms/<id>/submissions/ — submit; the reference number back."""

    parser_classes = [JSONParser]
    throttle_classes = [ClientRateThrottle, SubmitRateThrottle]

    @extend_schema(
        operation_id="forms_submit",
        summary="Submit an application (idempotent)",
        description="Body: the answers keyed by field key. The `Idempotency-Key` "
        "header (8–64 characters; use a random UUID, new for each application) makes "
        "a retry safe: the same key returns the first submission's receipt (200) "
        "instead of creating a second case (201).",
        parameters=[
            FORM_ID,
            OpenApiParameter(
                "Idempotency-Key",
                {"type": "string", "minLength": 8, "maxLength": 64},
                OpenApiParameter.HEADER,
                required=True,
            ),
        ],
        request={"application/json": ANSWERS},
        responses={200: RECEIPT, 201: RECEIPT, **problems(400, 404, 415, 429)},
    )
    def post(self, request, page_id: int):
        form = form_or_404(request, page_id)
        key = request.headers.get("Idempotency-Key", "")
        if not (8 <= len(key) <= 64 and key.isascii() and key.isprintable()):
            raise invalid(
                "Idempotency-Key",
                _("请在请求头 Idempotency-Key 中提供 8 到 64 个字符的随机值。"),
            )
        try:
            case, created = logic.submit(form, request.data, key)
        except logic.FormErrors as errors:
            raise field_errors(errors) from None
        except DjangoValidationError as error:
            raise invalid("page_id", " ".join(error.messages)) from None
        return Response(
            {
                "reference": case.reference,
                "status": case.status,
                "submitted_at": case.submit_time,
            },
            status=201 if created else 200,
        )


class CaseView(CitizenApiView):
    """GET /api/v2/cases/<reference>/?phone_last4=NNNN — a case's status history."""

    @extend_schema(
        operation_id="cases_detail",
        summary="Look up a case (F9)",
        description="Needs the last four digits of the phone given on the form. "
        "A wrong combination is a 404 that tells nothing apart; ten of them in an "
        "hour from one address are refused (429).",
        parameters=[
            OpenApiParameter("reference", OpenApiTypes.STR, OpenApiParameter.PATH),
            OpenApiParameter(
                "phone_last4", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True
            ),
        ],
        responses={200: CASE, **problems(400, 404, 429)},
    )
    def get(self, request, reference: str):
        last4 = request.GET.get("phone_last4", "")
        if not (len(last4) == 4 and last4.isascii() and last4.isdigit()):
            raise invalid("phone_last4", _("请填写手机号的后四位数字。"))
        budget = logic.LookupBudget(address_block(client_ip(request)))
        if budget.exhausted():
            raise exceptions.Throttled(wait=budget.wait())
        case = logic.find_case(reference, last4)
        if case is None:
            budget.spend()
            raise exceptions.NotFound(_("没有找到与受理编号和手机号后四位相符的办件。"))
        return Response(case_json(case))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors too: a shared cache must not keep a 404 or 429 about a case.
        response["Cache-Control"] = "private, no-store"
        return response


def case_json(case) -> dict:
    return {
        "reference": references.display(case.reference),
        "form": case.page.title,
        "status": case.status,
        "status_label": case.get_status_display(),
        "submitted_at": case.submit_time,
        "history": [
            {
                "status": event.status,
                "status_label": event.get_status_display(),
                "note": event.note,
                "at": event.created_at,
            }
            for event in case.events.all()
        ],
    }
