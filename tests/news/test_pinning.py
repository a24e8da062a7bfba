"""Pinned news comes first on the home page until its pin expires."""

import datetime
import re

import pytest
from django.utils import timezone

from news.models import headlines
from tests.factories import make_news

pytestmark = pytest.mark.django_db


def home_headlines(client) -> list[str]:
    html = client.get("/").content.decode()
    section = re.search(r'<ul class="headlines">(.*?)</ul>', html, re.S)
    if section is None:  # no news in this language: the panel is left out
        return []
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', section.group(1))


def test_pinned_news_comes_first_then_the_latest(client, tree):
    now = timezone.now()
    make_news(
        tree["news"],
        title="旧闻但置顶",
        date=now - datetime.timedelta(days=30),
        pinned=True,
        pin_order=1,
    )
    make_news(
        tree["news"],
        title="置顶第一",
        date=now - datetime.timedelta(days=40),
        pinned=True,
        pin_order=0,
    )
    make_news(tree["news"], title="最新", date=now - datetime.timedelta(hours=1))
    make_news(tree["news"], title="次新", date=now - datetime.timedelta(days=2))
    assert home_headlines(client) == ["置顶第一", "旧闻但置顶", "最新", "次新"]
    assert "headline--pinned" in client.get("/").content.decode()


def test_expired_pin_no_longer_pins(client, tree):
    now = timezone.now()
    make_news(
        tree["news"],
        title="过期置顶",
        date=now - datetime.timedelta(days=10),
        pinned=True,
        pinned_until=now - datetime.timedelta(minutes=1),
    )
    make_news(
        tree["news"],
        title="有效置顶",
        date=now - datetime.timedelta(days=20),
        pinned=True,
        pinned_until=now + datetime.timedelta(days=1),
    )
    make_news(tree["news"], title="最新", date=now - datetime.timedelta(days=1))
    assert home_headlines(client) == ["有效置顶", "最新", "过期置顶"]


def test_a_pin_expires_at_its_time(tree):
    now = timezone.now()
    until = now + datetime.timedelta(hours=2)
    make_news(
        tree["news"],
        title="限时置顶",
        date=now - datetime.timedelta(days=5),
        pinned=True,
        pinned_until=until,
    )
    make_news(tree["news"], title="最新", date=now)
    locale = tree["home"].locale
    assert [p.title for p in headlines(locale, 5, now=now)] == ["限时置顶", "最新"]
    later = until + datetime.timedelta(seconds=1)
    assert [p.title for p in headlines(locale, 5, now=later)] == ["最新", "限时置顶"]


def test_home_shows_only_the_configured_number(client, tree):
    tree["home"].news_count = 3
    tree["home"].save_revision().publish()
    for n in range(5):
        make_news(tree["news"], title=f"新闻{n}", pinned=n == 4)
    titles = home_headlines(client)
    assert len(titles) == 3
    assert titles[0] == "新闻4"


def test_unpublished_news_is_not_shown(client, tree):
    page = make_news(tree["news"], title="已撤回", pinned=True)
    make_news(tree["news"], title="仍在线")
    page.unpublish()
    assert home_headlines(client) == ["仍在线"]


def test_news_panel_is_left_out_when_there_is_no_news(client, tree):
    assert home_headlines(client) == []
    assert "警务要闻" not in client.get("/").content.decode()
