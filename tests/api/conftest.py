"""Content served over real HTTP for the API's contract tests."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Collection

from tests.booking.conftest import make_offer
from tests.factories import (
    make_app_home,
    make_document_page,
    make_guide,
    make_image,
    make_news,
    make_site,
)


@pytest.fixture
def api_site(transactional_db, live_server, settings):
    """A small site with every kind of content the app reads, on a live server.

    The site is configured to be where the live server answers, as a deployment's
    SITE_URL is, so the links the API gives lead back to it.
    """
    if Collection.get_first_root_node() is None:  # the flush removed it
        Collection.add_root(name="全部")
    settings.SITE_URL = settings.WAGTAILAPI_BASE_URL = live_server.url
    tree = make_site()
    tree["site"].port = urlsplit(live_server.url).port
    tree["site"].save()
    image = make_image("警徽")
    now = timezone.now()
    news = [
        make_news(
            tree["news"],
            title=f"警务要闻 {n:02d}",
            date=now - datetime.timedelta(hours=n),
            teaser_image=image if n % 2 else None,
            pinned=n in (7, 9),
        )
        for n in range(1, 14)
    ]
    guide = make_guide(
        tree["category"], title="普通护照申领", popular=True, teaser_image=image
    )
    make_guide(tree["category"], title="外国人签证延期", popular=True)
    make_document_page(tree["transparency"], title="2026年部门预算")
    make_app_home(tree, image)
    offer = make_offer(slug="museum-visit")  # a week of museum visits, days made
    return {
        **tree,
        "url": live_server.url,
        "news_pages": news,
        "guide": guide,
        "offer": offer,
    }
