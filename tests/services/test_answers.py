"""F15: a question answered by staff joins the site (and its search) only with the
asker's consent, without the asker's details."""

import json

import pytest
from django.core.exceptions import ValidationError

from services import logic
from services.models import AnswerPage, FormKind, ServiceFormPage
from tests.factories import add

QUESTION_FORM = json.dumps(
    [
        {
            "type": "textarea",
            "value": {"key": "question", "label": "您的问题", "required": True},
        },
        {
            "type": "declaration",
            "value": {
                "key": "publish_consent",
                "label": "同意公开",
                "required": False,
                "statement": "同意在隐去个人信息后公开问题和答复。",
            },
        },
    ]
)


@pytest.fixture
def question_form(tree):
    return add(
        tree["interaction"],
        ServiceFormPage(
            title="咨询建议",
            slug="ask",
            kind=FormKind.QUESTION,
            form_fields=QUESTION_FORM,
        ),
    )


def ask(form, consent: bool, n: int = 1):
    answers = {"question": "护照丢失后多久可以补办？", "contact_phone": "13800001234"}
    if consent:
        answers["publish_consent"] = True
    case, _created = logic.submit(form, answers, f"ask-key-{n}-{consent}")
    return case


def test_an_answer_with_consent_is_published_and_found(question_form, client, staff):
    case = ask(question_form, consent=True)
    page = logic.publish_answer(
        case, "护照丢失后多久可以补办？", "挂失后即可申请补发。", staff["moderator"]
    )
    assert page.live and page.get_parent().pk == question_form.pk
    response = client.get(page.url)
    assert response.status_code == 200
    assert "挂失后即可申请补发" in response.text
    assert "1380000" not in response.text
    found = client.get("/search/", {"q": "护照丢失"})
    assert page.url in found.text
    case.refresh_from_db()
    assert case.published and case.answer == "挂失后即可申请补发。"


def test_publishing_again_updates_the_same_page(question_form, staff):
    case = ask(question_form, consent=True)
    logic.publish_answer(case, "问题", "第一版答复", staff["moderator"])
    logic.publish_answer(case, "问题", "更正后的答复", staff["moderator"])
    assert AnswerPage.objects.get().answer == "更正后的答复"


def test_no_consent_no_publication(question_form, staff):
    case = ask(question_form, consent=False)
    with pytest.raises(ValidationError):
        logic.publish_answer(case, "问题", "答复", staff["moderator"])
    assert not AnswerPage.objects.exists()
