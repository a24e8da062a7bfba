"""News as the app's JSON: the summary an item list shows."""

from django.utils import timezone

from cms.api.fields import image_json
from cms.api.shapes import DATETIME, IMAGE, STRING, URL, obj
from cms.api.urls import absolute

NEWS_ITEM = obj(
    {
        "id": {"type": "integer"},
        "title": STRING,
        "date": DATETIME,
        "category": STRING,
        "is_pinned": {"type": "boolean"},
        "teaser": STRING,
        "teaser_image": IMAGE,
        "url": URL,
        "detail_url": URL,
    }
)


def news_json(page, request=None) -> dict:
    """One article in a list: title, date, pin, teaser, picture and links."""
    return {
        "id": page.pk,
        "title": page.title,
        "date": timezone.localtime(page.date).isoformat(),
        "category": page.category,
        "is_pinned": page.is_pinned,
        "teaser": page.teaser,
        "teaser_image": image_json(page.teaser_image, "fill-640x360", request),
        "url": absolute(page.get_url(request)),
        "detail_url": absolute(f"/api/v2/pages/{page.pk}/"),
    }
