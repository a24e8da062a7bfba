"""One case: its answers (masked unless revealed), history, messages, files, status,
and for a question its published answer."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.admin import messages
from wagtail.admin.views.generic import history
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton

from .. import logic
from ..models import CaseFile, Status, Submission
from ..models.cases import NEXT_STATUSES
from . import answers, audit, publishing
from .listing import REVEAL_PERMISSION, local_time

# Moving to these tells the applicant something is wrong: say what.
NOTE_REQUIRED = {Status.NEEDS_MORE, Status.REJECTED}
# Notice.channel as staff read it (services.notify backends).
CHANNELS = {
    "outbox": gettext_lazy("仅记录，未发出"),
    "email": gettext_lazy("电子邮件"),
    "sms": gettext_lazy("短信"),
}


class StatusForm(forms.Form):
    """The next status (among those allowed now), a note to the applicant, a comment."""

    status = forms.ChoiceField(label=gettext_lazy("改为"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=gettext_lazy("给申请人的说明"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "随状态通知发给申请人，申请人查询进度时也能看到。"
            "需补正或不予受理时必须填写。"
        ),
    )
    comment = forms.CharField(
        label=gettext_lazy("内部备注"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("仅工作人员可见。"),
    )
    current = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, case, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        # Any status passes the field; logic.change_status decides what may follow,
        # and its message is clearer than "not one of the choices".
        self.fields["status"].choices = Status.choices
        self.fields["status"].widget.choices = [
            (status.value, status.label) for status in NEXT_STATUSES[case.status]
        ]
        self.fields["current"].initial = case.status

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("current") and cleaned["current"] != self.case.status:
            raise ValidationError(_("办件刚被他人处理过，请查看最新状态后再操作。"))
        if cleaned.get("status") in NOTE_REQUIRED and not cleaned.get("note"):
            self.add_error("note", _("请写明需补正的内容或不予受理的理由。"))
        return cleaned


class CaseMixin(PermissionCheckedMixin):
    """The case of the URL, for staff who may see cases."""

    model = Submission
    any_permission_required = ["view", "change"]
    index_url_name = None
    inspect_url_name = None
    history_url_name = None

    @cached_property
    def object(self) -> Submission:
        # Looked up after the permission check (in the handler), so that someone
        # without access cannot tell which case numbers exist.
        return get_object_or_404(
            Submission.objects.select_related("page", "rated_case"),
            pk=self.kwargs["pk"],
        )

    def case_url(self) -> str:
        return reverse(self.inspect_url_name, args=[self.object.pk])


class CaseDetailView(CaseMixin, WagtailAdminTemplateMixin, TemplateView):
    """The case as staff handle it; personal answers masked."""

    template_name = "services/admin/case_detail.html"
    header_icon = "form"
    reveal_url_name = None
    status_url_name = None
    download_url_name = None
    answer_url_name = None
    revealed = False

    def get_page_title(self):
        return _("办件 %(reference)s") % {"reference": self.object.display_reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("办件")},
            {"url": "", "label": self.object.display_reference},
        ]

    @cached_property
    def can_change(self) -> bool:
        return self.user_has_permission("change")

    @cached_property
    def header_buttons(self):
        if not (self.history_url_name and self.user_has_permission("change")):
            return []
        return [
            HeaderButton(
                _("访问记录"),
                url=reverse(self.history_url_name, args=[self.object.pk]),
                icon_name="history",
            )
        ]

    def get_context_data(self, status_form=None, answer_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        files = list(case.files.order_by("pk"))
        for case_file in files:
            case_file.url = reverse(
                self.download_url_name, args=[case.pk, case_file.pk]
            )
        notices = list(case.notices.all())
        for notice in notices:
            notice.channel_label = CHANNELS.get(notice.channel, notice.channel)
        if status_form is None and self.can_change and NEXT_STATUSES[case.status]:
            status_form = StatusForm(case)
        context.update(
            case=case,
            revealed=self.revealed,
            steps=answers.steps(case, full=self.revealed, files=files),
            phone=answers.phone_text(case, full=self.revealed),
            submitted_at=local_time(case.submit_time),
            updated_at=local_time(case.updated_at),
            events=case.events.select_related("user"),
            notices=notices,
            deliveries=case.deliveries.order_by("pk"),
            status_form=status_form,
            status_url=reverse(self.status_url_name, args=[case.pk]),
            can_reveal=self.request.user.has_perm(REVEAL_PERMISSION),
            reveal_url=reverse(self.reveal_url_name, args=[case.pk]),
            case_url=self.case_url(),
            # F14: the survey that rated this case, if any (a survey case names the
            # case it rates in rated_case).
            evaluation=Submission.objects.filter(rated_case=case)
            .only("pk", "reference", "rating")
            .first(),
        )
        context.update(self.answer_panel(answer_form))
        return context

    def answer_panel(self, form=None) -> dict:
        """F15 答复与公开: for staff who may change a question case."""
        case = self.object
        if not (self.can_change and publishing.is_question(case)):
            return {"answer_panel": False}
        page = publishing.published_page(case)
        if form is None and case.publish_consent:
            form = publishing.AnswerForm(initial=publishing.initial(case, page))
        return {
            "answer_panel": True,
            "answer_form": form,
            "answer_page": page,
            "answer_page_url": page.get_url(self.request) if page and page.live else "",
            "answer_url": reverse(self.answer_url_name, args=[case.pk]),
        }


class RevealView(CaseDetailView):
    """POST: the same page with full values, once, and an audit entry."""

    http_method_names = ["post"]
    revealed = True

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(REVEAL_PERMISSION):
            raise PermissionDenied
        audit.log(self.object, audit.REVEAL, request.user)
        return self.render_to_response(self.get_context_data())


class StatusView(CaseDetailView):
    """POST: move the case on through logic.change_status; errors shown on the page."""

    http_method_names = ["post"]
    any_permission_required = None
    permission_required = "change"

    def post(self, request, *args, **kwargs):
        case = self.object
        form = StatusForm(case, request.POST)
        if form.is_valid():
            old, new = case.status, form.cleaned_data["status"]
            try:
                logic.change_status(
                    case,
                    new,
                    request.user,
                    note=form.cleaned_data["note"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                audit.log(
                    case, audit.CHANGE_STATUS, request.user, **{"from": old, "to": new}
                )
                messages.success(
                    request,
                    _("办件 %(reference)s 已改为“%(status)s”。")
                    % {
                        "reference": case.display_reference,
                        "status": Status(new).label,
                    },
                )
                return redirect(self.case_url())
        messages.error(request, _("状态未更改，请查看下方的提示。"))
        return self.render_to_response(self.get_context_data(status_form=form))


class PublishAnswerView(CaseDetailView):
    """POST: publish a question case's question and answer (logic.publish_answer)."""

    http_method_names = ["post"]
    any_permission_required = None
    permission_required = "change"

    def post(self, request, *args, **kwargs):
        case = self.object
        if not publishing.is_question(case):
            raise Http404(_("只有咨询建议类办件可以公开问答。"))
        earlier = publishing.published_page(case)
        form = publishing.AnswerForm(request.POST)
        if form.is_valid():
            try:
                page = logic.publish_answer(
                    case,
                    form.cleaned_data["question"],
                    form.cleaned_data["answer"],
                    request.user,
                )
            except PublishPagePermissionError:
                messages.error(request, _("您没有发布页面的权限，请交审核员发布。"))
                return redirect(self.case_url())
            except ValidationError as error:
                # Its messages, not the error: a dict error (a page field) would
                # name fields this form does not have.
                form.add_error(None, error.messages)
            else:
                audit.log(
                    case,
                    audit.PUBLISH_ANSWER,
                    request.user,
                    page=page.pk,
                    updated=earlier is not None,
                )
                done = (
                    _("已更新公开的问答“%(title)s”。")
                    if earlier
                    else _("已发布公开的问答“%(title)s”。")
                )
                url = page.get_url(request)
                messages.success(
                    request,
                    done % {"title": page.title},
                    buttons=[messages.button(url, _("查看"), new_window=True)]
                    if url
                    else None,
                )
                return redirect(self.case_url())
        # The form is not on the page without consent: say why up here too.
        messages.error(
            request,
            " ".join(form.non_field_errors()) or _("问答未发布，请查看下方的提示。"),
        )
        return self.render_to_response(self.get_context_data(answer_form=form))


class FileDownloadView(CaseMixin, View):
    """A citizen's upload, from private storage, as an attachment; audited.

    It needs the reveal permission: a scan of an identity card shows the whole number.
    """

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        if not request.user.has_perm(REVEAL_PERMISSION):
            raise PermissionDenied
        case_file = get_object_or_404(
            CaseFile, pk=kwargs["file_pk"], submission=self.object
        )
        try:
            handle = case_file.file.open("rb")
        except FileNotFoundError:
            raise Http404(_("文件已不存在（可能已按保存期限清理）。")) from None
        audit.log(
            self.object,
            audit.DOWNLOAD,
            request.user,
            file=case_file.pk,
            field=self.field_label(case_file.field_key),
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=case_file.name,
            content_type=case_file.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        return response

    def field_label(self, key: str) -> str:
        for step in (self.object.spec or {}).get("steps", []):
            for field in step["fields"]:
                if field.get("key") == key:
                    return field["label"]
        return key


class CaseHistoryView(history.HistoryView):
    """Wagtail's history of the case: who revealed, downloaded, exported, changed."""

    inspect_url_name = None

    def get_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("返回办件"), url=self.get_edit_url(self.object), icon_name="form"
            )
        ]
