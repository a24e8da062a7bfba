"""Our API endpoints over Wagtail's: one error format, checked filters, no leaks."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
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
from media.models import Image
from media.visibility import publicly_used

from . import filters, params, schema
from .fields import DownloadUrlField, ImageField, ImageRenditionsField, rendition_specs
from .filters import MAX_INTEGER, check_integer
from .pagination import Pagination
from .problems import invalid


class CheckedParamsMixin:
    """Refuse query parameters with control characters, before anything else runs.

    PostgreSQL refuses NUL in any text it is given, so one stray value would
    otherwise be a 500 wherever a parameter reaches a query.
    """

    def initial(self, request, *args, **kwargs):
        for name, values in request.GET.lists():
            if CONTROL.search(name) or any(CONTROL.search(v) for v in values):
                raise invalid(name, _("参数值不能包含控制字符。"))
        super().initial(request, *args, **kwargs)


class ApiView(CheckedParamsMixin, APIView):
    """Base of our own endpoints: JSON only, checked parameters, problem+json."""

    renderer_classes = [JSONRenderer]


class ProblemsMixin(CheckedParamsMixin):
    """Problem+json errors (Wagtail writes {"message"}), checked paging and finding."""

    pagination_class = Pagination
    renderer_classes = [JSONRenderer]

    def handle_exception(self, exc):
        return APIView.handle_exception(self, exc)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params.language_param(request)

    def find_view(self, request):
        if "id" in request.GET:
            check_integer("id", request.GET["id"], 1, MAX_INTEGER)
        return super().find_view(request)


class PagesAPIViewSet(ProblemsMixin, WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint, fetching related rows in bulk (no query per page).

    Page models list what their API fields read through `api_prefetch_related`.
    """

    filter_backends = filters.replace(WagtailPagesAPIViewSet.filter_backends)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular's schema run
            return Page.objects.none()
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        if model is Page:
            return queryset
        images = [
            Prefetch(
                field.name,
                queryset=Image.objects.prefetch_renditions(
                    *rendition_specs(field.serializer.spec)
                ),
            )
            for field in self.get_body_fields(model)
            if isinstance(field.serializer, ImageField)
        ]
        return queryset.prefetch_related(
            *images, *getattr(model, "api_prefetch_related", [])
        )

    @extend_schema(
        summary="Pages: news, documents, guides… (filtered, searched, paged)",
        operation_id="pages_list",
        parameters=params.PAGE_LISTING,
        responses=schema.ok(schema.ref("PageListing"), 400),
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        summary="One page with every field",
        operation_id="pages_detail",
        parameters=[params.ID, params.FIELDS],
        responses=schema.ok(schema.ref("AnyPage"), 400, 404),
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(
        summary="Find a page by its site path (redirects to its detail)",
        operation_id="pages_find",
        parameters=params.PAGE_FIND,
        responses={302: None, **schema.problems(400, 404)},
    )
    def find_view(self, request):
        return super().find_view(request)


class ImageSerializer(WagtailImageSerializer):
    """Wagtail's image serializer, with phone renditions and an absolute URL."""

    download_url = DownloadUrlField(read_only=True)
    renditions = ImageRenditionsField(read_only=True)


class DocumentSerializer(WagtailDocumentSerializer):
    """Wagtail's document serializer, with an absolute download URL."""

    download_url = DownloadUrlField(read_only=True)


class PublicMediaMixin(ProblemsMixin):
    """Only files that live, public pages use (see media.visibility)."""

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular's schema run
            return self.model.objects.none()
        used = publicly_used(self.model).values("pk")
        return super().get_queryset().filter(pk__in=used)


class ImagesAPIViewSet(PublicMediaMixin, WagtailImagesAPIViewSet):
    """Images that live, public pages show."""

    base_serializer_class = ImageSerializer
    body_fields = WagtailImagesAPIViewSet.body_fields + ["renditions"]
    filter_backends = filters.replace(WagtailImagesAPIViewSet.filter_backends)

    @extend_schema(
        summary="Images that published pages show",
        operation_id="images_list",
        parameters=params.MEDIA_LISTING,
        responses=schema.ok(schema.ref("ImageListing"), 400),
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        summary="One image",
        operation_id="images_detail",
        parameters=[params.ID, params.FIELDS],
        responses=schema.ok(schema.ref("ImageItem"), 400, 404),
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(
        summary="Find an image by id (redirects to its detail)",
        operation_id="images_find",
        parameters=[params.FIND_ID],
        responses={302: None, **schema.problems(400, 404)},
    )
    def find_view(self, request):
        return super().find_view(request)


class DocumentsAPIViewSet(PublicMediaMixin, WagtailDocumentsAPIViewSet):
    """Documents that live, public pages offer."""

    base_serializer_class = DocumentSerializer
    filter_backends = filters.replace(WagtailDocumentsAPIViewSet.filter_backends)

    @extend_schema(
        summary="Documents that published pages offer",
        operation_id="documents_list",
        parameters=params.MEDIA_LISTING,
        responses=schema.ok(schema.ref("DocumentListing"), 400),
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        summary="One document",
        operation_id="documents_detail",
        parameters=[params.ID, params.FIELDS],
        responses=schema.ok(schema.ref("DocumentItem"), 400, 404),
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(
        summary="Find a document by id (redirects to its detail)",
        operation_id="documents_find",
        parameters=[params.FIND_ID],
        responses={302: None, **schema.problems(400, 404)},
    )
    def find_view(self, request):
        return super().find_view(request)
