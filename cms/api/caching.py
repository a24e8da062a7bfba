"""Conditional requests for the API: ETag and Last-Modified without running the view.

Every GET under /api/ answers with an ETag and a Last-Modified derived from the
content version — the time of the last change to anything the API shows (publishing,
unpublishing, moving or deleting a page, an edited image, document, setting or view
restriction), kept in the cache and moved on by signals — so a repeated request with
If-None-Match or If-Modified-Since gets 304 Not Modified before any query runs.

Pins expire with the clock rather than with an edit, so the version also moves on
every PIN_BUCKET seconds: a pinned article that expired drops off within ten minutes.
The release (RELEASE, e.g. the deployed commit) is part of every ETag, so a new
version of the code never answers 304 for what it would now write differently.

The version is a whole number of seconds that only ever grows: each change moves it
to the later of now and one second past the last one, so Last-Modified is different
for every change even when two come in the same second or a server's clock is behind.
It moves when the change's transaction commits, so no request between the change and
the commit can store old content under the new version.

Only If-None-Match and If-Modified-Since are honoured (GETs of the API have no use
for If-Match or If-Unmodified-Since).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponseNotModified
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from wagtail import signals as wagtail_signals

from .problems import API_PREFIX

VERSION_KEY = "jingwu:content-version"
# Citizens' own data changes without any publishing: never conditional, never cached.
PERSONAL_PREFIXES = ("/api/v2/cases/", "/api/v2/booking/bookings/")
# Offers are edited and places taken without any publishing: never conditional, kept
# by caches only briefly (services.booking.api).
LIVE_PREFIXES = ("/api/v2/booking/offers/",)
PIN_BUCKET = 600


def content_version() -> int:
    """When published content last changed, in whole seconds (now, if forgotten)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, int(time.time()), None)
        version = cache.get(VERSION_KEY) or int(time.time())
    return version


def content_changed(**kwargs) -> None:
    """Move the content version on, once the change is committed."""
    transaction.on_commit(move_version_on)


def move_version_on() -> None:
    previous = cache.get(VERSION_KEY) or 0
    cache.set(VERSION_KEY, max(int(time.time()), previous + 1), None)


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
        path = request.path_info
        if (
            request.method not in {"GET", "HEAD"}
            or not path.startswith(API_PREFIX)
            or path.startswith(PERSONAL_PREFIXES + LIVE_PREFIXES)
        ):
            return self.get_response(request)
        now = int(time.time())
        bucket = now - now % PIN_BUCKET
        last_modified = max(content_version(), bucket)
        key = "|".join(
            (
                settings.RELEASE,
                str(last_modified),
                request.get_full_path(),
                getattr(request, "LANGUAGE_CODE", ""),
            )
        )
        etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
        if not_modified(request, etag, last_modified):
            response = HttpResponseNotModified()
        else:
            response = self.get_response(request)
            if response.status_code != 200:
                return response
        # Cache-Control comes from cms.middleware.CacheControlMiddleware.
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        return response


def not_modified(request, etag: str, last_modified: int) -> bool:
    """Whether the client's copy is current (RFC 9110: If-None-Match wins)."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        return etag in parse_etags(if_none_match)  # "*" matches no GET here
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified <= since
