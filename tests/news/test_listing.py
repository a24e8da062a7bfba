"""The news listing: categories, tags, pagination and feeds."""

import xml.etree.ElementTree as ET

import pytest

from news.models import PAGE_SIZE
from tests.factories import make_news

pytestmark = pytest.mark.django_db


def test_listing_filters_by_category(client, tree):
    make_news(tree["news"], title="通告一", category="notice")
    make_news(tree["news"], title="动态一", category="police_news")
    html = client.get(tree["news"].url, {"category": "notice"}).content.decode()
    assert "通告一" in html and "动态一" not in html


def test_listing_filters_by_tag(client, tree):
    tagged = make_news(tree["news"], title="反诈提醒")
    tagged.tags.add("反诈")
    tagged.save_revision().publish()
    make_news(tree["news"], title="交通提示")
    html = client.get(tree["news"].url, {"tag": "反诈"}).content.decode()
    assert "反诈提醒" in html and "交通提示" not in html
    assert "标签“反诈”下的新闻" in html


def test_news_page_links_its_tags_to_the_filtered_listing(client, tree):
    page = make_news(tree["news"], title="禁毒宣传")
    page.tags.add("禁毒")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'href="{tree["news"].url}?tag=%E7%A6%81%E6%AF%92"' in html


def test_unknown_filters_and_bad_page_numbers_do_not_fail(client, tree):
    make_news(tree["news"], title="唯一新闻")
    for params in (
        {"category": "nope"},
        {"page": "abc"},
        {"page": "999"},
        {"tag": "x" * 500},
    ):
        response = client.get(tree["news"].url, params)
        assert response.status_code == 200, params
    assert "唯一新闻" in client.get(tree["news"].url, {"page": "999"}).content.decode()


def test_listing_is_paginated(client, tree):
    for n in range(PAGE_SIZE + 2):
        make_news(tree["news"], title=f"条目{n:02d}")
    first = client.get(tree["news"].url).content.decode()
    second = client.get(tree["news"].url, {"page": 2}).content.decode()
    assert first.count('class="news-item"') == PAGE_SIZE
    assert second.count('class="news-item"') == 2
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_rss_and_atom_feeds(client, tree):
    make_news(tree["news"], title="订阅测试", category="tips")
    rss = client.get(tree["news"].url + "feed/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.find("item/title").text == "订阅测试"
    assert channel.find("item/category").text == "便民提示"
    atom = client.get(tree["news"].url + "feed/", {"format": "atom"})
    assert atom["Content-Type"].startswith("application/atom+xml")
    entry = ET.fromstring(atom.content).find("{http://www.w3.org/2005/Atom}entry")
    assert entry.find("{http://www.w3.org/2005/Atom}title").text == "订阅测试"
