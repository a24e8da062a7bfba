"""The API speaks the language the app asks for (Accept-Language)."""

from django.utils import translation
from django.utils.cache import patch_vary_headers

from .problems import API_PREFIX


class ApiLanguageMiddleware:
    """Activate the Accept-Language choice for /api/ (errors' titles and details).

    The site's pages take their language from the URL (/en/…), and Django's
    LocaleMiddleware gives every unprefixed path the default language; the API has
    no prefix, so it negotiates here instead. Content languages are chosen with
    `?locale=`; this only decides the language of the API's own messages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        return response
