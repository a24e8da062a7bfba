"""The citizen's side: a form step by step, the check page, submit, progress lookup.

Answers between steps live in the session, encrypted (they may hold an ID number).
A step can only be reached once the steps before it were answered; the final submit
checks every answer again with the API's validator, so a tampered session or a
forged hidden step stores nothing.
"""

import json
import secrets

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.net import address_block, client_ip

from . import crypto, logic, uploads
from .forms import KEPT_WHEN_BLANK, AnswersForm, store_pending
from .models import Status
from .spec import input_fields, shown_answers, shown_steps


def session_key(page) -> str:
    return f"service-form-{page.pk}"


def load_state(request, page) -> dict:
    raw = request.session.get(session_key(page))
    state = json.loads(crypto.decrypt(raw) or "{}") if raw else {}
    if state.get("revision") != page.live_revision_id:
        state = {}  # the form was republished: start again with the new version
    state.setdefault("revision", page.live_revision_id)
    state.setdefault("answers", {})
    state.setdefault("done", [])
    state.setdefault("token", secrets.token_urlsafe(24))
    return state


def save_state(request, page, state: dict) -> None:
    request.session[session_key(page)] = crypto.encrypt(json.dumps(state))


def step_url(page, number: int) -> str:
    return page.url + page.reverse_subpage("step", kwargs={"number": number})


def render(request, page, template: str, status: int = 200, **context):
    context.setdefault("page", page)
    context.setdefault("self", page)
    return TemplateResponse(request, f"services/{template}", context, status=status)


def step_view(request, page, number: int, preview: bool = False):
    """Show or take one step; GET of a step past the first unanswered one redirects."""
    if not page.is_open() and not preview:
        return render(request, page, "closed.html")
    state = {"answers": {}, "done": []} if preview else load_state(request, page)
    spec = page.spec
    visible = list(range(len(spec["steps"]))) if preview else visible_steps(spec, state)
    if number not in visible:
        return redirect(step_url(page, visible[0]))
    earlier = [i for i in visible if i < number]
    if not preview and any(i not in state["done"] for i in earlier):
        first_open = next(i for i in earlier if i not in state["done"])
        return redirect(step_url(page, first_open))
    step = spec["steps"][number]
    known = {k: v for k, v in state["answers"].items() if k not in keys_of(step)}
    kept = kept_of(step, state["answers"])
    status = 200
    if request.method == "POST" and not preview:
        if request.FILES and over_budget(request):
            return too_many(request, page)
        form = AnswersForm(
            step["fields"],
            known={**known, **kept},
            data=request.POST,
            files=request.FILES,
        )
        if form.is_valid():
            store_pending(form, lambda f, c: uploads.store(page, f, c).token)
            for key in keys_of(step):
                state["answers"].pop(key, None)
            state["answers"].update(form.kept)
            state["done"] = sorted(set(state["done"]) | {number})
            save_state(request, page, state)
            following = [i for i in visible_steps(spec, state) if i > number]
            if following:
                return redirect(step_url(page, following[0]))
            return redirect(page.url + page.reverse_subpage("check"))
        status = 400
    else:
        initial = {k: v for k, v in state["answers"].items() if k not in kept}
        form = AnswersForm(step["fields"], known=known, initial=initial)
    return render(
        request,
        page,
        "service_form_page.html",
        status=status,
        form=form,
        step=step,
        number=number,
        position=visible.index(number) + 1,
        total=len(visible),
        previous=step_url(page, earlier[-1]) if earlier else None,
        uploaded=files_of(step, state["answers"]),
        remembered=remembered(step, kept),
        preview=preview,
    )


def visible_steps(spec: dict, state: dict) -> list[int]:
    """The steps the answers make visible (answers to hidden fields not counted)."""
    return shown_steps(spec, shown_answers(spec, state["answers"]))


def kept_of(step: dict, answers: dict) -> dict:
    """This step's answers that stay when their field is left blank."""
    return {
        f["key"]: answers[f["key"]]
        for f in step["fields"]
        if f["type"] in KEPT_WHEN_BLANK and f["key"] in answers
    }


