"""The site's URLs plus API views that fail on purpose (tests of the error format)."""

from django.urls import path
from rest_framework import exceptions

from cms.api.views import ApiView
from cms.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


class Failing(ApiView):
    """Raises the exception named in the URL."""

    raises = {
        "401": exceptions.NotAuthenticated,
        "403": exceptions.PermissionDenied,
        "415": exceptions.UnsupportedMediaType,
    }

    def get_authenticate_header(self, request):
        return 'Bearer realm="jingwu"'  # as an endpoint behind sign-in would

    def get(self, request, code):
        if code == "500":
            raise RuntimeError("a bug")
        raise self.raises[code]("x" if code == "415" else None)


urlpatterns = [path("api/v2/failing/<str:code>/", Failing.as_view()), *urlpatterns]
