"""Chinese queries find the right service guide first, through Wagtail's normal API."""

from django.test import TestCase
from wagtail.models import Page

from guides.models import GuidePage
from search.models import SynonymGroup
from tests.factories import make_guide
from tests.search.catalogue import make_catalogue, refresh_search, reindex

EXPECTED_FIRST = {
    "签证": {"外国人签证延期", "外国人签证换发、补发"},
    "邮寄": {"户籍证明开具（邮寄送达）"},
    "换证": {"机动车驾驶证期满换证"},
    "驾照": {"机动车驾驶证期满换证"},
    "户口本": {"居民户口簿补领"},
    "网吧": {"互联网上网服务营业场所信息网络安全审核"},
    "等保": {"网络安全等级保护备案"},
    "年检": {"机动车检验合格标志核发"},
    "身份证": {"居民身份证换领"},
    "簽證": {"外国人签证延期", "外国人签证换发、补发"},  # traditional characters
    "探监": {"律师会见预约"},
}


def titles(query: str) -> list[str]:
    return [page.title for page in GuidePage.objects.live().search(query)]


class ChineseSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.guides = make_catalogue()

    def test_the_right_guide_comes_first(self):
        for query, expected in EXPECTED_FIRST.items():
            with self.subTest(query=query):
                results = titles(query)
                self.assertTrue(results, f"{query}: no results")
                self.assertIn(results[0], expected, f"{query}: {results[:5]}")

    def test_full_width_and_case_are_normalised(self):
        category = self.guides["普通护照申领"].get_parent()
        make_guide(category, title="Passport photo rules")
        reindex()
        self.assertEqual(titles("ＰＡＳＳＰＯＲＴ"), ["Passport photo rules"])
        self.assertEqual(titles("ＡＢＣ签证"), [])  # every word must match
        self.assertEqual(titles("護照")[0], "普通护照申领")

    def test_words_in_any_order_and_single_characters(self):
        self.assertEqual(titles("延期 签证")[0], "外国人签证延期")
        self.assertIn("居民身份证换领", titles("证"))
        self.assertEqual(titles("护照")[0], "普通护照申领")

    def test_search_through_page_queryset_and_filters(self):
        pages = Page.objects.live().search("签证")
        self.assertLessEqual(
            {"外国人签证延期", "外国人签证换发、补发"}, {p.title for p in pages}
        )
        filtered = GuidePage.objects.live().filter(business="household").search("证明")
        self.assertEqual([p.title for p in filtered], ["户籍证明开具（邮寄送达）"])

    def test_autocomplete_matches_prefixes(self):
        results = [p.title for p in GuidePage.objects.live().autocomplete("驾驶")]
        self.assertIn("机动车驾驶证期满换证", results)
        results = [p.title for p in GuidePage.objects.live().autocomplete("签")]
        self.assertIn("外国人签证延期", results)

    def test_nonsense_and_punctuation_find_nothing_without_error(self):
        for query in ("！！！", "\"'", "()", "a" * 200, '签证"OR 1=1', "*"):
            with self.subTest(query=query):
                list(GuidePage.objects.live().search(query))
        self.assertEqual(titles("！！！"), [])

    def test_an_editor_synonym_takes_effect_on_the_next_search(self):
        self.assertEqual(titles("小孩上户口"), [])
        SynonymGroup.objects.create(terms="小孩上户口，出生登记")
        self.assertEqual(titles("小孩上户口")[0], "出生登记")

    def test_unpublished_guides_drop_out_and_republished_come_back(self):
        guide = self.guides["网络安全等级保护备案"]
        guide.unpublish()
        refresh_search()
        self.assertNotIn("网络安全等级保护备案", titles("等保"))
        guide.title = "网络安全等级保护备案（新）"
        guide.save_revision().publish()
        refresh_search()
        self.assertEqual(titles("等保")[0], "网络安全等级保护备案（新）")
