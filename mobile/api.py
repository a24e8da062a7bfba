"""The app's own endpoints: its first screen and the news feed."""

import datetime
from urllib.parse import urlsplit

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from wagtail.models import Locale

from cms.api.fields import rendition_specs
from cms.api.filters import MAX_YEAR, MIN_YEAR
from cms.api.params import LOCALE, language_param
from cms.api.problems import invalid
from cms.api.schema import block_schema, ok
from cms.api.shapes import DATETIME, STRING, URL, obj
from cms.api.urls import absolute
from cms.api.views import ApiView
from cms.params import choice_param, int_param
from media.models import Image
from news.api import NEWS_ITEM, news_json
from news.models import NewsCategory, NewsPage, pinned_q

from .blocks import AppHomeStreamBlock
from .models import AppHome

TEASER_SPEC = "fill-640x360"


def requested_locale(request) -> Locale:
    """The `locale` parameter (a language code), or the default language."""
    code = language_param(request)
    if code is None:
        return Locale.get_default()
    return Locale.objects.filter(language_code=code).first() or Locale(
        pk=0, language_code=code
    )


def with_teaser_images(pages):
    """News pages with their teaser images and renditions fetched in bulk."""
    images = Image.objects.prefetch_renditions(*rendition_specs(TEASER_SPEC))
    return pages.prefetch_related(Prefetch("teaser_image", queryset=images))


APP_HOME = obj(
    {
        "locale": STRING,
        "last_published_at": {**DATETIME, "nullable": True},
        "blocks": block_schema(AppHomeStreamBlock()),
    },
    title="AppHome",
)
NEWS_FEED = obj(
    {
        "meta": obj(
            {
                "next": {**URL, "nullable": True},
                "previous": {**URL, "nullable": True},
            }
        ),
        "items": {"type": "array", "items": NEWS_ITEM},
    },
    title="NewsFeed",
)


class AppHomeView(ApiView):
    """GET /api/v2/app/home/?locale=zh-hans — the app's first screen."""

    @extend_schema(
        operation_id="app_home",
        summary="The app's first screen, composed by editors",
        description="Blocks in the editor's order: `banner`, `section`, `news` "
        "(active pins first), `services`, `social`, `hotlines`.",
        parameters=[LOCALE],
        responses=ok(APP_HOME, 400, 404),
    )
    def get(self, request):
        locale = requested_locale(request)
        home = AppHome.objects.filter(locale=locale, live=True).first()
        if home is None:
            raise Http404
        context = {"request": request, "locale": locale}
        return Response(
            {
                "locale": locale.language_code,
                "last_published_at": timezone.localtime(
                    home.last_published_at
                ).isoformat(),
                "blocks": home.content.stream_block.get_api_representation(
                    home.content, context
                ),
            }
        )


class NewsCursor(CursorPagination):
    """Newest first; a cursor, not an offset, so new articles never shift pages."""

    ordering = ("-date", "-pk")
    page_size = 20
    page_size_query_param = "limit"
    max_page_size = 50

    def decode_cursor(self, request):
        """DRF's cursor, refused (400) unless its position is a date we could have."""
        message = _("分页游标无效，请从第一页重新获取。")
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise invalid("cursor", message) from None
        if cursor is not None and cursor.position is not None:
            moment = parse_datetime(cursor.position)
            if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
                raise invalid("cursor", message)
            try:
                moment.astimezone(datetime.UTC)
            except OverflowError:
                raise invalid("cursor", message) from None
        return cursor

    def get_next_link(self):
        return site_link(super().get_next_link())

    def get_previous_link(self):
        return site_link(super().get_previous_link())


def site_link(url: str | None) -> str | None:
    """A link DRF built from the request's host, on the configured site instead."""
    if url is None:
        return None
    parts = urlsplit(url)
    return absolute(parts.path + (f"?{parts.query}" if parts.query else ""))


class NewsFeedView(ApiView):
    """GET /api/v2/news/ — the app's news list: active pins first, then the newest."""

    pagination = NewsCursor

    @extend_schema(
        operation_id="news_feed",
        summary="News, active pins first (first page only), then newest first",
        description="Follow `meta.next` for older news: a cursor, so articles "
        "published meanwhile never shift the pages.",
        parameters=[
            LOCALE,
            OpenApiParameter(
                "category",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                enum=NewsCategory.values,
            ),
            OpenApiParameter("limit", OpenApiTypes.INT, OpenApiParameter.QUERY),
            OpenApiParameter(
                "cursor",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description="From `meta.next` or `meta.previous`.",
            ),
        ],
        responses=ok(NEWS_FEED, 400),
    )
    def get(self, request):
        locale = requested_locale(request)
        pages = NewsPage.objects.live().public().filter(locale=locale)
        category = choice_param(request.GET, "category", NewsCategory.values)
        if "category" in request.GET and not category:
            raise invalid("category", _("没有这个新闻类别。"))
        if category:
            pages = pages.filter(category=category)
        if "limit" in request.GET and not int_param(request.GET, "limit", 1, 50):
            raise invalid("limit", _("应为 1 到 50 之间的整数。"))
        now = timezone.now()
        paginator = self.pagination()
        page = paginator.paginate_queryset(
            with_teaser_images(pages.exclude(pinned_q(now))), request, view=self
        )
        items = list(page)
        if "cursor" not in request.GET:
            pinned = with_teaser_images(pages.filter(pinned_q(now))).order_by(
                "pin_order", "-date", "-pk"
            )
            items = [*pinned, *items]
        return Response(
            {
                "meta": {
                    "next": paginator.get_next_link(),
                    "previous": paginator.get_previous_link(),
                },
                "items": [news_json(item, request) for item in items],
            }
        )
