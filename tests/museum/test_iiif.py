"""IIIF manifests and hall collections: valid for iiif-prezi3, public content only,
every picture they name served, a fixed number of queries, conditional and CORS."""

import io
import json

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from iiif_prezi3 import Collection as IIIFCollection
from iiif_prezi3 import Manifest
from PIL import Image as PILImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
)

from museum.iiif import MEDIA_TYPE, RIGHTS
from tests.factories import make_news, make_site
from tests.museum.deepzoom_support import (
    MEDIA_URLS,
    make_exhibit,
    make_museum,
    make_picture,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls(MEDIA_URLS)]

# Per request, however many pictures or exhibits (pinned: a change shows up here).
MANIFEST_QUERIES = 9
COLLECTION_QUERIES = 11


@pytest.fixture
def museum():
    tree = make_site()
    return {**make_museum(tree), "tree": tree}


def manifest_path(exhibit) -> str:
    return f"/museum/iiif/exhibits/{exhibit.pk}/manifest.json"


def collection_path(hall) -> str:
    return f"/museum/iiif/halls/{hall.pk}/collection.json"


def get_json(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert response["Content-Type"] == MEDIA_TYPE
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def images_in(resource) -> list[dict]:
    """Every image resource (painted or thumbnail) anywhere in a manifest."""
    found = []
    if isinstance(resource, dict):
        if resource.get("type") == "Image":
            found.append(resource)
        for value in resource.values():
            found += images_in(value)
    elif isinstance(resource, list):
        for value in resource:
            found += images_in(value)
    return found


def local(url: str) -> str:
    """The path of an absolute URL of the site (WAGTAILAPI_BASE_URL)."""
    assert url.startswith(settings.WAGTAILAPI_BASE_URL + "/"), url
    return url.removeprefix(settings.WAGTAILAPI_BASE_URL)


def by_label(metadata: list[dict]) -> dict[str, dict]:
    return {row["label"]["zh-Hans"][0]: row["value"] for row in metadata}


def test_a_manifest_is_valid_iiif_and_describes_the_exhibit(client, museum):
    exhibit = make_exhibit(museum, pictures=3)
    data = get_json(client, manifest_path(exhibit))

    manifest = Manifest(**data)  # iiif-prezi3's own models accept it
    assert str(manifest.id) == settings.WAGTAILAPI_BASE_URL + manifest_path(exhibit)
    assert data["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert data["label"] == {"zh-Hans": [exhibit.title]}
    assert data["summary"] == {"zh-Hans": ["新中国第一代警徽。"]}
    assert by_label(data["metadata"]) == {
        "馆藏编号": {"none": [exhibit.accession_number]},
        "类别": {"zh-Hans": ["警衔警徽"]},
        "年代": {"zh-Hans": ["20世纪50年代"]},
        "材质": {"zh-Hans": ["铜"]},
        "制造者": {"zh-Hans": ["沈阳造币厂"]},
        "尺寸": {"zh-Hans": ["直径 60 毫米"]},
        "展厅": {"zh-Hans": ["公安史展厅"]},
    }
    assert data["metadata"][0]["label"]["en"] == ["Accession number"]
    assert data["requiredStatement"]["value"]["zh-Hans"] == ["测试市公安局"]
    assert data["rights"] == RIGHTS
    assert data["homepage"][0]["id"] == settings.WAGTAILAPI_BASE_URL + exhibit.url
    assert data["homepage"][0]["format"] == "text/html"
    assert data["partOf"][0]["id"] == (
        settings.WAGTAILAPI_BASE_URL + collection_path(museum["hall"])
    )

    canvases = data["items"]
    assert len(canvases) == 3
    assert len({canvas["id"] for canvas in canvases}) == 3
    for canvas, alt in zip(canvases, ("第 1 张", "第 2 张", "第 3 张"), strict=True):
        annotation = canvas["items"][0]["items"][0]
        body = annotation["body"]
        assert annotation["motivation"] == "painting"
        assert annotation["target"] == canvas["id"]
        assert (body["width"], body["height"]) == (canvas["width"], canvas["height"])
        assert (body["width"], body["height"]) == (1600, 1000)  # the original's size
        assert body["format"] == "image/webp"
        assert canvas["summary"]["zh-Hans"][0].endswith(alt)
    assert canvases[0]["label"] == {"zh-Hans": ["图注 1"]}  # the caption
    assert canvases[1]["label"] == {"zh-Hans": ["图 2"], "en": ["Picture 2"]}


def test_every_picture_named_is_served_at_the_size_it_states(client, museum):
    exhibit = make_exhibit(museum, pictures=2)
    make_exhibit(museum, pictures=1)
    named = images_in(get_json(client, manifest_path(exhibit)))
    named += images_in(get_json(client, collection_path(museum["hall"])))
    assert len(named) >= 2 * 2 + 1 + 2  # bodies, thumbnails, the hall's covers
    for image in named:
        response = client.get(local(image["id"]))
        assert response.status_code == 200, image["id"]
        content = b"".join(response.streaming_content)
        with PILImage.open(io.BytesIO(content)) as picture:
            assert picture.size == (image["width"], image["height"]), image["id"]
            assert PILImage.MIME[picture.format] == image["format"], image["id"]


def test_a_hall_collection_lists_its_public_exhibits_in_route_order(client, museum):
    second = make_exhibit(museum, hall_order=2)
    first = make_exhibit(museum, hall_order=1)
    make_exhibit(museum, publish=False, title="草稿藏品")
    private = make_exhibit(museum, hall_order=3, title="内部藏品")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_exhibit(museum, pictures=0, title="无图藏品")
    make_exhibit(museum, hall=None, title="库房藏品")
    hidden = make_exhibit(museum, pictures=1, title="内部图片藏品")
    restrict_pictures(hidden)

    data = get_json(client, collection_path(museum["hall"]))

    IIIFCollection(**data)
    assert data["label"] == {"zh-Hans": ["公安史展厅"]}
    assert [item["id"] for item in data["items"]] == [
        settings.WAGTAILAPI_BASE_URL + manifest_path(first),
        settings.WAGTAILAPI_BASE_URL + manifest_path(second),
    ]
    assert all(item["type"] == "Manifest" for item in data["items"])
    assert data["items"][0]["label"] == {"zh-Hans": [first.title]}
    body = json.dumps(data, ensure_ascii=False)
    for title in ("草稿藏品", "内部藏品", "无图藏品", "库房藏品", "内部图片藏品"):
        assert title not in body


def restrict_pictures(exhibit) -> None:
    """Move the exhibit's pictures into a collection only signed-in staff may see."""
    private = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="login"
    )
    for row in exhibit.images.all():
        row.image.collection = private
        row.image.save()


def test_drafts_private_pages_and_exhibits_without_pictures_are_404(client, museum):
    draft = make_exhibit(museum, publish=False)
    withdrawn = make_exhibit(museum)
    withdrawn.unpublish()
    private = make_exhibit(museum)
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    bare = make_exhibit(museum, pictures=0)
    hidden = make_exhibit(museum, pictures=2)
    restrict_pictures(hidden)
    for exhibit in (draft, withdrawn, private, bare, hidden):
        response = client.get(manifest_path(exhibit))
        assert response.status_code == 404, exhibit.title
        assert exhibit.title not in response.content.decode()

    shown = make_exhibit(museum)
    assert client.get(manifest_path(shown)).status_code == 200
    PageViewRestriction.objects.create(
        page=museum["collection"], restriction_type="login"
    )
    assert client.get(manifest_path(shown)).status_code == 404  # an ancestor's


def test_draft_and_private_halls_have_no_collection(client, museum):
    hall = museum["hall"]
    make_exhibit(museum)
    assert client.get(collection_path(hall)).status_code == 200
    PageViewRestriction.objects.create(page=hall, restriction_type="login")
    assert client.get(collection_path(hall)).status_code == 404
    PageViewRestriction.objects.all().delete()
    hall.unpublish()
    assert client.get(collection_path(hall)).status_code == 404


def test_a_draft_revision_of_a_live_exhibit_does_not_leak(client, museum):
    exhibit = make_exhibit(museum, pictures=1)
    title = exhibit.title
    exhibit.title = "尚未发布的新标题"
    exhibit.maker = "尚未发布的制造者"
    exhibit.images.add(exhibit.images.model(image=make_picture(), alt_text="新图"))
    exhibit.save_revision()  # a draft, not published

    data = get_json(client, manifest_path(exhibit))

    body = json.dumps(data, ensure_ascii=False)
    assert "尚未发布" not in body
    assert len(data["items"]) == 1
    assert data["label"] == {"zh-Hans": [title]}


def test_a_translation_adds_its_language(client, museum):
    exhibit = make_exhibit(museum, pictures=1)
    english = Locale.objects.create(language_code="en")
    pages = [museum["tree"]["home"], museum["museum"], museum["collection"], exhibit]
    for page in pages:
        translation = page.copy_for_translation(english)
        translation.title = f"EN {page.title}"
        translation.save_revision().publish()

    data = get_json(client, manifest_path(exhibit))

    assert data["label"] == {"zh-Hans": [exhibit.title], "en": [f"EN {exhibit.title}"]}
    assert [page["language"] for page in data["homepage"]] == [["zh-Hans"], ["en"]]
    assert data["homepage"][1]["id"].startswith(settings.WAGTAILAPI_BASE_URL + "/en/")
    Manifest(**data)


@pytest.mark.parametrize(
    "path",
    [
        "/museum/iiif/exhibits/0/manifest.json",
        "/museum/iiif/exhibits/99999999999999999999/manifest.json",
        "/museum/iiif/exhibits/9223372036854775808/manifest.json",
        "/museum/iiif/exhibits/-1/manifest.json",
        "/museum/iiif/exhibits/abc/manifest.json",
        "/museum/iiif/exhibits/1%00/manifest.json",
        "/museum/iiif/halls/99999999999999999999/collection.json",
        "/museum/iiif/halls/%F0%9F%98%80/collection.json",
        "/en/museum/iiif/exhibits/1/manifest.json",
        "{news}",
        "{hall_as_exhibit}",
        "{exhibit_as_hall}",
    ],
)
def test_hostile_and_wrong_ids_are_404(client, museum, path):
    exhibit = make_exhibit(museum, pictures=1)
    news = make_news(museum["tree"]["news"])
    path = path.format(
        news=f"/museum/iiif/exhibits/{news.pk}/manifest.json",
        hall_as_exhibit=f"/museum/iiif/exhibits/{museum['hall'].pk}/manifest.json",
        exhibit_as_hall=f"/museum/iiif/halls/{exhibit.pk}/collection.json",
    )
    client.raise_request_exception = False
    assert client.get(path).status_code == 404


def test_only_reading_is_allowed(client, museum):
    exhibit = make_exhibit(museum, pictures=1)
    assert client.head(manifest_path(exhibit)).status_code == 200
    assert client.post(manifest_path(exhibit)).status_code == 405
    assert client.delete(collection_path(museum["hall"])).status_code == 405


def test_repeated_requests_get_304_until_something_is_published(
    client, museum, django_capture_on_commit_callbacks
):
    exhibit = make_exhibit(museum, pictures=1)
    first = client.get(manifest_path(exhibit))
    assert first["Cache-Control"] == f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
    assert first["Last-Modified"]

    again = client.get(manifest_path(exhibit), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"

    with django_capture_on_commit_callbacks(execute=True):
        exhibit.title = "改名后的警徽"
        exhibit.save_revision().publish()
    changed = client.get(
        manifest_path(exhibit), headers={"If-None-Match": first["ETag"]}
    )
    assert changed.status_code == 200
    assert json.loads(changed.content)["label"] == {"zh-Hans": ["改名后的警徽"]}


def count_queries(client, path: str) -> int:
    """Queries of a warm request (renditions made and caches filled before)."""
    cache.clear()
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_a_manifest_costs_the_same_queries_for_one_picture_or_five(client, museum):
    one = make_exhibit(museum, pictures=1)
    five = make_exhibit(museum, pictures=5)
    assert count_queries(client, manifest_path(one)) == MANIFEST_QUERIES
    assert count_queries(client, manifest_path(five)) == MANIFEST_QUERIES


def test_a_collection_costs_the_same_queries_for_one_exhibit_or_five(client, museum):
    make_exhibit(museum, pictures=2)
    assert count_queries(client, collection_path(museum["hall"])) == COLLECTION_QUERIES
    for _ in range(4):
        make_exhibit(museum, pictures=2)
    assert count_queries(client, collection_path(museum["hall"])) == COLLECTION_QUERIES
