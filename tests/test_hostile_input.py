"""Every public URL, fed hostile values: never a 500, never an unescaped echo.

The walk covers each URL pattern outside the admin (a new pattern without a place here
fails `test_every_public_url_pattern_is_walked`), every page type and route, and the
parameters each documents, with a corpus of hostile values: empty, huge and negative
numbers, non-ASCII digits, NUL and control characters, 10,000 characters, emoji, SQL
and HTML/JS fragments, invalid UTF-8 percent-encodings and repeated parameters.
"""

import io
from urllib.parse import quote

import pytest
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Locale

from media.models import Document
from museum.models import ResearchPage
from services.booking.logic import book
from services.booking.models import Booking, BookingStatus
from services.models import ServiceFormPage, Submission
from tests.booking.conftest import make_offer, person, slot_on
from tests.factories import (
    add,
    make_app_home,
    make_document_page,
    make_guide,
    make_image,
    make_news,
    make_site,
)
from tests.museum.deepzoom_support import make_exhibit, make_museum
from tests.services.conftest import PASSPORT_FORM

# Values that are written into a query string with quote() (so they arrive as sent).
VALUES = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999999",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "²",
    "١٢٣",
    "三",
    "\x00",
    "a\x00b",
    "\x01\x1f\x7f\x9b",
    "x" * 10_000,
    "😀" * 20,
    "' OR 1=1 --",
    "1; DROP TABLE wagtailcore_page;",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "../../../etc/passwd",
    "2025-13-45",
    "0001-01-01",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    # DRF cursors (base64 of "p=<date>"): dates at the edges of what a date holds.
    "cD05OTk5LTEyLTMxVDIzOjU5OjU5LTE0OjAw",
    "cD0wMDAxLTAxLTAxVDAwJTNBMDAlM0EwMCUyQjE0JTNBMDA=",
    "true",
    "null",
    "[]",
    "{}",
    "*",
    "-",
    ",",
    "%",
]
# Raw query strings: invalid UTF-8 and repeated parameters, sent as they are.
RAW = ["{p}=%ff%fe", "{p}=%c3%28", "{p}=%ed%a0%80", "{p}=%", "{p}=1&{p}=2", "{p}"]
UNESCAPED = [v for v in VALUES if any(c in v for c in "<>\"'")]
BOOKINGS = "/api/v2/booking/bookings/"
# For parameters a page ignores: the values most likely to break something.
SHORT = ["\x00", "x" * 10_000, "<script>alert(1)</script>", "99999999999999999999"]

