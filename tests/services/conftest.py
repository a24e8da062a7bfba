"""A three-step application form with a conditional field, on the test tree."""

import io
import json

import pytest
from PIL import Image as PILImage
from stdnum.cn import ric

from services.models import ServiceFormPage
from tests.factories import add


def resident_id(region="110105", birth="19900307", sequence="123") -> str:
    """A valid resident ID number (the check digit computed, not typed)."""
    body = region + birth + sequence
    return body + ric.calc_check_digit(body + "0")  # it ignores the last character


def stream(*blocks) -> str:
    """Raw StreamField JSON: missing options take the blocks' defaults."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def field(key, label, **options):
    return {"key": key, "label": label, "required": True, **options}


PASSPORT_FORM = stream(
    ("step", {"title": "申请人"}),
    ("name", field("applicant_name", "姓名")),
    ("resident_id", field("id_number", "身份证号码")),
    (
        "choice",
        field(
            "reason",
            "申请事由",
            widget="radio",
            choices=[
                {"value": "first", "label": "首次申领"},
                {"value": "renew", "label": "换发"},
            ],
        ),
    ),
    (
        "text",
        field(
            "old_passport",
            "原护照号码",
            max_length=20,
            condition={"field": "reason", "value": "renew"},
        ),
    ),
    ("step", {"title": "材料"}),
    (
        "file",
        field("photo", "证件照片", allowed_types=["jpg", "png"], max_size_mb=1),
    ),
    ("step", {"title": "承诺"}),
    ("declaration", field("promise", "我承诺", statement="所填信息真实有效。")),
)


@pytest.fixture
def form_page(tree) -> ServiceFormPage:
    return add(
        tree["category"],
        ServiceFormPage(
            title="普通护照申领",
            slug="passport-form",
            form_fields=PASSPORT_FORM,
            courier_allowed=True,
            pickup_allowed=True,
            pickup_locations="出入境接待大厅\n朝阳分局出入境窗口",
            push_to_seal_filing=False,
        ),
    )


def jpeg(size=(300, 400), colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()
