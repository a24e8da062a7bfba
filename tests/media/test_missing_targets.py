"""Pages keep working when what their blocks point at is gone: a deleted image,
document, video or page, or an image whose original file is missing."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.models import Collection

from media.models import Document, Video
from tests.factories import make_guide, make_image, make_news

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id, and ids are reused between tests."""
    cache.clear()


def make_document(title: str, name: str = "附件.pdf") -> Document:
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(name, ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document


def make_video(title: str = "宣传片") -> Video:
    video = Video(title=title, poster=make_image("视频封面"), transcript="视频文字稿")
    video.file.save("clip.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    return video


def html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def api(client, page) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:2000]
    return response.json()


def body_types(data: dict) -> list[str]:
    return [block["type"] for block in data["body"]]


def test_news_body_survives_deleted_image_document_and_video(client, tree):
    """Deleted image, gallery images, attachment and video leave no trace, no 500."""
    single, first, second = (make_image(t) for t in ("单图甲", "组图乙", "组图丙"))
    document = make_document("附件丁")
    video = make_video()
    page = make_news(
        tree["news"],
        body=[
            ("paragraph", "<p>正文段落。</p>"),
            ("image", {"image": single, "caption": "单图图注"}),
            (
                "gallery",
                {
                    "title": "",
                    "images": [
                        {"image": first, "caption": "组图图注一"},
                        {"image": second, "caption": "组图图注二"},
                    ],
                },
            ),
            ("attachment", {"document": document, "label": "下载附件丁"}),
            ("video", {"video": video, "caption": "视频说明"}),
        ],
    )
    gone = [
        "单图甲",
        "单图图注",
        "组图乙",
        "组图图注一",
        "组图丙",
        "组图图注二",
        "下载附件丁",
        document.url,
        "视频说明",
        video.file.url,
        "视频文字稿",
    ]
    before = html(client, page)
    assert all(text in before for text in gone), [t for t in gone if t not in before]
    assert body_types(api(client, page)) == [
        "paragraph",
        "image",
        "gallery",
        "attachment",
        "video",
    ]

    for target in (single, first, second, document, video):
        target.delete()

    after = html(client, page)
    assert "正文段落。" in after
    assert [text for text in gone if text in after] == []
    data = api(client, page)
    assert body_types(data) == ["paragraph"]
    assert all(block["value"] is not None for block in data["body"])


def test_gallery_keeps_its_remaining_images(client, tree):
    """A gallery that lost one image shows the other, in the page and the API."""
    kept, lost = make_image("留下的图"), make_image("删掉的图")
    page = make_news(
        tree["news"],
        body=[
            (
                "gallery",
                {
                    "title": "现场组图",
                    "images": [
                        {"image": kept, "caption": "留下"},
                        {"image": lost, "caption": "删掉"},
                    ],
                },
            )
        ],
    )
    lost.delete()
    text = html(client, page)
    assert "留下的图" in text and "删掉" not in text
    gallery = api(client, page)["body"][0]["value"]
    assert gallery["title"] == "现场组图"
    assert [item["image"]["id"] for item in gallery["images"]] == [kept.pk]
    assert [item["caption"] for item in gallery["images"]] == ["留下"]


def test_gallery_whose_images_are_all_deleted_leaves_no_empty_frame(client, tree):
    """A gallery with no image left is not shown, as the API leaves it out."""
    images = [make_image("组图一"), make_image("组图二")]
    page = make_news(
        tree["news"],
        body=[
            ("paragraph", "<p>正文段落。</p>"),
            (
                "gallery",
                {
                    "title": "现场组图",
                    "images": [{"image": i, "caption": ""} for i in images],
                },
            ),
        ],
    )
    for image in images:
        image.delete()
    assert body_types(api(client, page)) == ["paragraph"]
    text = html(client, page)
    assert "现场组图" not in text
    assert 'class="gallery"' not in text


def test_guide_materials_survive_deleted_forms(client, tree):
    """A material whose blank form and example were deleted shows neither; API null."""
    blank, example = make_document("空白申请表"), make_document("填写样例")
    guide = make_guide(
        tree["category"],
        materials=[
            (
                "material",
                {
                    "name": "出入境证件申请表",
                    "form": "original",
                    "copies": 1,
                    "required": True,
                    "note": "",
                    "blank_form": blank,
                    "example": example,
                },
            )
        ],
    )
    urls = [blank.url, example.url]
    before = html(client, guide)
    assert all(url in before for url in urls)
    blank.delete()
    example.delete()

    after = html(client, guide)
    assert "出入境证件申请表" in after
    assert [url for url in urls if url in after] == []
    material = api(client, guide)["materials"][0]["value"]
    assert material["name"] == "出入境证件申请表"
    assert material["blank_form"] is None
    assert material["example"] is None


def image_without_file(title: str = "原图已丢失"):
    """An image whose original file is no longer in storage (no rendition made yet)."""
    image = make_image(title)
    image.file.storage.delete(image.file.name)
    assert not image.file.storage.exists(image.file.name)
    return image


def test_missing_original_file_as_teaser_and_body_image(client, tree):
    """A teaser and body image without its file: pages and API answer, block omitted."""
    image = image_without_file()
    page = make_news(
        tree["news"],
        teaser_image=image,
        body=[
            ("paragraph", "<p>正文段落。</p>"),
            ("image", {"image": image, "caption": "丢失图片的图注"}),
        ],
    )
    assert "正文段落。" in html(client, page)
    assert client.get(tree["news"].url).status_code == 200  # the listing's teaser
    assert client.get("/").status_code == 200  # the home page's headlines
    data = api(client, page)
    assert body_types(data) == ["paragraph"]
    assert "url" not in (data["teaser_image"] or {})
    listing = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "*"})
    assert listing.status_code == 200


