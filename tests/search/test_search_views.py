"""The search page, suggestions and the API search, over the competing catalogue."""

from django.test import TestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import make_guide, make_news
from tests.search.catalogue import make_catalogue, reindex


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.guides = make_catalogue()
        cls.guides["普通护照申领"].popular = True
        cls.guides["普通护照申领"].save_revision().publish()
        home = cls.guides["普通护照申领"].get_parent().get_parent().get_parent()
        news_index = home.get_children().get(slug="news").specific
        cls.news = make_news(
            news_index, title="出入境签证新政发布", teaser="签证便利措施"
        )
        reindex()

    def test_results_across_types_with_highlights(self):
        html = self.client.get("/search/", {"q": "签证"}).content.decode()
        self.assertIn("外国人<mark>签证</mark>延期", html)
        self.assertIn("出入境<mark>签证</mark>新政发布", html)
        self.assertIn("办事指南", html)

    def test_filter_by_type_and_business(self):
        html = self.client.get(
            "/search/", {"q": "签证", "type": "news"}
        ).content.decode()
        self.assertIn("新政发布", html)
        self.assertNotIn("外国人<mark>签证</mark>延期", html)
        html = self.client.get(
            "/search/", {"q": "证", "business": "traffic"}
        ).content.decode()
        self.assertIn("机动车驾驶<mark>证</mark>期满换<mark>证</mark>", html)
        self.assertNotIn("居民身份", html)

    def test_unknown_filters_are_ignored(self):
        response = self.client.get(
            "/search/", {"q": "签证", "type": "x", "business": "y"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("外国人<mark>签证</mark>延期", response.content.decode())

    def test_zero_results_offer_popular_services_and_the_hotline(self):
        html = self.client.get("/search/", {"q": "火星移民"}).content.decode()
        self.assertIn("没有找到相关内容", html)
        self.assertIn("普通护照申领", html.split("热门服务")[-1])
        self.assertIn("12345", html)

    def test_highlighting_escapes_html_in_titles(self):
        category = self.guides["外国人签证延期"].get_parent()
        make_guide(category, title="<script>alert(1)</script>签证须知")
        reindex()
        html = self.client.get("/search/", {"q": "签证"}).content.decode()
        self.assertIn(
            "&lt;script&gt;alert(1)&lt;/script&gt;<mark>签证</mark>须知", html
        )
        self.assertNotIn("<script>alert(1)", html)

    def test_bad_input_is_a_page_not_an_error(self):
        for params in (
            {"q": "签\x00证"},
            {"q": "x" * 5000},
            {"q": "！！！"},
            {"q": "签证", "page": "-3"},
            {"q": "签证", "type": "news", "business": "traffic"},
        ):
            with self.subTest(params=params):
                self.assertEqual(self.client.get("/search/", params).status_code, 200)
        for params in ({"q": "签\x00证"}, {"q": "x" * 5000}, {"q": "！！"}, {}):
            with self.subTest(params=params):
                response = self.client.get("/search/suggest/", params)
                self.assertEqual(response.status_code, 200)
                self.assertIn("results", response.json())

    def test_a_business_only_narrows_guides(self):
        params = {"q": "签证", "type": "news", "business": "exit_entry"}
        html = self.client.get("/search/", params).content.decode()
        self.assertIn("新政发布", html)
        self.assertNotIn("外国人<mark>签证</mark>延期", html)

    def test_searching_writes_nothing(self):
        from wagtail.contrib.search_promotions.models import Query

        before = Query.objects.count()
        self.client.get("/search/", {"q": "签证"})
        self.client.get("/search/suggest/", {"q": "签证"})
        self.assertEqual(Query.objects.count(), before)

    def test_suggestions_may_be_cached_briefly(self):
        response = self.client.get("/search/suggest/", {"q": "驾驶"})
        self.assertIn("max-age=60", response["Cache-Control"])

    def test_editors_picks_come_first(self):
        pick = self.guides["律师会见预约"]
        SearchPromotion.objects.create(query=Query.get("签证"), page=pick, sort_order=0)
        html = self.client.get("/search/", {"q": "签证"}).content.decode()
        picks = html.split('id="picks-heading"')[1].split("</section>")[0]
        self.assertIn("律师会见预约", picks)

    def test_suggestions_for_the_search_box(self):
        response = self.client.get("/search/suggest/", {"q": "驾驶"})
        self.assertEqual(response.status_code, 200)
        titles = [item["title"] for item in response.json()["results"]]
        self.assertIn("机动车驾驶证期满换证", titles)
        self.assertEqual(self.client.get("/search/suggest/").json(), {"results": []})

    def test_the_app_searches_through_the_pages_api(self):
        response = self.client.get(
            "/api/v2/pages/", {"search": "驾照", "type": "guides.GuidePage", "limit": 5}
        )
        self.assertEqual(response.status_code, 200)
        items = response.json()["items"]
        self.assertEqual(items[0]["title"], "机动车驾驶证期满换证")
