"""Benchmark: search indexing throughput and query latency at 10,000 documents.

Builds N generated Chinese news pages (sentences recombined from the demo data) in its
own database, indexes them with `update_index`, then times the judged set's queries
twice: the ten best news pages (what the API asks), and what the search page does
(all page types, a count for the pager and the first ten).

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
    from cms.demo.schema import disclosures, guide_categories, news_articles

    pool = []
    for item in [*news_articles(), *disclosures()]:
        for paragraph in item.paragraphs:
            pool.extend(s + "。" for s in paragraph.split("。") if s)
    for category in guide_categories():
        for item in category.items:
            pool.append(item.summary)
            pool.extend(item.conditions)
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
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage
    from search.backends import backend_name
    from search.evaluation import load_judgements

    call_command("migrate", verbosity=0)
    backend = get_search_backend()
    name = backend_name()
    built = build(args.documents)
    documents = NewsPage.objects.count()
    started = time.perf_counter()
    call_command("update_index", stdout=io.StringIO())
    backend.refresh_indexes()
    indexing = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum keeps them in production
            cursor.execute("ANALYZE")
    print(f"backend: {name}; documents: {documents} news pages (+ others)")
    print(
        f"build: {built:.1f} s; update_index: {indexing:.1f} s "
        f"({documents / indexing:.0f} documents/s)"
    )

    queries = [q for group in load_judgements().values() for q in group]
    hits = [len(list(NewsPage.objects.live().search(q)[:10])) for q in queries]
    print(
        f"queries: {len(queries)} x {args.repeat}; "
        f"queries with hits: {sum(1 for h in hits if h)}"
    )
    report("query, top 10", time_queries(queries, args.repeat, top_ten))
    report("search page", time_queries(queries, args.repeat, search_page))


def top_ten(query: str) -> None:
    """What the API's search does: the ten best live news pages."""
    from news.models import NewsPage

    list(NewsPage.objects.live().search(query)[:10])


def search_page(query: str) -> None:
    """What /search/ does: every page type, a count for the pager, the first ten."""
    from django.core.paginator import Paginator
    from wagtail.models import Locale

    from search.queries import SearchRequest, search_pages

    results = search_pages(SearchRequest(query=query), Locale.get_default())
    list(Paginator(results, 10).get_page(1))


def time_queries(queries: list[str], repeat: int, run) -> list[float]:
    """Milliseconds of each run of each query, after one warm-up run."""
    timings = []
    for query in queries:
        run(query)
        for _ in range(repeat):
            started = time.perf_counter()
            run(query)
            timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def report(label: str, timings: list[float]) -> None:
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{label:<14} latency ms: p50 {statistics.median(timings):.1f}  "
        f"p95 {p95:.1f}  max {timings[-1]:.1f}"
    )


if __name__ == "__main__":
    main()
