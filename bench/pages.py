"""Benchmark: latency, CPU and queries per request of the main pages and API calls.

Builds the demo site in its own SQLite file (var/bench.sqlite3) unless DATABASE_URL is
set, then requests each URL in-process with Django's test client and prints p50/p95
latency, the mean CPU time per request (this process: the server's work and the test
client's, which is the same for every URL) and the number of SQL queries. The last
lines repeat the app home and a news listing as an app would after its first visit
(If-None-Match: a 304 that runs no view). Usage:

    .venv/bin/python bench/pages.py [--requests 50]
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("DEBUG", "false")
# Far above what the benchmark sends, so that no request is refused (429).
os.environ.setdefault("API_RATE_LIMIT", "1000000/min")
os.environ.setdefault("API_SEARCH_RATE_LIMIT", "1000000/min")

URLS = [
    "/",
    "/news/",
    "/news/?category=notice",
    "/news/news-030/",
    "/transparency/",
    "/services/",
    "/services/exit-entry/",
    "/services/exit-entry/crj-001/",
    "/services/exit-entry/crj-001/short/",
    "/en/services/exit-entry/crj-001/",
    "/search/?q=passport",
    "/api/v2/pages/?type=news.NewsPage&fields=date,category,tags,teaser_image",
    "/api/v2/pages/?type=guides.GuidePage&fields=*&limit=20",
    "/api/v2/app/home/",
    "/api/v2/news/",
]
CONDITIONAL = ["/api/v2/app/home/", "/api/v2/news/"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per URL")
    args = parser.parse_args()

    (ROOT / "var").mkdir(exist_ok=True)
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    from django.conf import settings
    from django.core import signals
    from django.core.management import call_command
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # As Django's test runner does: keep one connection so queries can be counted.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from cms.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115

    client = Client()
    vendor = connection.vendor
    print(f"database: {vendor}; {args.requests} requests per URL after one warm-up")
    print(f"{'URL':<64} {'p50 ms':>7} {'p95 ms':>7} {'CPU ms':>7} {'queries':>7}")
    runs = [(url, {}) for url in URLS]
    for url in CONDITIONAL:
        etag = client.get(url)["ETag"]
        runs.append((url + " (304)", {"HTTP_IF_NONE_MATCH": etag}))
    for label, headers in runs:
        url = label.removesuffix(" (304)")
        response = client.get(url, **headers)
        if response.status_code not in (200, 304):
            raise SystemExit(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url, **headers)
        query_count = len(queries)  # read now: the next request resets the query log
        timings = []
        cpu_started = time.process_time()
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(url, **headers)
            timings.append((time.perf_counter() - started) * 1000)
        cpu = (time.process_time() - cpu_started) * 1000 / args.requests
        timings.sort()
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        median = statistics.median(timings)
        print(f"{label:<64} {median:7.1f} {p95:7.1f} {cpu:7.1f} {query_count:7d}")


if __name__ == "__main__":
    main()
