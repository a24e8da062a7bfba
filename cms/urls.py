"""URL configuration: admin, API, sitemap and the page tree (locale prefixes)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.router import api_router
from cms.views import api_not_found
from mobile import api as mobile_api
from search import views as search_views
from services import api as services_api
from services import views as services_views

handler400 = "cms.views.bad_request"
handler403 = "cms.views.permission_denied"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/app/home/", mobile_api.AppHomeView.as_view(), name="api_app_home"),
    path("api/v2/news/", mobile_api.NewsFeedView.as_view(), name="api_news"),
    path("api/v2/forms/", services_api.FormListView.as_view(), name="api_forms"),
    path(
        "api/v2/forms/<int:page_id>/",
        services_api.FormDetailView.as_view(),
        name="api_form",
    ),
    path(
        "api/v2/forms/<int:page_id>/validate/",
        services_api.ValidateView.as_view(),
        name="api_form_validate",
    ),
    path(
        "api/v2/forms/<int:page_id>/files/",
        services_api.FileUploadView.as_view(),
        name="api_form_files",
    ),
    path(
        "api/v2/forms/<int:page_id>/submissions/",
        services_api.SubmissionView.as_view(),
        name="api_form_submit",
    ),
    path(
        "api/v2/cases/<str:reference>/",
        services_api.CaseView.as_view(),
        name="api_case",
    ),
    path("api/v2/booking/", include("services.booking.api.urls")),
    path("api/v2/", api_router.urls),
    path("api/schema/", SpectacularJSONAPIView.as_view(), name="api_schema"),
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(url_name="api_schema"),
        name="api_docs",
    ),
    # Anything else under /api/, by any method: a problem+json 404 (a POST would
    # otherwise reach the page tree and its CSRF check).
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
    # IIIF manifests of the museum: one address in every language (they hold both).
    path("museum/iiif/", include("museum.iiif_views")),
    path("sitemap.xml", sitemap),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    # Development only; production's web server serves /media/ (docs/deploy.md).
    # Documents never: they go through Wagtail's view, which checks collection
    # privacy.
    urlpatterns.append(
        re_path(
            r"^media/(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggestions, name="search_suggest"),
    path("cases/", services_views.lookup, name="case_lookup"),
    path("booking/", include("services.booking.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
