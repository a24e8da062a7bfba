"""Conditional requests for the API: ETag and Last-Modified without running the view.

Every GET under /api/ answers with an ETag and a Last-Modified derived from the
content version — the time of the last change to anything the API shows (publishing,
unpublishing, moving or deleting a page, an edited image, document, setting or view
restriction), kept in the cache and moved on by signals — so a repeated request with
If-None-Match or If-Modified-Since gets 304 Not Modified before any query runs.

Pins expire with the clock rather than with an edit, so the version also moves on
every PIN_BUCKET seconds: a pinned article that expired drops off within ten minutes.
"""

import hashlib
import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from wagtail import signals as wagtail_signals

VERSION_KEY = "jingwu:content-version"
PIN_BUCKET = 600
API_PREFIX = "/api/"


def content_version() -> float:
    """When published content last changed (now, if the cache forgot)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time(), None)
        version = cache.get(VERSION_KEY) or time.time()
    return version


def content_changed(**kwargs) -> None:
    """Move the content version on: every cached API answer is now stale."""
    cache.set(VERSION_KEY, time.time(), None)


def watch(*models) -> None:
    """Move the content version on whenever one of these models is saved or deleted.

    Apps call it for the models their API output shows (in AppConfig.ready).
    """
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                content_changed,
                sender=model,
                dispatch_uid=f"jingwu-api-{model._meta.label}-{id(signal)}",
            )


def connect_signals() -> None:
    """Listen for changes to pages and media (called from CmsConfig.ready)."""
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        Page,
        PageViewRestriction,
        Site,
    )

    from cms.models import SiteSettings
    from media.models import Document, Image, Video

    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.published,
        wagtail_signals.unpublished,
        wagtail_signals.post_page_move,
    ):
        signal.connect(content_changed, dispatch_uid=f"jingwu-api-{id(signal)}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="jingwu-api-page")
    watch(
        SiteSettings,
        Site,
        Locale,
        Image,
        Document,
        Video,
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
    )


class ConditionalApiMiddleware:
    """ETag, Last-Modified and 304 for GET and HEAD under /api/."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"} or not request.path_info.startswith(
            API_PREFIX
        ):
            return self.get_response(request)
        now = time.time()
        bucket = now - now % PIN_BUCKET
        version = content_version()
        last_modified = int(max(version, bucket))
        etag = quote_etag(
            hashlib.sha256(
                "|".join(
                    (
                        repr(version),
                        str(int(bucket)),
                        request.get_full_path(),
                        getattr(request, "LANGUAGE_CODE", ""),
                    )
                ).encode()
            ).hexdigest()[:32]
        )
        response = get_conditional_response(
            request, etag=etag, last_modified=last_modified
        )
        if response is None:
            response = self.get_response(request)
            if response.status_code != 200:
                return response
        # Cache-Control comes from cms.middleware.CacheControlMiddleware.
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        return response
