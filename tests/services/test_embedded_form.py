"""A form placed inside another page: its first step there, the rest on the form."""

import pytest

from services.models import Submission
from tests.factories import publish


@pytest.fixture
def talk(tree, form_page):
    page = tree["interaction"].specific
    page.body = [("form", {"page": form_page, "heading": "在线申请护照"})]
    return publish(page)


def test_the_first_step_shows_in_the_page_and_continues_on_the_form(
    client, talk, form_page
):
    html = client.get(talk.url).text
    assert "在线申请护照" in html
    assert 'name="applicant_name"' in html
    assert f'action="{form_page.url}step/0/"' in html
    response = client.post(
        f"{form_page.url}step/0/",
        {"applicant_name": "王小明", "id_number": "1", "reason": "first"},
    )
    assert response.status_code == 400  # the wrong ID number, shown on the form page
    assert "请" in response.text and not Submission.objects.exists()


def test_the_api_gives_the_form_id_and_hides_a_draft_form(client, talk, form_page):
    body = client.get(f"/api/v2/pages/{talk.pk}/").json()["body"]
    assert body[0]["value"]["form_id"] == form_page.pk
    form_page.unpublish()
    assert client.get(f"/api/v2/pages/{talk.pk}/").json()["body"] == []
    assert 'name="applicant_name"' not in client.get(talk.url).text
