"""sitemap.xml and robots.txt."""

from xml.etree import ElementTree

import pytest

from tests.factories import make_guide


@pytest.mark.django_db
def test_sitemap_lists_live_pages(client, tree):
    guide = make_guide(tree["category"], title="临时身份证明")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [
        loc.text
        for loc in ElementTree.fromstring(response.content).findall(
            "s:url/s:loc", namespace
        )
    ]
    assert any(url.endswith(guide.url) for url in urls)
    assert any(url.endswith("/news/") for url in urls)


@pytest.mark.django_db
def test_robots_points_at_the_sitemap_and_hides_the_admin(client, tree):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