def remembered(step: dict, kept: dict) -> dict:
    """Identity numbers given before, masked, to say that they are kept."""
    return {
        f["key"]: logic.masked(f, kept[f["key"]])
        for f in step["fields"]
        if f["type"] in {"resident_id", "id_document"} and f["key"] in kept
    }


def over_budget(request) -> bool:
    """Uploads and submissions on the web share the API's per-address budget."""
    from .api import SubmitRateThrottle

    return not SubmitRateThrottle().allow_request(request, None)


def too_many(request, page):
    return render(request, page, "closed.html", status=429, too_many=True)


def keys_of(step: dict) -> set[str]:
    return {f["key"] for f in step["fields"] if f.get("key")}


def files_of(step: dict, answers: dict) -> dict:
    return {
        f["key"]: answers[f["key"]]
        for f in step["fields"]
        if f["type"] == "file" and f["key"] in answers
    }


def check_view(request, page):
    """Check your answers, then submit (once: the session's token is the key)."""
    state = load_state(request, page)
    spec = page.spec
    visible = visible_steps(spec, state)
    missing = [i for i in visible if i not in state["done"]]
    if missing:
        return redirect(step_url(page, missing[0]))
    error = None
    if request.method == "POST":
        if over_budget(request):
            return too_many(request, page)
        try:
            case, _created = logic.submit(page, state["answers"], state["token"])
        except logic.FormErrors as errors:
            error = _("有答案未通过检查，请返回修改：") + "；".join(
                label_of(spec, key) for key in errors.errors
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            request.session.pop(session_key(page), None)
            request.session[f"{session_key(page)}-done"] = case.pk
            return redirect(page.url + page.reverse_subpage("done"))
    rows = []
    answers = shown_answers(spec, state["answers"])
    for index in visible:
        step = spec["steps"][index]
        items = [
            (f["label"], shown(f, answers[f["key"]]))
            for f in step["fields"]
            if f.get("key") in answers
        ]
        rows.append((step["title"], step_url(page, index), items))
    status = 400 if error else 200
    return render(request, page, "check.html", status=status, rows=rows, error=error)


def shown(field: dict, value) -> str:
    """An answer on the check page: identity numbers masked (DESIGN.md), the rest
    in full so that the applicant can check it."""
    if field["type"] in {"resident_id", "id_document"}:
        return logic.masked(field, value)
    return logic.plain(field, value)


def label_of(spec: dict, key: str) -> str:
    for field in input_fields(spec):
        if field["key"] == key:
            return field["label"]
    return key


def done_view(request, page):
    """The confirmation with the reference number (kept in the session, not the URL)."""
    from .models import Submission

    case_id = request.session.get(f"{session_key(page)}-done")
    case = Submission.objects.filter(pk=case_id, page=page).first() if case_id else None
    if case is None:
        return redirect(page.url)
    return render(request, page, "done.html", case=case)


def lookup(request):
    """F9: reference number + last four digits of the phone → the status history."""
    from .models import Submission

    case = None
    error = None
    status = 200
    reference = request.POST.get("reference", "")[:40]
    if request.method == "POST":
        budget = logic.LookupBudget(address_block(client_ip(request)))
        if budget.exhausted():
            error = _("查询次数过多，请一小时后再试。")
            status = 429
        else:
            found = logic.find_case(reference, request.POST.get("phone_last4", "")[:8])
            if found is None:
                budget.spend()
                status = 404
                error = _("没有找到与受理编号和手机号后四位相符的办件，请核对后再试。")
            else:
                case = (
                    Submission.objects.select_related("page")
                    .prefetch_related("events")
                    .get(pk=found.pk)
                )
    response = TemplateResponse(
        request,
        "services/lookup.html",
        {
            "case": case,
            "error": error,
            "reference": reference if error else "",
            "statuses": Status,
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response
