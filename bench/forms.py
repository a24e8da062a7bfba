"""Benchmark: the form engine's requests — schema, step check, submit, lookup.

Builds a small site with one three-step application form in its own SQLite file
(var/bench-forms.sqlite3) unless DATABASE_URL is set, then sends each request
in-process with Django's test client and prints p50/p95 latency, mean CPU time and
SQL queries per request. Submissions use a new Idempotency-Key each (a real case
each time: reference drawn, answers validated and encrypted, history written, the
applicant's notice recorded). Usage:

    .venv/bin/python bench/forms.py [--requests 100]
"""

import argparse
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-forms.sqlite3'}"
)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("API_RATE_LIMIT", "1000000/min")
os.environ.setdefault("API_SUBMIT_RATE_LIMIT", "1000000/min")


def measure(name: str, send, count: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, queries = [], [], 0
    for number in range(count):
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            send(number)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        queries = len(captured)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | "
        f"{statistics.mean(cpu):.1f} | {queries} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="requests each")
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from services.models import ServiceFormPage, Submission
    from tests.factories import make_site
    from tests.services.conftest import PASSPORT_FORM, resident_id

    Submission.objects.all().delete()  # a run stopped half-way left some
    tree = make_site()
    # The photo is optional here, so that submissions are plain JSON.
    fields = json.loads(PASSPORT_FORM)
    for block in fields:
        if block["type"] == "file":
            block["value"]["required"] = False
    form = ServiceFormPage(
        title="普通护照申领", slug="bench-form", form_fields=json.dumps(fields)
    )
    tree["category"].add_child(instance=form)
    form.save_revision().publish()
    client = Client()
    api = f"/api/v2/forms/{form.pk}/"
    step_one = {
        "applicant_name": "王小明",
        "id_number": resident_id(),
        "reason": "first",
    }
    answers = {**step_one, "promise": True, "contact_phone": "13800001234"}

    def submit(number):
        response = client.post(
            api + "submissions/",
            answers,
            content_type="application/json",
            headers={"Idempotency-Key": f"bench-{time.time_ns()}-{number}"},
        )
        if response.status_code != 201:
            raise SystemExit(f"submission refused: {response.content[:300]!r}")

    print("| request | p50 ms | p95 ms | CPU ms | queries |")
    print("|---|---|---|---|---|")
    measure(
        "GET form page (step 1, HTML)", lambda n: client.get(form.url), args.requests
    )
    measure(
        "GET /api/v2/forms/{id}/ (schema)", lambda n: client.get(api), args.requests
    )
    measure(
        "POST …/validate/ (step 1)",
        lambda n: client.post(
            api + "validate/",
            {"step": 0, "answers": step_one},
            content_type="application/json",
        ),
        args.requests,
    )
    measure("POST …/submissions/ (a new case)", submit, args.requests)
    case = Submission.objects.latest("pk")
    measure(
        "GET /api/v2/cases/{reference}/",
        lambda n: client.get(f"/api/v2/cases/{case.reference}/?phone_last4=1234"),
        args.requests,
    )
    Submission.objects.filter(page=form).delete()


if __name__ == "__main__":
    main()
