"""Every API error is RFC 9457 problem details, whoever raises it."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"] and problem["type"]
    return problem


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v2/pages/?limit=abc", 400),  # Wagtail's own check
        ("/api/v2/pages/?fee_amount=abc&type=guides.GuidePage", 400),  # ours
        ("/api/v2/pages/999999/", 404),  # Wagtail's view
        ("/api/v2/pages/abc/", 404),  # no URL pattern: Django's 404 handler
        ("/api/v2/nope/", 404),
        ("/api/", 404),
        ("/api/v2/app/home/?locale=xx", 400),
        ("/api/v2/news/?cursor=garbage", 400),
    ],
)
def test_errors_of_every_origin(client, tree, url, status):
    assert_problem(client.get(url), status)


def test_a_post_to_an_unknown_api_address_is_a_problem_not_a_csrf_page(tree):
    strict = Client(enforce_csrf_checks=True)
    assert_problem(strict.post("/api/v2/nope/", {"a": "b"}), 404)
    assert_problem(strict.post("/api/v2/forms/-1/files/"), 404)


def test_invalid_parameters_are_named(client, tree):
    problem = assert_problem(
        client.get(
            "/api/v2/pages/",
            {"type": "cms.TransparencyPage", "issue_date": "2025-13-45"},
        ),
        400,
    )
    assert problem["invalid_params"] == [
        {"name": "issue_date", "reason": "格式不正确。"}
    ]
    assert problem["type"] == "/api/problems/invalid-parameters/"


def test_method_not_allowed(client, tree):
    problem = assert_problem(client.post("/api/v2/pages/"), 405)
    assert "POST" in problem["detail"]
    assert_problem(client.delete("/api/v2/app/home/"), 405)


def test_titles_follow_the_language_asked_for(client, tree):
    problem = client.get("/api/v2/pages/?limit=abc", HTTP_ACCEPT_LANGUAGE="en").json()
    assert problem["title"] == "Invalid request parameters"


@override_settings(ROOT_URLCONF="tests.api.error_urls")
@pytest.mark.parametrize("status", [401, 403, 415])
def test_authentication_permission_and_media_type_errors(client, tree, status):
    response = client.get(f"/api/v2/failing/{status}/")
    assert_problem(response, status)
    if status == 401:
        assert response["WWW-Authenticate"] == 'Bearer realm="jingwu"'


@override_settings(ROOT_URLCONF="tests.api.error_urls")
def test_a_bug_is_a_500_problem_without_the_traceback(tree):
    client = Client(raise_request_exception=False)
    problem = assert_problem(client.get("/api/v2/failing/500/"), 500)
    assert "a bug" not in problem["detail"] and "Traceback" not in str(problem)
