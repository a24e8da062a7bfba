"""The collection page over the demo museum: facet counts, sorting, pages, search.

The demo museum (cms/demo/data/museum) is built once for the class. Expected counts
come from the data files, bucketed by this test's own reading of the periods — never
from the code under test.
"""

import io
import itertools
from collections import Counter

import pytest
from django.test import RequestFactory, TestCase
from wagtail.log_actions import log

from museum.demo import build_museum, data
from museum.facets import PAGE_SIZE, browse
from museum.models import CollectionPage, ExhibitCategory, ExhibitPage, MuseumHomePage
from tests.factories import make_site
from tests.museum.builders import load_demo_museum
from tests.search.catalogue import reindex

pytestmark = [pytest.mark.django_db, pytest.mark.single_db]

FACETS = ("category", "period", "hall", "material")


def period(year: int) -> str:
    """The period buckets as the collection page promises them to visitors."""
    if year < 1949:
        return "before-1949"
    if year <= 1978:
        return "1949-1978"
    if year <= 1999:
        return "1979-1999"
    return "since-2000"


def record(exhibit: data.Exhibit) -> dict[str, str | None]:
    return {
        "category": exhibit.category,
        "period": period(exhibit.year_start),
        "hall": exhibit.hall,
        "material": exhibit.material,
    }


def matches(item: dict, chosen: dict[str, set[str]], skip: str = "") -> bool:
    """Any chosen value within a facet, every facet (but `skip`)."""
    return all(item[f] in values for f, values in chosen.items() if f != skip)


class DemoCollectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = make_site()
        cls.home = tree["home"]
        # An editor's name for a category the demo also makes: it is kept.
        ExhibitCategory.objects.create(slug="traffic", name="交通管理器材")
        cls.museum = load_demo_museum(tree)
        cls.collection = CollectionPage.objects.get()
        reindex()
        cls.items = {e.accession: record(e) for e in data.exhibits()}
        cls.values = {
            f: sorted({i[f] for i in cls.items.values()} - {None}) for f in FACETS
        }

    def browse(self, params: list[tuple[str, str]]):
        request = RequestFactory().get(self.collection.url, params)
        return browse(self.collection, request)

    def expected(self, chosen: dict[str, set[str]]) -> tuple[int, dict]:
        total = sum(matches(i, chosen) for i in self.items.values())
        counts = {
            facet: Counter(
                i[facet] for i in self.items.values() if matches(i, chosen, facet)
            )
            for facet in FACETS
        }
        return total, counts

    def check(self, params: list[tuple[str, str]]) -> None:
        chosen: dict[str, set[str]] = {}
        for name, value in params:
            chosen.setdefault(name, set()).add(value)
        total, counts = self.expected(chosen)
        shown = self.browse(params)
        assert shown.total == total, params
        assert not shown.ignored, params
        for facet in shown.facets:
            got = {o.value: o.count for o in facet.options}
            want = {v: counts[facet.name].get(v, 0) for v in got}
            assert got == want, (params, facet.name)
            assert {o.value for o in facet.options if o.selected} == chosen.get(
                facet.name, set()
            )
        first_page = [e.accession_number for e in shown.results]
        wanted = sorted(a for a, i in self.items.items() if matches(i, chosen))
        assert first_page == wanted[:PAGE_SIZE], params

    def test_the_demo_spreads_over_every_facet_value(self):
        assert len(self.items) >= 60
        shown = self.browse([])
        for facet in shown.facets:
            assert facet.options and all(o.count for o in facet.options), facet.name
        assert len(self.values["period"]) == 4 and len(self.values["hall"]) == 4

    def test_counts_for_every_single_filter_and_every_pair(self):
        pairs = [(f, v) for f in FACETS for v in self.values[f]]
        self.check([])
        for pair in pairs:
            self.check([pair])
        combinations = list(itertools.combinations(pairs, 2))
        for first, second in combinations:
            self.check([first, second])
        assert len(combinations) > 300  # the loop really ran

    def test_facet_counts_on_the_page_itself(self):
        html = self.client.get(
            self.collection.url, {"category": "firearms", "period": "1949-1978"}
        ).content.decode()
        total, counts = self.expected(
            {"category": {"firearms"}, "period": {"1949-1978"}}
        )
        assert f"共 {total} 件藏品" in html
        firearms = counts["category"]["firearms"]
        label = '<span class="facet__label">枪械</span>'
        assert f'{label} <span class="facet__n">{firearms}</span>' in html
        assert "类别：枪械" in html and "清除全部" in html
        # A value's link toggles it: firearms off, the period kept.
        assert 'href="/museum/collection/?period=1949-1978"' in html

    def test_sorting_and_pages(self):
        ordered = {
            "accession": sorted(self.items),
            "year": [
                e.accession
                for e in sorted(
                    data.exhibits(), key=lambda e: (e.year_start, e.accession)
                )
            ],
            "-year": [
                e.accession
                for e in sorted(
                    data.exhibits(), key=lambda e: (-e.year_start, e.accession)
                )
            ],
        }
        for sort, expected in ordered.items():
            seen = []
            for page in (1, 2, 3):
                shown = self.browse([("sort", sort), ("page", str(page))])
                seen += [e.accession_number for e in shown.results]
            assert seen == expected, sort
        titles = [e.title for e in self.browse([("sort", "title")]).results]
        assert titles == sorted(titles)
        pages = len(self.items) // PAGE_SIZE + 1
        html = self.client.get(self.collection.url, {"page": "2", "sort": "year"})
        text = html.content.decode()
        assert f"第 2 / {pages} 页" in text
        assert 'href="/museum/collection/?sort=year&amp;page=3"' in text
        assert 'href="/museum/collection/?sort=year"' in text  # page 1: no page=

    def test_bad_values_are_ignored_and_said_so(self):
        for params in (
            [("page", "0")],
            [("page", "abc")],
            [("page", "-3")],
            [("page", "99999999999999999999")],
        ):
            shown = self.browse(params)
            assert shown.results.number in (1, shown.results.paginator.num_pages)
            assert not shown.ignored
        for params in (
            [("category", "nope")],
            [("period", "1900-2000")],
            [("hall", "\x00")],
            [("material", "<script>")],
            [("sort", "price")],
            [("category", "firearms")] * 11,
        ):
            shown = self.browse(params)
            assert shown.ignored, params
        html = self.client.get(
            self.collection.url, {"category": "<script>alert(1)</script>"}
        ).content.decode()
        assert "部分筛选条件无法识别，已忽略。" in html
        assert "<script>alert(1)" not in html
        assert f"共 {len(self.items)} 件藏品" in html

    def test_several_values_of_one_facet_widen_the_choice(self):
        both = self.browse([("category", "firearms"), ("category", "insignia")])
        firearms = self.browse([("category", "firearms")])
        insignia = self.browse([("category", "insignia")])
        assert both.total == firearms.total + insignia.total

    def test_search_finds_exhibits_by_accession_number_and_category(self):
        def found(query, kind=""):
            html = self.client.get("/search/", {"q": query, "type": kind})
            return html.content.decode()

        badge = 'href="/museum/collection/jwm-0049/"'  # 1992年式警衔标志
        assert badge in found("JWM-0049") and badge in found("jwm-0049", "exhibit")
        assert badge in found("JWM 0049")
        shown = found("警徽", "exhibit")
        assert 'href="/museum/collection/jwm-0051/"' in shown  # 人民警察警徽
        # 清末巡警腰牌 says nothing of 警徽: its category 警衔警徽 finds it.
        assert 'href="/museum/collection/jwm-0001/"' in shown
        types = found("")
        for label in ("馆藏", "展厅", "研究成果"):
            assert f">{label}</option>" in types

    def test_search_finds_halls_and_research(self):
        html = self.client.get("/search/", {"q": "刑事侦查", "type": "hall"})
        assert 'href="/museum/criminal-investigation/"' in html.content.decode()
        html = self.client.get("/search/", {"q": "警衔制度", "type": "research"})
        assert "实施三十年回顾" in html.content.decode()

    def test_the_loader_keeps_the_museum_and_editors_changes(self):
        assert self.museum is not None and self.museum.live
        assert ExhibitCategory.objects.get(slug="traffic").name == "交通管理器材"
        pages = ExhibitPage.objects.count()
        out = io.StringIO()
        assert build_museum(self.home, False, out) is None  # present: nothing made
        assert "not built" in out.getvalue()
        assert ExhibitPage.objects.count() == pages
        # An editor deletes the museum (the admin logs it): it stays deleted.
        log(self.museum, "wagtail.delete")
        MuseumHomePage.objects.get().delete()
        assert build_museum(self.home, False, io.StringIO()) is None
        assert not MuseumHomePage.objects.exists()
