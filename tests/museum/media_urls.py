"""The site's URLs plus /media/, served as nginx serves it in production."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *urlpatterns,
]
