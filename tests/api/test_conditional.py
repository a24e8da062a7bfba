"""ETag, Last-Modified and 304 on every API GET; publishing moves the ETag on."""

import pytest
from django.test import override_settings

from tests.factories import make_guide, make_image, make_news

pytestmark = pytest.mark.django_db

URLS = ["/api/v2/pages/?type=news.NewsPage", "/api/v2/news/", "/api/v2/images/"]


def test_every_get_answers_with_validators_and_304(client, tree):
    make_news(tree["news"], teaser_image=make_image())
    for url in URLS:
        first = client.get(url)
        assert first.status_code == 200, url
        etag, modified = first["ETag"], first["Last-Modified"]
        assert first["Cache-Control"] == "public, max-age=120"
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == etag
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
        assert since.status_code == 304
        other = client.get(url + "&limit=1" if "?" in url else url + "?limit=1")
        assert other["ETag"] != etag  # another query, another representation


def test_publishing_changes_the_etag_once_committed(
    client, tree, django_capture_on_commit_callbacks
):
    guide = make_guide(tree["category"], title="普通护照申领")
    url = f"/api/v2/pages/{guide.pk}/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    guide.title = "普通护照申领（新）"
    with django_capture_on_commit_callbacks() as pending:
        guide.save_revision().publish()
    # Not committed yet: a request now must not store the new content as current.
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    for callback in pending:
        callback()  # the commit
    after = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after.json()["title"] == "普通护照申领（新）"
    assert after["ETag"] != etag
    # An unrelated page published also moves it on (one version for all content),
    # even within the same second: Last-Modified differs too.
    etag, modified = after["ETag"], after["Last-Modified"]
    with django_capture_on_commit_callbacks(execute=True):
        make_news(tree["news"])
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["Last-Modified"] != modified
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200


def test_only_the_two_validators_of_a_get_are_honoured(client, tree):
    url = "/api/v2/pages/"
    assert client.get(url, HTTP_IF_MATCH='"nothing"').status_code == 200
    assert (
        client.get(
            url, HTTP_IF_UNMODIFIED_SINCE="Mon, 01 Jan 1990 00:00:00 GMT"
        ).status_code
        == 200
    )
    assert client.get("/api/v2/nope/", HTTP_IF_NONE_MATCH="*").status_code == 404


def test_a_new_release_answers_anew(client, tree, settings):
    etag = client.get("/api/v2/pages/")["ETag"]
    settings.RELEASE = "next"
    assert client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_draft_does_not_change_the_etag(client, tree):
    guide = make_guide(tree["category"])
    url = f"/api/v2/pages/{guide.pk}/"
    etag = client.get(url)["ETag"]
    guide.title = "草稿标题"
    guide.save_revision()  # saved, not published: the API shows the same
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


@override_settings(PUBLIC_CACHE_SECONDS=30)
def test_signed_in_and_error_responses_are_not_cached_publicly(client, tree, superuser):
    assert client.get("/api/v2/pages/")["Cache-Control"] == "public, max-age=30"
    problem = client.get("/api/v2/pages/?limit=abc")
    assert problem.status_code == 400 and not problem.has_header("ETag")
    assert "no-store" in problem["Cache-Control"]
    client.force_login(superuser)
    assert client.get("/api/v2/pages/")["Cache-Control"] == "private, no-store"
