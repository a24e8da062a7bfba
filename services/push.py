"""F5: accepted 公章刻制备案 cases pushed to the filing system as signed JSON.

The body is signed with HMAC-SHA256 over `<timestamp>.<body>` using
SEAL_FILING_SECRET; the receiver checks `X-Jingwu-Signature: sha256=<hex>` and the
timestamp, and uses `X-Jingwu-Delivery` to ignore a repeat. A failed attempt is
retried (after 30 s, 60 s, 120 s… when the task backend can defer; at once
otherwise) up to PUSH_ATTEMPTS times; each delivery's state is kept (Delivery).
"""

import datetime
import hashlib
import hmac
import http.client
import json
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import Delivery, Submission

TARGET = "seal_filing"
TIMEOUT = 10


def queue_push(case: Submission) -> Delivery:
    """Record a delivery for an accepted case and send it in the background."""
    delivery, _created = Delivery.objects.get_or_create(submission=case, target=TARGET)
    if delivery.state == Delivery.State.FAILED:  # accepted again: a fresh round
        delivery.state, delivery.attempts = Delivery.State.PENDING, 0
        delivery.save(update_fields=["state", "attempts"])
    if delivery.state != Delivery.State.DELIVERED:
        push_case.enqueue(delivery.pk)
    return delivery


def payload(case: Submission) -> bytes:
    from .logic import reveal

    data = {
        "reference": case.reference,
        "form": case.page.title,
        "submitted_at": case.submit_time.isoformat(),
        "answers": reveal(case.spec, case.form_data),
        "files": [
            {"field": f.field_key, "name": f.name, "size": f.size}
            for f in case.files.all()
        ],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode()


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


@task()
def push_case(delivery_id: int) -> None:
    delivery = Delivery.objects.select_related("submission__page").get(pk=delivery_id)
    if delivery.state == Delivery.State.DELIVERED:
        return
    delivery.attempts += 1
    try:
        send(delivery)
    # URLError and HTTPError are OSErrors; an answer that is no HTTP at all raises
    # HTTPException, which would otherwise end the task with the delivery unsaved.
    except (OSError, ValueError, http.client.HTTPException) as error:
        delivery.last_error = str(error)[:300]
        more = delivery.attempts < settings.PUSH_ATTEMPTS
        delivery.state = Delivery.State.PENDING if more else Delivery.State.FAILED
        delivery.save()
        if more:
            retry(delivery)
        return
    delivery.state = Delivery.State.DELIVERED
    delivery.delivered_at = timezone.now()
    delivery.last_error = ""
    delivery.save()


def send(delivery: Delivery) -> None:
    if not settings.SEAL_FILING_SECRET or not settings.SEAL_FILING_URL.startswith(
        ("https://", "http://")
    ):
        raise ValueError(
            "SEAL_FILING_URL (http/https) and SEAL_FILING_SECRET are unset"
        )
    body = payload(delivery.submission)
    timestamp = str(int(time.time()))
    request = urllib.request.Request(  # noqa: S310 (http/https checked above)
        settings.SEAL_FILING_URL,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-Jingwu-Delivery": str(delivery.pk),
            "X-Jingwu-Timestamp": timestamp,
            "X-Jingwu-Signature": signature(
                settings.SEAL_FILING_SECRET, timestamp, body
            ),
        },
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        response.read()


def retry(delivery: Delivery) -> None:
    if default_task_backend.supports_defer:
        wait = datetime.timedelta(seconds=30 * 2 ** (delivery.attempts - 1))
        push_case.using(run_after=timezone.now() + wait).enqueue(delivery.pk)
    else:
        push_case.enqueue(delivery.pk)
