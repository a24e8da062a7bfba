"""The museum's IIIF manifests and collections over HTTP, for any viewer anywhere.

/museum/iiif/exhibits/<id>/manifest.json and /museum/iiif/halls/<id>/collection.json:
JSON-LD with IIIF's profile, open to every origin (CORS), with an ETag and a
Last-Modified from the content version the API uses (cms.api.caching), so a viewer
that asks again gets 304 before any query. Drafts, private pages and exhibits
without a public picture are 404.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe

from cms.api.caching import content_version, not_modified
from cms.api.filters import MAX_INTEGER

from . import iiif
from .models import ExhibitPage, HallPage
from .visibility import visible


def iiif_resource(view):
    """Serve what the view builds as IIIF JSON-LD, conditionally, to any origin."""

    @require_safe
    @wraps(view)
    def serve(request, page_id: int):
        if page_id > MAX_INTEGER:  # SQLite cannot even compare a larger number
            raise Http404
        last_modified = content_version()
        key = f"{settings.RELEASE}|{last_modified}|{request.path}"
        etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
        if not_modified(request, etag, last_modified):
            response = HttpResponseNotModified()
        else:
            resource = view(request, page_id)
            response = HttpResponse(resource.jsonld(), content_type=iiif.MEDIA_TYPE)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        response["Access-Control-Allow-Origin"] = "*"
        # Cache-Control comes from cms.middleware.CacheControlMiddleware.
        return response

    return serve


@iiif_resource
def exhibit_manifest(request, page_id: int):
    exhibits = ExhibitPage.objects.select_related(
        "locale", "category", "material", "hall__locale"
    )
    exhibit = get_object_or_404(visible(exhibits, request), pk=page_id)
    manifest = iiif.exhibit_manifest(exhibit, request)
    if manifest is None:
        raise Http404
    return manifest


@iiif_resource
def hall_collection(request, page_id: int):
    halls = HallPage.objects.select_related("locale")
    hall = get_object_or_404(visible(halls, request), pk=page_id)
    return iiif.hall_collection(hall, request)


app_name = "museum_iiif"
urlpatterns = [
    path(
        "exhibits/<int:page_id>/manifest.json",
        exhibit_manifest,
        name="exhibit_manifest",
    ),
    path(
        "halls/<int:page_id>/collection.json",
        hall_collection,
        name="hall_collection",
    ),
]
