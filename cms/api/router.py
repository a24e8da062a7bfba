"""The headless API router: pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
