"""Request-scoped state of the search app."""

from .synonyms import request_memo


class SynonymMemoMiddleware:
    """Read the synonym table at most once per request (see synonyms.synonym_groups)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            request_memo.reset(token)
