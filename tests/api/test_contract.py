"""The app's journeys through a client that knows only the published schema."""

import pytest

from tests.api.schema_client import SchemaClient

pytestmark = pytest.mark.live


def test_app_home_guide_news_page_two_and_search(api_site):
    client = SchemaClient(api_site["url"])

    home = client.call("app_home").json()
    blocks = {block["type"]: block["value"] for block in home["blocks"]}
    assert set(blocks) == {
        "banner",
        "section",
        "news",
        "services",
        "social",
        "hotlines",
    }
    headlines = blocks["news"]["items"]
    assert [item["is_pinned"] for item in headlines[:2]] == [True, True]
    assert not any(item["is_pinned"] for item in headlines[2:])
    assert blocks["banner"]["image"]["url"].startswith(api_site["url"])
    assert [r["width"] for r in blocks["banner"]["image"]["renditions"]] == [360, 640]

    services = {item["title"]: item for item in blocks["services"]["items"]}
    assert set(services) == {"普通护照申领", "外国人签证延期"}
    service = services["普通护照申领"]
    guide = client.follow(service["detail_url"]).json()
    assert guide["meta"]["type"] == "guides.GuidePage"
    assert guide["materials"][0]["value"]["name"] == "居民身份证"
    assert guide["teaser_image"]["alt"] == "警徽"

    first = client.call("news_feed", limit=5).json()
    pinned = [item for item in first["items"] if item["is_pinned"]]
    assert len(pinned) == 2 and first["items"][:2] == pinned
    second = client.follow(first["meta"]["next"]).json()
    seen = {item["id"] for item in first["items"]}
    assert len(second["items"]) == 5
    assert not seen & {item["id"] for item in second["items"]}
    dates = [item["date"] for item in first["items"][2:] + second["items"]]
    assert dates == sorted(dates, reverse=True)

    found = client.call(
        "pages_list", search="护照", type="guides.GuidePage", fields="title"
    ).json()
    assert "普通护照申领" in [item["title"] for item in found["items"]]

    missing = client.call("pages_detail", path={"id": 999999})
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"
