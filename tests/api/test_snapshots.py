"""The JSON the app reads, pinned: a change to it shows here as a diff.

Volatile values (ids, block UUIDs, timestamps, media file names) are normalised
before comparing. After an intended change, rewrite the files with
`UPDATE_SNAPSHOTS=1 scripts/test.sh tests/api/test_snapshots.py` and review the diff
in version control: what changed is what apps will see.
"""

import datetime
import difflib
import json
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone

from guides.models import GuideRelatedItem
from tests.factories import make_app_home, make_guide, make_image, make_news

pytestmark = pytest.mark.django_db

SNAPSHOTS = Path(__file__).parent / "snapshots"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
IDS = {"id", "page_id"}
# Set when the test runs; every other date and time is the fixture's own, and kept.
VOLATILE_TIMES = {"first_published_at", "last_published_at"}
REWRITES = [
    (re.compile(r"/api/v2/(pages|images|documents)/\d+/"), r"/api/v2/\1/<id>/"),
    (re.compile(r"/media/[^\"\s]+"), "/media/<file>"),
    (re.compile(r"/documents/\d+/"), "/documents/<id>/"),
    (re.compile(r'data-page-id="\d+"'), 'data-page-id="<id>"'),
]


def normalise(value, key: str = ""):
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, key) for v in value]
    if key in IDS and isinstance(value, int):
        return "<id>"
    if isinstance(value, str):
        if UUID.match(value):
            return "<uuid>"
        if key in VOLATILE_TIMES and DATETIME.match(value):
            return "<datetime>"
        for pattern, replacement in REWRITES:
            value = pattern.sub(replacement, value)
    return value


def assert_snapshot(name: str, data) -> None:
    text = json.dumps(normalise(data), ensure_ascii=False, indent=2, sort_keys=True)
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text + "\n", encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1"
    expected = path.read_text(encoding="utf-8").rstrip("\n")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), text.splitlines(), "snapshot", "now", lineterm=""
        )
        pytest.fail(f"{name} changed:\n" + "\n".join(diff))


@pytest.fixture
def content(tree):
    when = timezone.make_aware(datetime.datetime(2026, 11, 20, 9, 30))
    image = make_image("警徽")
    guides = tree["guides"].pk
    news = make_news(
        tree["news"],
        title="全市公安机关开展冬季道路交通安全整治",
        slug="winter-traffic",
        teaser="雨雪天气加强巡逻。",
        date=when,
        category="police_news",
        teaser_image=image,
        lead_image=image,
        source="市公安局交管局",
        pinned=True,
        body=[
            (
                "paragraph",
                f'<p>详见<a linktype="page" id="{guides}">网上办事</a>。</p>',
            ),
            ("image", {"image": image, "caption": "巡逻民警"}),
            ("quote", {"text": "安全出行。", "source": "交管局"}),
        ],
    )
    news.tags.add("交通安全", "冬季安全")
    news.save_revision().publish()
    other = make_guide(tree["category"], title="普通护照换发", slug="renewal")
    guide = make_guide(
        tree["category"],
        title="普通护照申领",
        slug="passport",
        teaser="首次申请普通护照。",
        item_code="JW-CRJ-001",
        popular=True,
        fee_free=False,
        fee_amount="120.00",
        fee_unit="元/本",
        related_items=[GuideRelatedItem(target=other)],
    )
    make_app_home(tree, image)
    return {"news": news, "guide": guide}


def test_guide(client, content):
    guide = client.get(f"/api/v2/pages/{content['guide'].pk}/").json()
    assert_snapshot("guide", guide)


def test_news_item(client, content):
    assert_snapshot("news", client.get(f"/api/v2/pages/{content['news'].pk}/").json())


def test_app_home(client, content):
    assert_snapshot("app_home", client.get("/api/v2/app/home/").json())


def test_news_feed(client, content):
    assert_snapshot("news_feed", client.get("/api/v2/news/").json())
