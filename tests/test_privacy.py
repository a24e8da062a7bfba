"""Drafts, scheduled, login- and password-restricted pages and private collections
never reach an anonymous visitor: page API, media API, document downloads, sitemap,
search, feeds and the rendered HTML."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from guides.models import GuideRelatedItem
from media.models import Document
from tests.factories import add, make_guide, make_image, make_news, make_site
from tests.search.catalogue import reindex

pytestmark = pytest.mark.django_db

SECRET = "机密"  # every private title carries it; no public response may


def make_file_document(title: str, collection=None) -> Document:
    document = Document(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"{title}.txt", ContentFile("内容".encode()), save=False)
    document.save()
    return document


class PrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = make_site()
        cls.tree = tree
        news = tree["news"]
        root_collection = Collection.get_first_root_node()
        private = root_collection.add_child(name="内部资料")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type="login"
        )
        cls.images = {
            name: make_image(f"{name}图片")
            for name in ("public", "draft", "scheduled", "login", "password")
        }
        cls.private_image = make_image(f"{SECRET}内部图片")
        cls.private_image.collection = private
        cls.private_image.save()
        cls.documents = {
            "public": make_file_document("公开附件"),
            "draft": make_file_document(f"{SECRET}草稿附件"),
            "private": make_file_document(f"{SECRET}内部附件", private),
        }

        def attach(name):
            return [
                (
                    "attachment",
                    {"document": cls.documents[name], "label": ""},
                ),
                ("image", {"image": cls.images.get(name), "caption": ""}),
            ]

        cls.public = make_news(
            news,
            title="公开新闻",
            teaser_image=cls.images["public"],
            body=[
                *attach("public"),
                ("image", {"image": cls.private_image, "caption": ""}),
                ("attachment", {"document": cls.documents["private"], "label": ""}),
            ],
        )
        cls.draft = make_news(
            news,
            title=f"{SECRET}草稿新闻",
            teaser_image=cls.images["draft"],
            body=attach("draft"),
        )
        cls.draft.unpublish()
        cls.scheduled = make_news(
            news, title=f"{SECRET}定时新闻", teaser_image=cls.images["scheduled"]
        )
        cls.scheduled.unpublish()
        cls.scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
        cls.scheduled.save_revision().publish()  # only schedules it
        cls.login = make_news(
            news, title=f"{SECRET}登录可见", teaser_image=cls.images["login"]
        )
        PageViewRestriction.objects.create(page=cls.login, restriction_type="login")
        cls.password = make_news(
            news, title=f"{SECRET}凭密码访问", teaser_image=cls.images["password"]
        )
        PageViewRestriction.objects.create(
            page=cls.password, restriction_type="password", password="pw"
        )
        # A guide whose related items and a home whose links point at private pages.
        hidden_guide = make_guide(tree["category"], title=f"{SECRET}内部事项")
        PageViewRestriction.objects.create(page=hidden_guide, restriction_type="login")
        draft_guide = make_guide(tree["category"], title=f"{SECRET}草稿事项")
        draft_guide.unpublish()
        cls.guide = make_guide(
            tree["category"],
            title="公开事项",
            related_items=[
                GuideRelatedItem(target=hidden_guide),
                GuideRelatedItem(target=draft_guide),
            ],
        )
        home = tree["home"]
        home.quick_links = [
            ("link", {"title": f"{SECRET}链接一", "page": hidden_guide}),
            ("link", {"title": f"{SECRET}链接二", "page": draft_guide}),
            ("link", {"title": "公开链接", "page": cls.guide}),
        ]
        home.save_revision().publish()
        private_section = add(
            home, type(tree["interaction"])(title=f"{SECRET}栏目", show_in_menus=True)
        )
        PageViewRestriction.objects.create(
            page=private_section, restriction_type="login"
        )
        cls.private_pages = [
            cls.draft,
            cls.scheduled,
            cls.login,
            cls.password,
            hidden_guide,
            draft_guide,
            private_section,
        ]
        reindex()

    def get(self, url, **params):
        response = self.client.get(url, params)
        self.assertNotIn(SECRET, response.content.decode(errors="replace"), url)
        return response

    def test_page_api(self):
        listing = self.get("/api/v2/pages/", limit=100, fields="*").json()
        ids = {item["id"] for item in listing["items"]}
        self.assertIn(self.public.pk, ids)
        for page in self.private_pages:
            self.assertEqual(self.get(f"/api/v2/pages/{page.pk}/").status_code, 404)
            html_path = page.url or "/x/"
            found = self.get("/api/v2/pages/find/", html_path=html_path)
            self.assertIn(found.status_code, {404}, page.title)
        self.get("/api/v2/pages/", type="news.NewsPage", fields="*", limit=100)

    def test_link_blocks_and_related_items_in_the_api(self):
        home = self.get(f"/api/v2/pages/{self.tree['home'].pk}/").json()
        self.assertEqual(
            [link["value"]["title"] for link in home["quick_links"]], ["公开链接"]
        )
        guide = self.get(f"/api/v2/pages/{self.guide.pk}/").json()
        self.assertEqual(guide["related_items"], [])

    def test_media_api(self):
        images = self.get("/api/v2/images/", limit=100).json()["items"]
        self.assertEqual([i["title"] for i in images], ["public图片"])
        documents = self.get("/api/v2/documents/", limit=100).json()["items"]
        self.assertEqual([d["title"] for d in documents], ["公开附件"])
        for image in [*self.images.values(), self.private_image]:
            if image is not self.images["public"]:
                response = self.get(f"/api/v2/images/{image.pk}/")
                self.assertEqual(response.status_code, 404, image.title)

    def test_document_downloads(self):
        public = self.documents["public"]
        self.assertEqual(self.client.get(public.url).status_code, 200)
        draft = self.documents["draft"]
        self.assertEqual(self.client.get(draft.url).status_code, 404)
        private = self.client.get(self.documents["private"].url)
        self.assertEqual(private.status_code, 302)  # to the sign-in page
        self.assertIn("login", private["Location"])
        staff = get_user_model().objects.create_superuser("chief", "c@x.invalid", "pw")
        self.client.force_login(staff)
        self.assertEqual(self.client.get(draft.url).status_code, 200)

    def test_sitemap_search_and_feeds(self):
        sitemap = self.get("/sitemap.xml").content.decode()
        self.assertIn(self.public.url, sitemap)
        for page in self.private_pages:
            if page.url:
                self.assertNotIn(page.url, sitemap)
        # Words of the private titles (the page echoes the query, not the titles).
        for words in ("草稿", "定时新闻", "登录可见", "凭密码", "内部事项", "栏目"):
            self.get("/search/", q=words)
            self.get("/search/suggest/", q=words)
            self.get("/api/v2/pages/", search=words)
        feed = self.get(self.tree["news"].url + "feed/").content.decode()
        self.assertIn("公开新闻", feed)
        self.get(self.tree["news"].url + "feed/", format="atom")

    def test_rendered_html(self):
        home = self.get("/").content.decode()
        self.assertIn("公开新闻", home)
        self.assertIn("公开链接", home)
        self.get(self.tree["news"].url)
        self.get(self.guide.url)
        self.assertEqual(self.get(self.draft.url).status_code, 404)
        login = self.get(self.login.url)
        self.assertEqual(login.status_code, 302)
        password = self.get(self.password.url)
        self.assertEqual(password.status_code, 200)  # the password form, nothing else
        self.assertIn("private", password["Cache-Control"])
        self.assertIn("no-store", password["Cache-Control"])


def test_uploaded_photo_loses_its_location(client, tree, superuser):
    """A phone photo's EXIF (GPS, device) is gone from the original and renditions."""
    from PIL import Image as PILImage

    from media.images import has_metadata
    from media.models import Image

    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (39.0, 54.0, 27.0), 4: (116.0, 23.0, 30.0)}  # GPS
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (200, 30, 30)).save(
        buffer, "JPEG", exif=exif.tobytes()
    )
    assert has_metadata(buffer.getvalue())
    client.force_login(superuser)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "现场照片",
            "file": ContentFile(buffer.getvalue(), name="scene.jpg"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get(title="现场照片")
    with image.open_file() as original:
        assert not has_metadata(original.read())
    rendition = image.get_rendition("width-400")
    with rendition.file.open() as resized:
        assert not has_metadata(resized.read())
    assert (image.width, image.height) == (800, 600)
