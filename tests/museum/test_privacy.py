"""Draft and restricted museum pages, and pictures in private collections, never
reach an anonymous visitor: collection, facet counts, halls, search, API, sitemap."""

import pytest
from django.test import TestCase
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from museum.models import ExhibitCategory, ExhibitImage, HallPage
from tests.factories import add, make_site
from tests.museum.builders import make_exhibit, make_museum, make_study, picture
from tests.search.catalogue import reindex

pytestmark = pytest.mark.django_db

SECRET = "机密"  # every private title carries it; no public response may


class MuseumPrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = make_site()
        place = make_museum(tree)
        cls.place = place
        secret_category = ExhibitCategory.objects.create(
            name=f"{SECRET}类别", slug="secret-kind"
        )
        cls.public = make_exhibit(place, title="公开藏品", accession_number="P-0001")
        cls.draft = make_exhibit(
            place, title=f"{SECRET}草稿藏品", category=secret_category
        )
        cls.draft.unpublish()
        cls.login = make_exhibit(place, title=f"{SECRET}登录可见藏品")
        PageViewRestriction.objects.create(page=cls.login, restriction_type="login")
        cls.hidden_hall = add(
            place["museum"],
            HallPage(title=f"{SECRET}展厅", slug="secret-hall", introduction="内部"),
        )
        cls.hidden_hall.unpublish()
        cls.in_hidden_hall = make_exhibit(
            place, title="在未开放展厅的藏品", hall=cls.hidden_hall
        )
        private = Collection.get_first_root_node().add_child(name="内部图片")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type="login"
        )
        secret_picture = picture(f"{SECRET}图片")
        secret_picture.collection = private
        secret_picture.save()
        cls.with_private_picture = make_exhibit(
            place,
            title="图片受限的藏品",
            images=[ExhibitImage(image=secret_picture, alt_text=f"{SECRET}图片说明")],
        )
        for exhibit in (cls.public, cls.in_hidden_hall):
            exhibit.related_exhibits.create(target=cls.draft)
            exhibit.related_exhibits.create(target=cls.login)
            exhibit.save_revision().publish()
        museum = place["museum"]
        for target in (cls.draft, cls.login, cls.public):
            museum.featured_exhibits.create(exhibit=target)
        museum.save_revision().publish()
        study = make_study(place, title=f"{SECRET}内部研究")
        PageViewRestriction.objects.create(page=study, restriction_type="login")
        cls.public_study = make_study(place, title="公开研究")
        cls.public_study.related_exhibits.create(target=cls.login)
        cls.public_study.save_revision().publish()
        cls.private_pages = [cls.draft, cls.login, cls.hidden_hall, study]
        cls.public_pages = [cls.public, cls.in_hidden_hall, cls.with_private_picture]
        reindex()

    def get(self, url, **params):
        response = self.client.get(url, params)
        self.assertNotIn(SECRET, response.content.decode(errors="replace"), url)
        return response

    def test_collection_and_its_counts(self):
        html = self.get(self.place["collection"].url).content.decode()
        self.assertIn("共 3 件藏品", html)
        for page in self.public_pages:
            self.assertIn(page.title, html)
        browse = self.get(self.place["collection"].url).context["browse"]
        halls = {o.value for o in browse.facets[2].options}
        self.assertEqual(halls, {"history", "equipment"})  # no draft hall
        counts = {o.value: o.count for o in browse.facets[0].options}
        self.assertEqual(counts, {"insignia": 3, "secret-kind": 0})

    def test_pages_that_list_exhibits(self):
        self.get(self.place["museum"].url)
        hall = self.get(self.place["halls"][0].url).content.decode()
        self.assertIn("公开藏品", hall)
        exhibit = self.get(self.in_hidden_hall.url).content.decode()
        self.assertIn("库房收藏，暂未展出", exhibit)  # its hall is not open
        self.get(self.public.url)
        self.get(self.with_private_picture.url)
        self.get(self.place["research"].url)
        self.get(self.public_study.url)
        for page in self.private_pages:
            self.assertIn(self.client.get(page.url).status_code, {302, 404})

    def test_search_api_and_sitemap(self):
        # Words of the private titles (the page echoes the query, not the titles).
        for words in ("草稿藏品", "登录可见", "内部研究", "展厅", "类别"):
            self.get("/search/", q=words)
            self.get("/search/", q=words, type="exhibit")
            self.get("/api/v2/pages/", search=words)
        listing = self.get(
            "/api/v2/pages/", type="museum.ExhibitPage", fields="*", limit=100
        ).json()
        self.assertEqual(
            {item["id"] for item in listing["items"]},
            {page.pk for page in self.public_pages},
        )
        hidden = self.get(f"/api/v2/pages/{self.in_hidden_hall.pk}/").json()
        self.assertIsNone(hidden["hall"])
        self.assertEqual(hidden["related_exhibits"], [])
        pictures = self.get(f"/api/v2/pages/{self.with_private_picture.pk}/").json()
        self.assertEqual(pictures["images"], [])
        museum = self.get(f"/api/v2/pages/{self.place['museum'].pk}/").json()
        self.assertEqual(
            [f["title"] for f in museum["featured_exhibits"]], ["公开藏品"]
        )
        self.get("/api/v2/pages/", type="museum.ResearchPage", fields="*")
        self.get("/api/v2/pages/", type="museum.HallPage", fields="*")
        for page in self.private_pages:
            self.assertEqual(self.get(f"/api/v2/pages/{page.pk}/").status_code, 404)
        sitemap = self.get("/sitemap.xml").content.decode()
        self.assertIn(self.public.url, sitemap)
        for page in self.private_pages:
            self.assertNotIn(f"/{page.slug}/", sitemap)