def test_missing_original_file_renders_no_broken_image(client, tree):
    """A body image whose file is missing renders nothing, as the API omits it."""
    image = image_without_file()
    page = make_news(
        tree["news"], body=[("image", {"image": image, "caption": "丢失图片的图注"})]
    )
    text = html(client, page)
    assert "not-found" not in text
    assert "丢失图片的图注" not in text


def test_missing_original_file_as_lead_image(client, tree):
    """An article whose lead image lost its file still renders."""
    page = make_news(tree["news"], lead_image=image_without_file())
    assert "<h1>" in html(client, page)


def test_missing_original_file_gives_a_null_teaser_image_in_the_api(client, tree):
    """The API gives null for a teaser image without its file, as for body images."""
    page = make_news(tree["news"], teaser_image=image_without_file())
    assert api(client, page)["teaser_image"] is None


def test_home_link_to_a_deleted_page_disappears(client, tree):
    """A quick link whose page was deleted is left out of the home page and its API."""
    home = tree["home"]
    doomed = make_news(tree["news"], title="即将删除的新闻")
    kept = make_guide(tree["category"], title="护照办理")
    home.quick_links = [
        ("link", {"title": "已删除页面链接", "page": doomed}),
        ("link", {"title": "护照办理入口", "page": kept}),
        ("link", {"title": "外部链接", "url": "https://www.gov.cn/"}),
    ]
    home.save_revision().publish()
    assert "已删除页面链接" in html(client, home)

    doomed.delete()

    text = html(client, home)
    assert "已删除页面链接" not in text
    assert "护照办理入口" in text and "外部链接" in text
    links = [link["value"] for link in api(client, home)["quick_links"]]
    assert [link["title"] for link in links] == ["护照办理入口", "外部链接"]
    assert links[0]["page_id"] == kept.pk
    assert all(link is not None for link in links)


def test_share_card_does_not_point_at_a_missing_file(client, tree):
    """A teaser image without its file gives no og:image, not a broken one."""
    page = make_news(tree["news"], teaser_image=image_without_file())
    text = html(client, page)
    assert 'property="og:image"' not in text
    assert "not-found" not in text
