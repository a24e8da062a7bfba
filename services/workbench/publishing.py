"""F15 on the case page: the question and answer staff publish, and what prefills them.

Publishing itself is logic.publish_answer; this module only reads the case.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import logic
from ..models import AnswerPage, FormKind, Submission

# The citizen's question in a question form's answers (a textarea, not personal).
QUESTION_KEY = "question"


class AnswerForm(forms.Form):
    """The question as the public will read it, and the bureau's answer."""

    question = forms.CharField(
        label=_("问题（公开的文字）"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("公开前请删去姓名、电话、证件号码、住址等个人信息。"),
    )
    answer = forms.CharField(label=_("答复"), widget=forms.Textarea(attrs={"rows": 6}))


def is_question(case: Submission) -> bool:
    """Whether the case came from a question form (咨询建议) as that form is now."""
    return getattr(case.page.specific, "kind", None) == FormKind.QUESTION


def published_page(case: Submission) -> AnswerPage | None:
    """The case's answer page, published or not, if there is one."""
    try:
        return case.answer_page
    except Submission.answer_page.RelatedObjectDoesNotExist:
        return None


def asked(case: Submission) -> str:
    """The citizen's question as submitted, or "" when the form had none.

    Decrypted through logic.reveal in case the field was ever personal; it is shown
    only to be rewritten for the public, so it is not an audited reveal.
    """
    stored = case.form_data or {}
    if QUESTION_KEY not in stored:
        return ""
    try:
        value = logic.reveal(case.spec, {QUESTION_KEY: stored[QUESTION_KEY]})
    except ValueError:  # an unreadable token: nothing to prefill
        return ""
    text = value[QUESTION_KEY]
    return text if isinstance(text, str) else ""


def initial(case: Submission, page: AnswerPage | None) -> dict:
    """What the form starts with: the published text once there is one (it may have
    been edited since, in the form or the page editor), else the citizen's question
    and the case's answer."""
    if page is not None:
        return {"question": page.question, "answer": page.answer}
    return {"question": asked(case), "answer": case.answer}
