"""The headless API router: pages (related data fetched up front), images, documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint, fetching related rows in bulk (no query per page).

    Page models list what their API fields read through `api_prefetch_related`.
    """

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


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
