"""Admin sign-in throttling (django-axes) through Wagtail's real login view, and the
client address it keys on (cms.net.client_ip)."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from cms.net import client_ip

LOGIN = "/admin/login/"
NAME = "zhangwei"
PASSWORD = "correct-horse-battery"
OFFICE = "192.0.2.10"
HOME = "198.51.100.20"
PROXY = "10.0.0.2"
CLIENT = "203.0.113.7"

lockout = override_settings(AXES_ENABLED=True)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        NAME, password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password: str, **meta):
    """POST the Wagtail login form; returns the response."""
    return client.post(
        LOGIN, {"username": NAME, "password": password, "next": "/admin/"}, **meta
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, times: int, **meta) -> list[int]:
    return [sign_in(client, "wrong-password", **meta).status_code for _ in range(times)]


def assert_locked_out(response) -> None:
    assert response.status_code == 429
    assert "登录已暂停" in response.content.decode()


@lockout
def test_five_wrong_passwords_lock_the_user_out_from_that_address(client, staff):
    """The sixth attempt is refused with the lockout page, even with the password."""
    assert settings.AXES_FAILURE_LIMIT == 5
    statuses = fail(client, settings.AXES_FAILURE_LIMIT, REMOTE_ADDR=OFFICE)
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # form again
    assert statuses[-1] == 429  # the fifth failure already answers with the lockout
    response = sign_in(client, PASSWORD, REMOTE_ADDR=OFFICE)
    assert_locked_out(response)
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302  # back to the login page
    attempt = AccessAttempt.objects.get(username=NAME)
    assert attempt.ip_address == OFFICE
    assert attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


@lockout
def test_four_wrong_passwords_do_not_lock(client, staff):
    """Below the limit the right password still signs in, and resets the count."""
    fail(client, settings.AXES_FAILURE_LIMIT - 1, REMOTE_ADDR=OFFICE)
    response = sign_in(client, PASSWORD, REMOTE_ADDR=OFFICE)
    assert response.status_code == 302
    assert signed_in(client)
    assert not AccessAttempt.objects.filter(username=NAME).exists()


@lockout
def test_the_lockout_is_per_user_and_address(client, staff):
    """Locked out at one address, the same user signs in from another."""
    fail(client, settings.AXES_FAILURE_LIMIT, REMOTE_ADDR=OFFICE)
    assert_locked_out(sign_in(client, PASSWORD, REMOTE_ADDR=OFFICE))
    response = sign_in(client, PASSWORD, REMOTE_ADDR=HOME)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert signed_in(client)


@lockout
def test_axes_reset_username_unlocks(client, staff):
    """`manage.py axes_reset_username <name>` lifts the lockout early."""
    fail(client, settings.AXES_FAILURE_LIMIT, REMOTE_ADDR=OFFICE)
    assert_locked_out(sign_in(client, PASSWORD, REMOTE_ADDR=OFFICE))
    call_command("axes_reset_username", NAME)
    assert not AccessAttempt.objects.filter(username=NAME).exists()
    response = sign_in(client, PASSWORD, REMOTE_ADDR=OFFICE)
    assert response.status_code == 302
    assert signed_in(client)


@lockout
def test_the_lockout_page_is_private_and_under_the_admin_policy(client, staff):
    """The lockout answer is never cached and keeps the admin's CSP."""
    fail(client, settings.AXES_FAILURE_LIMIT, REMOTE_ADDR=OFFICE)
    response = sign_in(client, PASSWORD, REMOTE_ADDR=OFFICE)
    assert_locked_out(response)
    assert "no-store" in response["Cache-Control"]
    assert "object-src 'none'" in response["Content-Security-Policy"]


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_a_forged_forwarded_for_does_not_escape_the_lockout(
    client, staff
):
    """Behind one proxy, changing a forged X-Forwarded-For per attempt still locks."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        # The proxy appends the address it saw to what the client sent.
        forged = f"192.0.2.{100 + number}, {CLIENT}"
        sign_in(
            client, "wrong-password", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forged
        )
    response = sign_in(
        client,
        PASSWORD,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"192.0.2.99, {CLIENT}",
    )
    assert response.status_code == 429
    assert not signed_in(client)


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_one_visitors_failures_do_not_lock_out_another(client, staff):
    """Two visitors behind the same proxy are two addresses, not one."""
    fail(
        client,
        settings.AXES_FAILURE_LIMIT,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=HOME,
    )
    response = sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT)
    assert response.status_code == 302
    assert signed_in(client)


def request(remote: str = PROXY, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post(LOGIN, **meta)


@override_settings(TRUSTED_PROXY_COUNT=0)
@pytest.mark.parametrize("forwarded", [CLIENT, f"1.2.3.4, {CLIENT}", "garbage"])
def test_forwarded_for_is_ignored_without_a_trusted_proxy(forwarded):
    """With no proxy anyone can send X-Forwarded-For: the address is REMOTE_ADDR."""
    assert client_ip(request(OFFICE, forwarded)) == OFFICE


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_without_forwarded_for_the_peer_is_used():
    """A request that reached us without the header falls back to REMOTE_ADDR."""
    assert client_ip(request(PROXY)) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize(
    "forwarded",
    [
        pytest.param(CLIENT, id="honest-client"),
        pytest.param(f"1.2.3.4, {CLIENT}", id="forged-entry-first"),
    ],
)
def test_behind_one_proxy_the_address_the_proxy_saw_is_used(forwarded):
    """With TRUSTED_PROXY_COUNT=1 the address is the one our proxy appended."""
    assert client_ip(request(PROXY, forwarded)) == CLIENT


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_address_the_first_proxy_saw_is_used():
    """CDN then nginx: X-Forwarded-For is "client, cdn"; the address is the client."""
    assert client_ip(request(PROXY, f"{CLIENT}, 10.0.0.5")) == CLIENT
