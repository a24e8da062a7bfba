"""Rich text an app can follow, and images at phone sizes."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.models import PageViewRestriction

from media.models import Document, Image
from tests.factories import make_guide, make_news

pytestmark = pytest.mark.django_db


def picture(width: int, height: int) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (11, 58, 126)).save(buffer, "JPEG")
    image = Image(title=f"{width}x{height}")
    image.file = ContentFile(buffer.getvalue(), name=f"p{width}.jpg")
    image.save()
    return image


def test_rich_text_links_are_absolute_with_page_ids(client, tree):
    public = make_guide(tree["category"], title="普通护照申领")
    private = make_guide(tree["category"], title="内部事项")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = make_guide(tree["category"], title="草稿事项")
    draft.unpublish()
    document = Document(title="申请表")
    document.file.save("form.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    image = picture(1600, 900)
    html = (
        f'<p><a linktype="page" id="{public.pk}">公开</a>'
        f'<a linktype="page" id="{private.pk}">内部</a>'
        f'<a linktype="page" id="{draft.pk}">草稿</a>'
        f'<a linktype="document" id="{document.pk}">表格</a>'
        '<a href="https://weibo.com/">微博</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="示意图"/>'
    )
    news = make_news(tree["news"], body=[("paragraph", html)])
    body = client.get(f"/api/v2/pages/{news.pk}/").json()["body"][0]["value"]
    assert "linktype" not in body and "embedtype" not in body
    assert (
        f'<a href="http://localhost{public.url}" data-page-id="{public.pk}">公开</a>'
        in body
    )
    assert "<a>内部</a>" in body and "<a>草稿</a>" in body  # text kept, link gone
    assert f'<a href="http://localhost{document.url}">表格</a>' in body
    assert '<a href="https://weibo.com/">微博</a>' in body
    assert 'src="http://localhost/media/images/' in body
    assert 'alt="示意图"' in body


def test_images_come_at_phone_sizes_in_webp(client, tree):
    big, small = picture(1600, 900), picture(500, 300)
    news = make_news(tree["news"], teaser_image=big, lead_image=small)
    data = client.get(f"/api/v2/pages/{news.pk}/").json()
    teaser = data["teaser_image"]
    assert (teaser["width"], teaser["height"]) == (640, 360)  # the field's own crop
    assert [(r["width"], r["height"]) for r in teaser["renditions"]] == [
        (360, 202),
        (720, 405),
        (1080, 608),
    ]
    assert all(r["url"].endswith(".webp") for r in teaser["renditions"])
    assert all(
        r["url"].startswith("http://localhost/media/") for r in teaser["renditions"]
    )
    lead = data["lead_image"]  # never wider than the original
    assert [r["width"] for r in lead["renditions"]] == [360, 500]
    listed = client.get(f"/api/v2/images/{big.pk}/").json()
    assert listed["meta"]["download_url"].startswith("http://localhost/media/")
    assert [r["width"] for r in listed["renditions"]] == [360, 720, 1080]
