"""The site search page: results, odd input, the query kept in the box."""

import pytest

from tests.factories import make_guide, make_news
from tests.search.catalogue import reindex

pytestmark = pytest.mark.django_db


def test_finds_pages_by_title(client, tree):
    make_guide(tree["category"], title="Passport renewal")
    make_news(tree["news"], title="Traffic notice")
    reindex()
    html = client.get("/search/", {"q": "passport"}).content.decode()
    assert "<mark>Passport</mark> renewal" in html and "Traffic notice" not in html
    assert 'value="passport"' in html


def test_empty_and_hostile_queries(client, tree):
    assert client.get("/search/").status_code == 200
    for query in (
        "",
        "   ",
        "<script>alert(1)</script>",
        "x" * 5000,
        "'; DROP TABLE--",
    ):
        response = client.get("/search/", {"q": query, "page": "abc"})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_pages_are_not_indexed_by_robots(client, tree):
    assert (
        '<meta name="robots" content="noindex">'
        in client.get("/search/?q=a").content.decode()
    )
