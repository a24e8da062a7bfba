"""The content locale of the visitor's language."""

from django.utils.translation import get_language
from wagtail.models import Locale


def request_locale(request) -> Locale | None:
    """The Locale of the active language (None if it has no content), once a request."""
    if not hasattr(request, "_jingwu_locale"):
        language = get_language()
        request._jingwu_locale = Locale.objects.filter(language_code=language).first()
    return request._jingwu_locale
