"""The development stand-in for the seal-filing system checks signatures as the real
one would, over real HTTP on 127.0.0.1."""

import threading
import time
from http.server import ThreadingHTTPServer

import pytest
import requests

from services.management.commands.seal_filing_receiver import make_handler
from services.push import signature

SECRET = "stand-in-secret"


@pytest.fixture
def receiver(tmp_path):
    log: list[str] = []
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), make_handler(SECRET, tmp_path, log.append)
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", tmp_path, log
    server.shutdown()


def push(url: str, body: bytes, stamp: str, signed: str) -> int:
    headers = {
        "X-Jingwu-Timestamp": stamp,
        "X-Jingwu-Signature": signed,
        "X-Jingwu-Delivery": "7",
    }
    return requests.post(url, data=body, headers=headers, timeout=5).status_code


def test_a_signed_push_is_kept(receiver):
    url, folder, log = receiver
    body, stamp = b'{"reference": "ABCDEFGHJK0"}', str(int(time.time()))
    assert push(url, body, stamp, signature(SECRET, stamp, body)) == 200
    assert (folder / "7.json").read_bytes() == body
    assert log == ["received delivery 7: case ABCDEFGHJK0"]


def test_a_wrong_signature_or_an_old_push_is_refused(receiver):
    url, folder, _log = receiver
    body, stamp = b'{"reference": "X"}', str(int(time.time()))
    assert push(url, body, stamp, signature("another", stamp, body)) == 401
    old = str(int(time.time()) - 3600)
    assert push(url, body, old, signature(SECRET, old, body)) == 401
    assert not list(folder.iterdir())
