"""F14 好差评: a survey rates a case 1–5, once per case."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from services import logic
from services.models import FormKind, ServiceFormPage
from services.uploads import check_upload, store
from tests.factories import add
from tests.services.conftest import jpeg, resident_id

SURVEY = json.dumps(
    [
        {"type": "text", "value": {"key": "case_reference", "label": "受理编号"}},
        {
            "type": "choice",
            "value": {
                "key": "rating",
                "label": "总体评价",
                "widget": "radio",
                "choices": [
                    {"value": str(n), "label": label}
                    for n, label in enumerate(
                        ["非常不满意", "不满意", "一般", "满意", "非常满意"], 1
                    )
                ],
            },
        },
        {
            "type": "textarea",
            "value": {"key": "comment", "label": "意见", "required": False},
        },
    ]
)


@pytest.fixture
def survey(tree):
    return add(
        tree["interaction"],
        ServiceFormPage(
            title="满意度评价",
            slug="survey",
            kind=FormKind.SURVEY,
            form_fields=SURVEY,
            contact_required=False,
        ),
    )


@pytest.fixture
def case(form_page):
    answers = {
        "applicant_name": "王小明",
        "id_number": resident_id(),
        "reason": "first",
        "promise": True,
        "contact_phone": "13800001234",
        "delivery": "pickup",
        "pickup_location": "l1",
    }
    photo = {
        "key": "photo",
        "allowed_types": ["jpg"],
        "max_size": 10**6,
        "max_files": 1,
    }
    upload = SimpleUploadedFile("photo.jpg", jpeg())
    answers["photo"] = [store(form_page, photo, check_upload(photo, upload)).token]
    made, _created = logic.submit(form_page, answers, "survey-case-1")
    return made


def rate(survey, reference: str, rating: str, key: str, phone: str = "13800001234"):
    answers = {"case_reference": reference, "rating": rating, "contact_phone": phone}
    return logic.submit(survey, answers, key)[0]


def test_a_case_is_rated_once(survey, case):
    evaluation = rate(survey, case.display_reference.lower(), "4", "rate-1")
    assert evaluation.rating == 4 and evaluation.rated_case == case
    with pytest.raises(logic.FormErrors) as refused:
        rate(survey, case.reference, "1", "rate-2")
    assert "case_reference" in refused.value.errors


def test_only_the_applicants_phone_may_rate_a_case(survey, case):
    with pytest.raises(logic.FormErrors) as refused:
        rate(survey, case.reference, "1", "rate-5", phone="13900009999")
    unknown = pytest.raises(logic.FormErrors)
    with unknown as not_found:
        rate(survey, "0000-0000-000", "1", "rate-6")
    # The same words whether the case exists or not: nothing to probe.
    assert refused.value.errors == not_found.value.errors
    assert rate(survey, case.reference, "5", "rate-7").rated_case == case


def test_an_unknown_reference_or_rating_is_refused(survey, case):
    with pytest.raises(logic.FormErrors) as refused:
        rate(survey, "0000-0000-000", "5", "rate-3")
    assert "case_reference" in refused.value.errors
    with pytest.raises(logic.FormErrors) as refused:
        rate(survey, case.reference, "6", "rate-4")
    assert "rating" in refused.value.errors
