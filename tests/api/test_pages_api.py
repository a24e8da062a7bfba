"""The headless API at /api/v2/: our fields, in stable JSON, for the app."""

import pytest

from guides.models import GuideRelatedItem
from tests.factories import make_guide, make_image, make_news

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_news_listing_exposes_our_fields(client, tree):
    image = make_image("题图")
    news = make_news(
        tree["news"],
        title="出入境新政",
        category="notice",
        pinned=True,
        teaser_image=image,
        source="出入境管理总队",
    )
    news.tags.add("出入境")
    news.save_revision().publish()
    data = get(
        client,
        "/api/v2/pages/",
        type="news.NewsPage",
        fields="date,category,tags,teaser,teaser_image,is_pinned,source",
    )
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["title"] == "出入境新政"
    assert item["category"] == "notice"
    assert item["tags"] == ["出入境"]
    assert item["is_pinned"] is True
    assert item["source"] == "出入境管理总队"
    assert item["teaser_image"]["url"].endswith(".jpg")
    assert item["teaser_image"]["width"] == 640


def test_guide_detail_is_structured(client, tree):
    related = make_guide(tree["category"], title="普通护照换发")
    guide = make_guide(
        tree["category"],
        title="普通护照申领",
        related_items=[GuideRelatedItem(target=related)],
    )
    data = get(client, f"/api/v2/pages/{guide.pk}/")
    assert data["meta"]["type"] == "guides.GuidePage"
    assert data["business"] == "exit_entry"
    assert data["statutory_days"] == 15
    assert data["legal_basis"][0]["value"] == {
        "law": "《中华人民共和国护照法》",
        "article": "第五条",
    }
    material = data["materials"][0]["value"]
    assert material == {
        "name": "居民身份证",
        "form": "original",
        "copies": 1,
        "required": True,
        "note": "",
        "blank_form": None,
        "example": None,
    }
    assert data["conditions"][0]["value"] == "具有本市常住户口。"
    assert data["related_items"][0] == {
        "id": related.pk,
        "title": "普通护照换发",
        "url": "http://localhost" + related.url,
    }


def test_home_page_sections_point_at_pages(client, tree):
    home = tree["home"]
    home.sections = [
        (
            "link",
            {
                "title": "网上办事",
                "page": tree["guides"],
                "description": "120 项服务",
                "icon": "service",
            },
        )
    ]
    home.save_revision().publish()
    data = get(client, f"/api/v2/pages/{home.pk}/")
    assert data["sections"][0]["value"] == {
        "title": "网上办事",
        "description": "120 项服务",
        "icon": "service",
        "page_id": tree["guides"].pk,
        "url": "http://localhost/services/",
    }


def test_locale_filter(client, tree):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    tree["home"].copy_for_translation(english).save_revision().publish()
    data = get(client, "/api/v2/pages/", locale="en")
    assert [item["meta"]["locale"] for item in data["items"]] == ["en"]


def test_bad_parameters_get_a_400_not_a_500(client, tree):
    for params in (
        {"type": "nope.Nope"},
        {"limit": "abc"},
        {"order": "secret"},
        {"fields": "password"},
    ):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 400, params
        assert response["Content-Type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 400
        assert problem["title"] == "请求参数无效"
        assert problem["detail"]


def test_images_and_documents_endpoints_list_what_live_pages_use(client, tree):
    make_image("未使用的图片")
    badge = make_image("警徽")
    make_news(tree["news"], title="新警服发布", teaser_image=badge)
    assert [i["title"] for i in get(client, "/api/v2/images/")["items"]] == ["警徽"]
    assert get(client, "/api/v2/documents/")["meta"]["total_count"] == 0
