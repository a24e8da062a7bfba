"""Our API endpoints over Wagtail's: one error format, checked filters, no leaks."""

from django.utils.translation import gettext as _
from rest_framework.views import APIView
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.serializers import (
    DocumentSerializer as WagtailDocumentSerializer,
)
from wagtail.documents.api.v2.views import (
    DocumentsAPIViewSet as WagtailDocumentsAPIViewSet,
)
from wagtail.images.api.v2.serializers import ImageSerializer as WagtailImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Page

from cms.params import CONTROL
from media.visibility import publicly_used

from . import filters
from .fields import DownloadUrlField, ImageRenditionsField
from .filters import MAX_INTEGER, check_integer
from .pagination import Pagination
from .problems import invalid


class ProblemsMixin:
    """Problem+json errors (Wagtail writes {"message"}), checked paging and finding."""

    pagination_class = Pagination

    def handle_exception(self, exc):
        return APIView.handle_exception(self, exc)

    def initial(self, request, *args, **kwargs):
        # No parameter of ours holds control characters; PostgreSQL refuses NUL in
        # any text it is given, so one stray value would otherwise be a 500.
        for name, values in request.GET.lists():
            if CONTROL.search(name) or any(CONTROL.search(v) for v in values):
                raise invalid(name, _("参数值不能包含控制字符。"))
        super().initial(request, *args, **kwargs)

    def find_view(self, request):
        if "id" in request.GET:
            check_integer("id", request.GET["id"], 1, MAX_INTEGER)
        if CONTROL.search(request.GET.get("html_path", "")):
            raise invalid("html_path", _("参数值不能包含控制字符。"))
        return super().find_view(request)


class PagesAPIViewSet(ProblemsMixin, WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint, fetching related rows in bulk (no query per page).

    Page models list what their API fields read through `api_prefetch_related`.
    """

    filter_backends = filters.replace(WagtailPagesAPIViewSet.filter_backends)

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        if model is Page:
            return queryset
        images = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model._meta.label == "media.Image"
        ]
        queryset = queryset.select_related(*images)
        return queryset.prefetch_related(*getattr(model, "api_prefetch_related", []))


class ImageSerializer(WagtailImageSerializer):
    """Wagtail's image serializer, with phone renditions and an absolute URL."""

    download_url = DownloadUrlField(read_only=True)
    renditions = ImageRenditionsField(read_only=True)


class DocumentSerializer(WagtailDocumentSerializer):
    """Wagtail's document serializer, with an absolute download URL."""

    download_url = DownloadUrlField(read_only=True)


class ImagesAPIViewSet(ProblemsMixin, WagtailImagesAPIViewSet):
    """Images that live, public pages show (see media.visibility)."""

    base_serializer_class = ImageSerializer
    body_fields = WagtailImagesAPIViewSet.body_fields + ["renditions"]
    filter_backends = filters.replace(WagtailImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        used = publicly_used(self.model).values("pk")
        return super().get_queryset().filter(pk__in=used)


class DocumentsAPIViewSet(ProblemsMixin, WagtailDocumentsAPIViewSet):
    """Documents that live, public pages offer (see media.visibility)."""

    base_serializer_class = DocumentSerializer
    filter_backends = filters.replace(WagtailDocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        used = publicly_used(self.model).values("pk")
        return super().get_queryset().filter(pk__in=used)
