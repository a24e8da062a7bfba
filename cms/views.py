"""Site-wide error views: HTML for pages, problem+json under /api/."""

from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

from cms.api.problems import is_api_request, problem_response


def page_not_found(request, exception):
    if is_api_request(request):
        return problem_response(404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api_request(request):
        return problem_response(500)
    return defaults.server_error(request)


def bad_request(request, exception):
    if is_api_request(request):
        return problem_response(400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if is_api_request(request):
        return problem_response(403)
    return defaults.permission_denied(request, exception)


@csrf_exempt
def api_not_found(request, rest=""):
    """Any method on an unknown /api/ address: a problem, not a CSRF refusal page."""
    return problem_response(404)
