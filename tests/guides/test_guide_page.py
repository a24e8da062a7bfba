"""A service guide shows every 办事指南 element; categories list and filter items."""

import pytest

from guides.models import GuidePage, GuideRelatedItem
from tests.factories import add, make_guide

pytestmark = pytest.mark.django_db


def test_guide_takes_its_business_from_its_category(tree):
    guide = make_guide(tree["category"])
    assert GuidePage.objects.get(pk=guide.pk).business == "exit_entry"


def test_guide_shows_every_element(client, tree):
    related = make_guide(tree["category"], title="普通护照换发")
    guide = make_guide(
        tree["category"],
        title="普通护照申领",
        fee_free=False,
        fee_amount="120.00",
        fee_unit="元/本",
        fee_basis="发改价格〔2017〕1186号",
        visits=0,
        appointment_supported=True,
        courier_supported=True,
        consult_phone="010-84020101",
        complaint_phone="12389",
        apply_url="https://example.invalid/apply",
        related_items=[GuideRelatedItem(target=related)],
    )
    html = client.get(guide.url).content.decode()
    for text in (
        "行政许可",  # item type
        "市公安局出入境管理总队",  # responsible body
        "《中华人民共和国护照法》 第五条",  # legal basis
        "具有本市常住户口。",  # condition
        "居民身份证",  # material
        "原件",  # material form
        "窗口受理。",  # step
        "15 工作日",  # statutory limit
        "7 工作日",  # promised limit
        "120.00 元/本",  # fee
        "发改价格〔2017〕1186号",
        "零跑腿",
        "支持预约",
        "支持快递送达",
        "010-84020101",
        "12389",
        "可以代办吗？",  # FAQ
        "普通护照换发",  # related item
        "https://example.invalid/apply",  # 在线办理
    ):
        assert text in html, text


def test_guide_without_an_apply_link_says_online_handling_is_coming(client, tree):
    html = client.get(make_guide(tree["category"]).url).content.decode()
    assert "在线办理即将开通" in html


def test_index_counts_items_per_business_and_lists_popular_ones(client, tree):
    from guides.models import GuideCategoryPage

    traffic = add(
        tree["guides"],
        GuideCategoryPage(title="交管", slug="traffic", business="traffic"),
    )
    make_guide(tree["category"], title="外国人签证延期", popular=True)
    make_guide(tree["category"])
    make_guide(traffic, title="驾驶证换证")
    html = client.get(tree["guides"].url).content.decode()
    assert "2 项服务" in html and "1 项服务" in html
    assert "外国人签证延期" in html.split("热门事项")[1]


def test_category_filters_by_audience(client, tree):
    make_guide(
        tree["category"],
        title="外国人居留许可",
        serves_citizens=False,
        serves_foreigners=True,
    )
    make_guide(tree["category"], title="普通护照申领")
    html = client.get(tree["category"].url, {"audience": "foreigner"}).content.decode()
    assert "外国人居留许可" in html and "普通护照申领" not in html
    html = client.get(tree["category"].url, {"audience": "robot"}).content.decode()
    assert "外国人居留许可" in html and "普通护照申领" in html
