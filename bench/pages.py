"""Benchmark: latency and queries per request of the main pages and API calls.

Builds the demo site in its own SQLite file (var/bench.sqlite3) unless DATABASE_URL is
set, then requests each URL in-process with Django's test client and prints p50/p95
latency and the number of SQL queries. Usage:

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
]


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
    print(f"{'URL':<72} {'p50 ms':>7} {'p95 ms':>7} {'queries':>7}")
    for url in URLS:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)  # read now: the next request resets the query log
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        print(
            f"{url:<72} {statistics.median(timings):7.1f} {p95:7.1f} {query_count:7d}"
        )


if __name__ == "__main__":
    main()
