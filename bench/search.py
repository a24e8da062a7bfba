"""Benchmark: search indexing throughput and query latency at 10,000 documents.

Builds N generated Chinese news pages (sentences recombined from the demo data) in its
own database, indexes them with `update_index`, then times queries from the judged set.

    .venv/bin/python bench/search.py            # SQLite: var/bench-search.sqlite3
    DATABASE_URL=postgres://…/jingwu_bench .venv/bin/python bench/search.py
    SEARCH_URL=opensearch://127.0.0.1:9200 .venv/bin/python bench/search.py

Options: --documents 10000 --repeat 20. Use a scratch database: pages are added to it.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}"
)
os.environ.setdefault("DEBUG", "false")


def sentences() -> list[str]:
    """Sentences of the demo content, to recombine into documents."""
    from cms.demo.articles import NEWS, TRANSPARENCY
    from cms.demo.guide_items import CATEGORIES

    pool = []
    for item in NEWS + TRANSPARENCY:
        for paragraph in item["paragraphs"]:
            pool.extend(s + "。" for s in paragraph.split("。") if s)
    for category in CATEGORIES:
        for item in category["items"]:
            pool.append(item["summary"])
            pool.extend(item["conditions"])
    return pool


def build(count: int) -> float:
    """Create `count` news pages under a benchmark section; return seconds taken."""
    from django.db import transaction
    from wagtail.models import Locale, Page

    from news.models import NewsIndexPage, NewsPage

    root = Page.get_first_root_node()
    index = NewsIndexPage.objects.filter(slug="bench-news").first()
    if index is None:
        index = root.add_child(
            instance=NewsIndexPage(
                title="基准测试", slug="bench-news", locale=Locale.get_default()
            )
        )
    existing = NewsPage.objects.child_of(index).count()
    rng = random.Random(42)
    pool = sentences()
    titles = [s[:30] for s in pool if 8 <= len(s) <= 40]
    started = time.perf_counter()
    with transaction.atomic():
        for number in range(existing, count):
            body = "".join(rng.sample(pool, 4))
            index.add_child(
                instance=NewsPage(
                    title=rng.choice(titles),
                    slug=f"bench-{number}",
                    teaser=rng.choice(pool)[:200],
                    body=[("paragraph", f"<p>{body}</p>")],
                )
            )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)

    import django
    from django.conf import settings

    django.setup()
    # Index once, in bulk, after building: no indexing on every save.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage
    from search.backends import backend_name
    from search.judgements import JUDGEMENTS

    call_command("migrate", verbosity=0)
    backend = get_search_backend()
    name = backend_name()
    built = build(args.documents)
    documents = NewsPage.objects.count()
    started = time.perf_counter()
    call_command("update_index", stdout=io.StringIO())
    backend.refresh_indexes()
    indexing = time.perf_counter() - started
    print(f"backend: {name}; documents: {documents} news pages (+ others)")
    print(
        f"build: {built:.1f} s; update_index: {indexing:.1f} s "
        f"({documents / indexing:.0f} documents/s)"
    )

    queries = [q for group in JUDGEMENTS.values() for q in group]
    timings = []
    hits = []
    for query in queries:
        results = NewsPage.objects.live().search(query)
        hits.append(len(list(results[:10])))
        for _ in range(args.repeat):
            started = time.perf_counter()
            list(NewsPage.objects.live().search(query)[:10])
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"queries: {len(queries)} x {args.repeat}; top-10 fetched; "
        f"queries with hits: {sum(1 for h in hits if h)}"
    )
    print(
        f"latency ms: p50 {statistics.median(timings):.1f}  p95 {p95:.1f}  "
        f"max {timings[-1]:.1f}"
    )


if __name__ == "__main__":
    main()
