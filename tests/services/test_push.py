"""F5: an accepted case is pushed, signed, to a real HTTP receiver on loopback."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from services import logic
from services.models import Delivery, ServiceFormPage, Submission
from tests.factories import add
from tests.services.conftest import field, resident_id, stream

pytestmark = pytest.mark.django_db

SECRET = "filing-secret-for-tests"
SEAL_FORM = stream(
    ("text", field("company", "单位名称", max_length=60)),
    ("resident_id", field("legal_id", "法定代表人身份证号码")),
)


class Receiver:
    """A filing system on 127.0.0.1 that answers with the statuses it is given.

    Each request's headers and body are kept; after the scripted statuses run out,
    it answers with the last one. A status of 0 answers with a line that is no HTTP.
    """

    def __init__(self, *statuses: int):
        self.statuses = list(statuses)
        self.requests: list[tuple[dict, bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                receiver.requests.append((dict(self.headers), self.rfile.read(length)))
                index = min(len(receiver.requests), len(receiver.statuses)) - 1
                status = receiver.statuses[index]
                if status == 0:
                    self.wfile.write(b"NONSENSE\r\n\r\n")
                    return
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass  # keep the test output quiet

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/filings/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def seal_form(tree) -> ServiceFormPage:
    return add(
        tree["category"],
        ServiceFormPage(
            title="公章刻制备案",
            slug="seal-filing",
            form_fields=SEAL_FORM,
            push_to_seal_filing=True,
        ),
    )


@pytest.fixture
def case(seal_form) -> Submission:
    data = {
        "company": "某某科技有限公司",
        "legal_id": resident_id(),
        "contact_phone": "13912345678",
    }
    return logic.submit(seal_form, data, "seal-key-0001")[0]


@pytest.fixture
def filing(settings):
    """Point the push at a receiver (set by the test) with the shared secret."""

    def configure(receiver: Receiver, attempts: int = 5):
        settings.SEAL_FILING_URL = receiver.url
        settings.SEAL_FILING_SECRET = SECRET
        settings.PUSH_ATTEMPTS = attempts

    return configure


def accept(case, capture) -> None:
    """Accept the case and run what waits for the commit (the push, the notice)."""
    with capture(execute=True):
        logic.change_status(case, "accepted", user=None, note="已受理。")


def verifies(headers: dict, body: bytes) -> bool:
    timestamp = headers["X-Jingwu-Timestamp"]
    digest = hmac.new(
        SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(headers["X-Jingwu-Signature"], "sha256=" + digest)


def test_a_failed_push_is_retried_and_the_retry_is_signed(
    case, filing, django_capture_on_commit_callbacks
):
    with Receiver(500, 200) as receiver:
        filing(receiver)
        accept(case, django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 2
    headers, body = receiver.requests[1]
    assert verifies(headers, body)
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert abs(int(headers["X-Jingwu-Timestamp"]) - time.time()) < 60
    delivery = Delivery.objects.get(submission=case)
    assert headers["X-Jingwu-Delivery"] == str(delivery.pk)
    assert receiver.requests[0][0]["X-Jingwu-Delivery"] == str(delivery.pk)
    filed = json.loads(body)
    assert filed["reference"] == case.reference
    assert filed["form"] == "公章刻制备案"
    assert filed["answers"]["company"] == "某某科技有限公司"
    assert delivery.state == Delivery.State.DELIVERED
    assert delivery.attempts == 2
    assert delivery.delivered_at is not None and delivery.last_error == ""


def test_the_push_waits_for_the_commit(
    case, filing, django_capture_on_commit_callbacks
):
    """Nothing is sent before the commit, so a rolled-back acceptance sends nothing."""
    with Receiver(200) as receiver:
        filing(receiver)
        with django_capture_on_commit_callbacks() as callbacks:
            logic.change_status(case, "accepted", user=None)
        assert receiver.requests == []
        assert not Delivery.objects.exists()
        for callback in callbacks:
            callback()

    assert len(receiver.requests) == 1
    assert Delivery.objects.get(submission=case).state == Delivery.State.DELIVERED


def test_a_forged_or_altered_body_does_not_verify(
    case, filing, django_capture_on_commit_callbacks
):
    """The receiver's check is not a formality: another secret or body fails it."""
    with Receiver(200) as receiver:
        filing(receiver)
        accept(case, django_capture_on_commit_callbacks)

    headers, body = receiver.requests[0]
    assert verifies(headers, body)
    assert not verifies(headers, body.replace(b"\xe7\xa7\x91", b"\xe6\x8a\x80"))
    assert not verifies({**headers, "X-Jingwu-Timestamp": "1"}, body)


@pytest.mark.parametrize("status", [500, 404, 0], ids=["500", "404", "not-http"])
def test_a_receiver_that_always_fails_ends_failed(
    case, filing, django_capture_on_commit_callbacks, status
):
    with Receiver(status) as receiver:
        filing(receiver, attempts=3)
        accept(case, django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 3
    delivery = Delivery.objects.get(submission=case)
    assert delivery.state == Delivery.State.FAILED
    assert delivery.attempts == 3
    assert delivery.delivered_at is None and delivery.last_error


def test_without_a_secret_nothing_is_sent(
    case, filing, settings, django_capture_on_commit_callbacks
):
    with Receiver(200) as receiver:
        filing(receiver, attempts=2)
        settings.SEAL_FILING_SECRET = ""
        accept(case, django_capture_on_commit_callbacks)

    assert receiver.requests == []
    delivery = Delivery.objects.get(submission=case)
    assert (delivery.state, delivery.attempts) == (Delivery.State.FAILED, 2)
    assert "SEAL_FILING_SECRET" in delivery.last_error


def test_a_case_accepted_again_is_not_pushed_twice(
    case, filing, django_capture_on_commit_callbacks
):
    with Receiver(200) as receiver:
        filing(receiver)
        accept(case, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            logic.change_status(case, "reviewing", user=None)
            logic.change_status(case, "needs_more", user=None, note="请补充材料。")
            logic.change_status(case, "accepted", user=None)

    assert len(receiver.requests) == 1
    assert Delivery.objects.get(submission=case).state == Delivery.State.DELIVERED


def test_only_acceptance_of_a_pushing_form_pushes(
    case, seal_form, filing, django_capture_on_commit_callbacks
):
    other = add(
        seal_form.get_parent(),
        ServiceFormPage(title="其他备案", slug="other-filing", form_fields=SEAL_FORM),
    )
    data = {
        "company": "甲公司",
        "legal_id": resident_id(),
        "contact_phone": "13900000000",
    }
    quiet = logic.submit(other, data, "other-key-0001")[0]
    with Receiver(200) as receiver:
        filing(receiver)
        with django_capture_on_commit_callbacks(execute=True):
            logic.change_status(case, "rejected", user=None, note="材料不符。")
            logic.change_status(quiet, "accepted", user=None)

    assert receiver.requests == []
    assert not Delivery.objects.exists()
