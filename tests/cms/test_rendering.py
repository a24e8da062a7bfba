"""Every page type renders for anonymous visitors, in Chinese and English."""

import json
import re

import pytest
from wagtail.models import Locale

from tests.factories import make_document_page, make_guide, make_news, publish

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    pattern = r'<script type="application/ld\+json" nonce="[\w+/=]+">(.*?)</script>'
    blocks = re.findall(pattern, html, re.S)
    return [json.loads(block) for block in blocks]


def test_every_page_type_renders_in_chinese(client, tree):
    news = make_news(tree["news"], title="春运交通安全提示")
    doc = make_document_page(tree["transparency"], title="2026年部门预算")
    guide = make_guide(tree["category"], title="普通护照申领")
    pages = [
        tree["home"],
        tree["news"],
        news,
        tree["transparency"],
        doc,
        tree["guides"],
        tree["category"],
        guide,
        tree["interaction"],
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<title>{page.seo_title or page.title}" in html or page.depth == 2
        assert '<html lang="zh-hans">' in html
        assert "测试市公安局" in html  # footer from site settings


def test_short_guide_renders_the_same_fields(client, tree):
    guide = make_guide(tree["category"], title="外国人居留许可")
    response = client.get(guide.url + "short/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "简版指南" in html
    assert "居民身份证" in html  # the material from the full guide
    assert "各区出入境接待大厅" in html


def test_translated_pages_render_in_english(client, tree):
    english = Locale.objects.create(language_code="en")
    guide = make_guide(tree["category"], title="普通护照申领")
    home_en = tree["home"].copy_for_translation(english)
    home_en.title = "Home"
    publish(home_en)
    guides_en = publish(tree["guides"].copy_for_translation(english))
    category_en = publish(tree["category"].copy_for_translation(english))
    guide_en = guide.copy_for_translation(english)
    guide_en.title = "Ordinary passport"
    publish(guide_en)
    assert guides_en.url == "/en/services/"

    for url in (
        "/en/",
        guides_en.url,
        category_en.url,
        guide_en.url,
        guide_en.url + "short/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html
        assert "Skip to main content" in html and "跳到正文" not in html
    assert "Short guide" in client.get(guide_en.url).content.decode()
    assert guide_en.url.startswith("/en/")
    html = client.get(guide.url).content.decode()
    assert 'hreflang="en"' in html  # the Chinese page links to its translation


def test_structured_data_describes_each_kind_of_page(client, tree):
    news = make_news(tree["news"], title="冬季防火提示", author="宣传处")
    guide = make_guide(
        tree["category"], title="往来港澳通行证签注", consult_phone="12345"
    )
    home_data = json_ld(client.get("/").content.decode())
    assert home_data[0]["@type"] == "GovernmentOrganization"
    assert home_data[0]["name"] == "测试市公安局"
    article = json_ld(client.get(news.url).content.decode())[0]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "冬季防火提示"
    assert article["author"]["name"] == "宣传处"
    service = json_ld(client.get(guide.url).content.decode())[0]
    assert service["@type"] == "GovernmentService"
    assert service["name"] == "往来港澳通行证签注"
    assert service["availableChannel"]["servicePhone"]["telephone"] == "12345"


def test_json_ld_cannot_be_broken_out_of(client, tree):
    news = make_news(tree["news"], title="</script><script>alert(1)</script>")
    html = client.get(news.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)[0]["headline"] == "</script><script>alert(1)</script>"


def test_open_graph_tags(client, tree):
    news = make_news(tree["news"], title="反诈宣传进社区", social_text="分享文字")
    html = client.get(news.url).content.decode()
    assert '<meta property="og:title" content="反诈宣传进社区">' in html
    assert '<meta property="og:description" content="分享文字">' in html
    assert 'rel="canonical"' in html


def test_header_lists_the_sections_and_breadcrumbs_lead_home(client, tree):
    guide = make_guide(tree["category"], title="出入境记录查询")
    html = client.get(guide.url).content.decode()
    for title in ("信息发布", "警务公开", "网上办事", "警民互动"):
        assert f">{title}</a>" in html
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</a>", crumbs) == [
        "首页",
        "网上办事",
        "出入境",
    ]
    assert 'class="skip-link" href="#main"' in html


def test_unknown_page_gets_the_custom_404(client, tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html
    assert "返回首页" in html


def test_server_error_page_is_self_contained():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "110" in html
    assert "{%" not in html
