"""The site search page: results, odd input, the query kept in the box."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SynonymGroup
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


def test_synonyms_are_read_once_a_request_and_changes_show_on_the_next(client, tree):
    make_guide(tree["category"], title="出生登记")
    reindex()

    def synonym_reads(query):
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/search/", {"q": query}).content.decode()
        stamp = 'MAX("search_synonymgroup"."updated_at")'
        reads = [q for q in queries if stamp in q["sql"]]
        return html, len(reads)

    html, reads = synonym_reads("小孩上户口")
    assert "<mark>出生</mark><mark>登记</mark>" not in html
    assert reads == 1  # the query rewrite and the highlighter share one read
    SynonymGroup.objects.create(terms="小孩上户口，出生登记")
    html, reads = synonym_reads("小孩上户口")
    assert "<mark>出生</mark><mark>登记</mark>" in html and reads == 1
