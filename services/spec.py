"""A form's description as plain data: steps, fields, conditions.

`form_spec` turns the editor's blocks into the snapshot that submissions keep and the
API publishes; everything else (the builder, the check page, the staff views) reads
the snapshot, so old cases display as they were answered.
"""

from django.utils.translation import gettext as _

from .blocks import condition_spec

# Types whose answers are personal: stored encrypted, shown masked.
PERSONAL_TYPES = {"resident_id", "id_document", "name", "mobile", "email", "address"}
# Types that take no answer.
DISPLAY_TYPES = {"guidance"}


def form_spec(stream) -> dict:
    """{"steps": [{"title", "condition", "fields": [...]}]} from a form StreamField."""
    steps: list[dict] = []
    for child in stream:
        if child.block_type == "step":
            steps.append(
                {
                    "title": child.value["title"],
                    "condition": condition_spec(child.value.get("condition")),
                    "fields": [],
                }
            )
            continue
        if not steps:
            steps.append({"title": _("填写信息"), "condition": None, "fields": []})
        steps[-1]["fields"].append(child.block.spec(child.value))
    return {"steps": [step for step in steps if step["fields"]]}


def input_fields(spec: dict) -> list[dict]:
    """Every field that takes an answer, in order, across steps."""
    return [
        field
        for step in spec["steps"]
        for field in step["fields"]
        if field["type"] not in DISPLAY_TYPES
    ]


def is_shown(condition: dict | None, answers: dict) -> bool:
    """Whether a condition holds for the answers given so far."""
    if not condition:
        return True
    answer = answers.get(condition["field"])
    wanted = condition["value"]
    if isinstance(answer, list):
        return wanted in answer
    if isinstance(answer, bool):
        return answer == (wanted.lower() in {"是", "yes", "true", "1", "on"})
    return answer is not None and str(answer) == wanted


def shown_steps(spec: dict, answers: dict) -> list[int]:
    """Indexes of the steps the answers so far make visible."""
    return [
        index
        for index, step in enumerate(spec["steps"])
        if is_shown(step["condition"], answers)
    ]


def shown_answers(spec: dict, answers: dict) -> dict:
    """Only the answers of fields that are shown (hidden ones are never stored)."""
    kept: dict = {}
    for step in spec["steps"]:
        if not is_shown(step["condition"], kept):
            continue
        for field in step["fields"]:
            key = field.get("key")
            if key in answers and is_shown(field["condition"], kept):
                kept[key] = answers[key]
    return kept