API_PAGE_FILTERS = [
    "first_published_at",
    "type",
    "fields",
    "limit",
    "offset",
    "order",
    "search",
    "search_operator",
    "locale",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "rich_text_format",
    "id",
    "title",
    "slug",
    "show_in_menus",
]
API_TYPED_FILTERS = {
    "news.NewsPage": [
        "date",
        "category",
        "pinned",
        "pinned_until",
        "pin_order",
        "tags",
    ],
    "cms.TransparencyPage": ["issue_date", "effective_date", "category", "validity"],
    "guides.GuidePage": [
        "business",
        "fee_amount",
        "statutory_days",
        "popular",
        "online_depth",
        "fee_free",
    ],
    "museum.ExhibitPage": [
        "accession_number",
        "category",
        "material",
        "hall",
        "grade",
        "year_start",
        "year_end",
        "hall_order",
    ],
    "museum.ResearchPage": ["date", "authors"],
}
MEDIA_PARAMS = ["limit", "offset", "order", "search", "fields", "title", "id", "tags"]
COLLECTION_PARAMS = ["category", "period", "hall", "material", "sort", "page"]


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = make_site()
        english = Locale.objects.create(language_code="en")
        image = make_image("警徽")
        cls.news = make_news(tree["news"], teaser_image=image, pinned=True)
        cls.news.tags.add("出入境")
        cls.news.save_revision().publish()
        cls.document = make_document_page(tree["transparency"])
        cls.guide = make_guide(tree["category"], popular=True)
        home_en = tree["home"].copy_for_translation(english)
        home_en.save_revision().publish()
        make_app_home(tree, image)
        cls.form = ServiceFormPage(
            title="护照申请",
            slug="apply",
            form_fields=PASSPORT_FORM,
            courier_allowed=True,
        )
        tree["category"].add_child(instance=cls.form)
        cls.form.save_revision().publish()
        cls.tree = tree
        cls.image = image
        museum = make_museum(tree)
        cls.exhibit = make_exhibit(museum, pictures=1)
        cls.hall = museum["hall"]
        cls.museum = museum
        cls.research = museum["research"]
        cls.study = add(
            cls.research,
            ResearchPage(title="研究", authors="林知远", abstract="摘要"),
        )
        cls.offer = make_offer(slug="hostile-visit")
        cls.ticket, _created = book(
            cls.offer, slot_on(cls.offer).pk, "13812345678", [person()]
        )

    def pages(self) -> dict[str, str]:
        """Every page type and route, by a name used in failure messages."""
        t = self.tree
        return {
            "home": "/",
            "home_en": "/en/",
            "news_index": t["news"].url,
            "news_feed": t["news"].url + "feed/",
            "news": self.news.url,
            "transparency_index": t["transparency"].url,
            "transparency": self.document.url,
            "guide_index": t["guides"].url,
            "guide_category": t["category"].url,
            "guide": self.guide.url,
            "guide_short": self.guide.url + "short/",
            "standard": t["interaction"].url,
            "form": self.form.url,
            "form_step": self.form.url + "step/3/",
            "form_check": self.form.url + "check/",
            "form_done": self.form.url + "done/",
            "case_lookup": "/cases/",
            "museum": self.museum["museum"].url,
            "museum_hall": self.hall.url,
            "museum_collection": self.museum["collection"].url,
            "museum_exhibit": self.exhibit.url,
            "museum_research": self.research.url,
            "museum_study": self.study.url,
            **self.booking_pages(),
        }

    def booking_pages(self) -> dict[str, str]:
        """The citizen's booking pages (a stranger's ticket: 404)."""
        offer = f"/booking/{self.offer.slug}/"
        ticket = f"/booking/tickets/{self.ticket.pk}/"
        return {
            "booking_index": "/booking/",
            "booking_offer": offer,
            "booking_day": f"{offer}{self.ticket.date.isoformat()}/",
            "booking_confirm": offer + "confirm/",
            "booking_mine": "/booking/mine/",
            "booking_lookup": "/booking/lookup/",
            "booking_ticket": ticket,
            "booking_ics": ticket + "booking.ics",
            "booking_cancel": ticket + "cancel/",
        }

    def html_targets(self) -> list[tuple[str, list[str], list[str]]]:
        """(path, parameters, values) of the site's pages and routes."""
        pages = self.pages()
        targets = [(path, ["unknown"], SHORT) for path in pages.values()]
        return targets + [
            (pages["news_index"], ["category", "tag", "page"], VALUES),
            (pages["news_feed"], ["format"], VALUES),
            (pages["transparency_index"], ["category", "year", "page"], VALUES),
            (pages["guide_category"], ["audience"], VALUES),
            (pages["museum_collection"], COLLECTION_PARAMS, VALUES),
            (pages["museum_research"], ["page"], VALUES),
            ("/search/", ["q", "type", "business", "page"], VALUES),
            ("/en/search/", ["q", "type"], VALUES),
            ("/search/suggest/", ["q"], VALUES),
            ("/sitemap.xml", ["p"], VALUES),
            ("/robots.txt", ["unknown"], SHORT),
            ("/_util/login/", ["next"], VALUES),
            ("/admin/login/", ["next"], VALUES),
            (f"/museum/iiif/exhibits/{self.exhibit.pk}/manifest.json", ["x"], SHORT),
            (f"/museum/iiif/halls/{self.hall.pk}/collection.json", ["x"], SHORT),
        ]

    def api_targets(self) -> list[tuple[str, list[str], list[str]]]:
        """(path, parameters, values) of the API's endpoints."""
        targets = [
            ("/api/v2/pages/", API_PAGE_FILTERS, VALUES),
            (f"/api/v2/pages/{self.news.pk}/", ["fields", "unknown"], VALUES),
            ("/api/v2/pages/find/", ["html_path", "id"], VALUES),
            ("/api/v2/images/", MEDIA_PARAMS, VALUES),
            (f"/api/v2/images/{self.image.pk}/", ["fields"], VALUES),
            ("/api/v2/images/find/", ["id"], VALUES),
            ("/api/v2/documents/", MEDIA_PARAMS, VALUES),
            ("/api/v2/documents/find/", ["id"], VALUES),
            ("/api/v2/app/home/", ["locale", "unknown"], VALUES),
            ("/api/v2/news/", ["locale", "category", "limit", "cursor"], VALUES),
            ("/api/schema/", ["format", "lang"], VALUES),
            ("/api/v2/forms/", ["unknown"], VALUES),
            (f"/api/v2/forms/{self.form.pk}/", ["unknown"], VALUES),
            ("/api/v2/cases/ABCD-EFGH-JKX/", ["phone_last4"], VALUES),
            ("/api/docs/", ["unknown"], SHORT),
            ("/api/v2/booking/offers/", ["unknown"], VALUES),
            (
                f"/api/v2/booking/offers/{self.offer.pk}/availability/",
                ["from", "to"],
                VALUES,
            ),
            ("/api/v2/booking/bookings/", ["unknown"], SHORT),
        ]
        ticket = f"/api/v2/booking/bookings/{self.ticket.token}/"
        for tail in ("", "qr.svg", "calendar.ics"):
            targets.append((ticket + tail, ["phone_last4"], VALUES))
        targets.append((ticket + "cancel/", ["phone_last4"], SHORT))
        for page_type, filters in API_TYPED_FILTERS.items():
            targets.append((f"/api/v2/pages/?type={page_type}", filters, VALUES))
        return targets

    def paths(self) -> list[str]:
        """Hostile values in the path itself (ids, file names, page slugs)."""
        segments = ["abc", "-1", "99999999999999999999", "%00", "%ff", quote("😀")]
        segments.append(quote("<script>alert(1)</script>", safe=""))
        paths = []
        for s in segments:
            paths += [
                f"/api/v2/pages/{s}/",
                f"/api/v2/images/{s}/",
                f"/api/v2/documents/{s}/",
                f"/api/v2/{s}/",
                f"/documents/{s}/{s}",
                "/documents/1/" + s,
                f"/documents/authenticate_with_password/{s}/",
                f"/_util/authenticate_with_password/{s}/{s}/",
                f"/{s}/",
                f"{self.tree['news'].url}{s}/",
                f"{self.guide.url}{s}/",
                f"{self.museum['collection'].url}{s}/",
                f"/en/{s}/",
                f"/api/v2/forms/{s}/",
                f"/api/v2/forms/{self.form.pk}/{s}/",
                f"/api/v2/cases/{s}/",
                f"{self.form.url}step/{s}/",
                f"/api/v2/booking/offers/{s}/availability/",
                f"/api/v2/booking/bookings/{s}/?phone_last4=1234",
                f"/api/v2/booking/bookings/{s}/qr.svg?phone_last4=1234",
                f"/api/v2/booking/bookings/{s}/calendar.ics",
                f"/booking/{s}/",
                f"/booking/{self.offer.slug}/{s}/",
                f"/booking/tickets/{s}/",
                f"/booking/tickets/{s}/booking.ics",
                f"/booking/tickets/{s}/cancel/",
                f"/museum/iiif/exhibits/{s}/manifest.json",
                f"/museum/iiif/halls/{s}/collection.json",
            ]
        document = Document.objects.create(title="附件")
        paths.append(f"/documents/{document.pk}/{quote('<b>.pdf')}")
        return paths

    def check(self, path: str, query: str, failures: list, value: str = "") -> None:
        # Collect every failure instead of stopping at the first exception.
        self.client.raise_request_exception = False
        separator = "&" if "?" in path else "?"
        url = f"{path}{separator}{query}" if query else path
        response = self.client.get(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url[:200]}")
            return
        content_type = response.get("Content-Type", "")
        is_redirect = 300 <= response.status_code < 400
        is_api = path.startswith("/api/v2/") or path.startswith("/api/schema/")
        if is_api and "json" not in content_type and not is_redirect:
            failures.append(f"not JSON ({content_type}) {url[:200]}")
        if value in UNESCAPED and "html" in content_type:
            if value in response.content.decode(errors="replace"):
                failures.append(f"unescaped echo of {value!r} at {url[:200]}")

    def walk(self, targets) -> tuple[list[str], int]:
        failures: list[str] = []
        requests = 0
        for path, params, values in targets:
            for param in params:
                for value in values:
                    self.check(path, f"{param}={quote(value)}", failures, value)
                    requests += 1
                for raw in RAW:
                    self.check(path, raw.format(p=param), failures)
                    requests += 1
        return failures, requests

    def assert_clean(self, failures: list[str], requests: int, floor: int) -> None:
        report = "\n".join(failures[:50])
        assert not failures, f"{len(failures)} of {requests} requests:\n{report}"
        assert requests >= floor  # the walk really walked

    def test_pages_and_routes(self):
        failures, requests = self.walk(self.html_targets())
        self.assert_clean(failures, requests, 750)

    def test_api_endpoints(self):
        failures, requests = self.walk(self.api_targets())
        self.assert_clean(failures, requests, 2300)

    def test_hostile_paths(self):
        failures: list[str] = []
        paths = self.paths()
        for path in paths:
            self.check(path, "", failures)
        self.assert_clean(failures, len(paths), 80)

    def post(self, path: str, failures: list, value: str = "", **kwargs) -> None:
        self.client.raise_request_exception = False
        response = self.client.post(path, **kwargs)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} POST {path} {value[:40]!r}")
        elif value in UNESCAPED and "html" in response.get("Content-Type", ""):
            if value in response.content.decode(errors="replace"):
                failures.append(f"unescaped echo of {value!r} in POST {path}")

    def test_posts(self):
        """Every form, step, upload, submit and lookup takes hostile answers."""
        failures: list[str] = []
        form, requests = self.form, 0
        keys = [f["key"] for s in form.spec["steps"] for f in s["fields"]]
        api = f"/api/v2/forms/{form.pk}/"
        for value in VALUES:
            answers = dict.fromkeys(keys, value)
            for step in range(4):
                data = {
                    **answers,
                    "delivery_address_0": value,
                    "delivery_address_1": value,
                }
                self.post(f"{form.url}step/{step}/", failures, value, data=data)
            self.post(form.url + "check/", failures, value, data={"x": value})
            self.post(
                "/cases/",
                failures,
                value,
                data={"reference": value, "phone_last4": value},
            )
            for body in (
                {"step": 0, "answers": answers},
                {"step": value, "answers": value},
                {
                    "step": 3,
                    "answers": {"delivery_address": {"region": value, "detail": value}},
                },
            ):
                self.post(
                    api + "validate/",
                    failures,
                    value,
                    data=body,
                    content_type="application/json",
                )
            self.post(
                api + "submissions/",
                failures,
                value,
                data=answers,
                content_type="application/json",
                headers={"Idempotency-Key": f"hostile-{len(value)}-{value[:1]!r}"},
            )
            self.post(
                api + "files/",
                failures,
                value,
                data={
                    "field": value or "photo",
                    "file": io.BytesIO(value.encode("utf-8", "replace")),
                },
            )
            requests += 11
            requests += self.post_bookings(value, failures)
            requests += self.post_booking_pages(value, failures)
        for raw in (
            b"",
            b"{",
            b"[]",
            b"null",
            b"\xff\xfe",
            b'{"step": 1e999}',
            b"x" * 100_000,
        ):
            for path in ("validate/", "submissions/"):
                self.post(
                    api + path,
                    failures,
                    data=raw,
                    content_type="application/json",
                    headers={"Idempotency-Key": "hostile-raw-key"},
                )
                requests += 1
            for path in (BOOKINGS, f"{BOOKINGS}{self.ticket.token}/cancel/"):
                self.post(
                    path,
                    failures,
                    data=raw,
                    content_type="application/json",
                    headers={"Idempotency-Key": "hostile-raw-key"},
                )
                requests += 1
        self.assert_clean(failures, requests, 400)
        assert not Submission.objects.exists()
        assert list(Booking.objects.values_list("pk", "status")) == [
            (self.ticket.pk, BookingStatus.BOOKED)
        ]

    def post_bookings(self, value: str, failures: list) -> int:
        """A booking and a cancellation with the value in every field."""
        slot = self.ticket.slot_id
        bodies = [
            {"offer": value, "slot": value, "phone": value, "visitors": value},
            {
                "offer": self.offer.pk,
                "slot": slot,
                "phone": value,
                "visitors": [
                    {
                        "name": value,
                        "document_type": value,
                        "document_number": value,
                        "minor": value,
                    }
                ],
            },
            {
                "offer": self.offer.pk,
                "slot": slot,
                "phone": "13812345678",
                "visitors": [person(name=value), {"document_number": value}],
            },
        ]
        for body in bodies:
            self.post(
                BOOKINGS,
                failures,
                value,
                data=body,
                content_type="application/json",
                headers={"Idempotency-Key": f"hostile-{len(value)}-{value[:1]!r}"},
            )
        for path in (
            f"{BOOKINGS}{self.ticket.token}/cancel/",
            f"{BOOKINGS}{quote(value, safe='')}/cancel/",
        ):
            self.post(
                path,
                failures,
                value,
                data={"phone_last4": value},
                content_type="application/json",
            )
        return len(bodies) + 2

    def post_booking_pages(self, value: str, failures: list) -> int:
        """The web booking form (hostile everywhere, then only in the document),
        the check page, the lookup and a stranger's cancellation."""
        pages = self.booking_pages()
        visitor = ("name", "document_type", "document_number", "minor")
        form = {"slot": value, "phone": value, "count": value, "action": value}
        form.update({f"v0-{field}": value for field in visitor})
        reaches_engine = {
            "slot": self.ticket.slot_id,
            "phone": "13812345678",
            "count": "1",
            "v0-name": "张三",
            "v0-document_type": "resident_id",
            "v0-document_number": value,
        }
        for data in (form, {**form, "action": "add"}, reaches_engine):
            self.post(pages["booking_day"], failures, value, data=data)
        self.post(pages["booking_confirm"], failures, value, data={"x": value})
        self.post(
            pages["booking_lookup"],
            failures,
            value,
            data={"token": value, "phone_last4": value},
        )
        self.post(pages["booking_cancel"], failures, value, data={"x": value})
        return 6

    def test_every_public_url_pattern_is_walked(self):
        """A URL pattern added later must be added to the walk above."""
        walked = {
            "documents/^(\\d+)/(.*)$",
            "documents/authenticate_with_password/<int:restriction_id>/",
            "api/v2/^pages/",
            "api/v2/^pages/<int:pk>/",
            "api/v2/^pages/find/",
            "api/v2/^images/",
            "api/v2/^images/<int:pk>/",
            "api/v2/^images/find/",
            "api/v2/^documents/",
            "api/v2/^documents/<int:pk>/",
            "api/v2/^documents/find/",
            "api/v2/app/home/",
            "api/v2/news/",
            "api/v2/forms/",
            "api/v2/forms/<int:page_id>/",
            "api/v2/forms/<int:page_id>/validate/",
            "api/v2/forms/<int:page_id>/files/",
            "api/v2/forms/<int:page_id>/submissions/",
            "api/v2/cases/<str:reference>/",
            "api/v2/booking/offers/",
            "api/v2/booking/offers/<int:offer_id>/availability/",
            "api/v2/booking/bookings/",
            "api/v2/booking/bookings/<str:token>/",
            "api/v2/booking/bookings/<str:token>/qr.svg",
            "api/v2/booking/bookings/<str:token>/calendar.ics",
            "api/v2/booking/bookings/<str:token>/cancel/",
            "^api/(?P<rest>.*)$",
            "booking/",
            "booking/mine/",
            "booking/lookup/",
            "booking/tickets/<int:pk>/",
            "booking/tickets/<int:pk>/booking.ics",
            "booking/tickets/<int:pk>/cancel/",
            "booking/<slug:slug>/",
            "booking/<slug:slug>/confirm/",
            "booking/<slug:slug>/<isodate:date>/",
            "cases/",
            "api/schema/",
            "api/docs/",
            "sitemap.xml",
            "robots.txt",
            "search/",
            "search/suggest/",
            "_util/authenticate_with_password/<int:page_view_restriction_id>/"
            "<int:page_id>/",
            "_util/login/",
            "^((?:[\\w\\-]+/)*)$",
            "museum/iiif/exhibits/<int:page_id>/manifest.json",
            "museum/iiif/halls/<int:page_id>/collection.json",
        }
        assert set(public_patterns()) == walked

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        text=st.text(max_size=300),
        param=st.sampled_from(["q", "type", "business", "page"]),
    )
    def test_search_takes_any_text(self, text, param):
        response = self.client.get("/search/", {param: text})
        assert response.status_code == 200

    @settings(max_examples=150, deadline=None)
    @given(
        text=st.text(max_size=200),
        param=st.sampled_from(["search", "order", "fields", "type", "limit", "date"]),
    )
    def test_api_takes_any_text(self, text, param):
        response = self.client.get(
            "/api/v2/pages/", {"type": "news.NewsPage", param: text}
        )
        assert response.status_code in {200, 400}, response.content[:300]


def public_patterns():
    """URL patterns outside the admin, as strings."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return [p for p in walk(get_resolver().url_patterns) if not p.startswith("admin/")]


pytestmark = pytest.mark.django_db
