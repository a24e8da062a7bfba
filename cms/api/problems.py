"""One error format for the whole API: RFC 9457 problem details (problem+json).

Every API error — from our views, Wagtail's endpoints, DRF, and Django's own 404 and
500 handlers under /api/ — is a JSON object with `type`, `title`, `status`, `detail`
and, for bad input, `invalid_params` (a list of `{name, reason}`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import set_rollback
from wagtail.api.v2.utils import BadRequestError

CONTENT_TYPE = "application/problem+json"
API_PREFIX = "/api/"


def titles() -> dict[int, str]:
    """Translated titles per status (built per call: the language is per request)."""
    return {
        400: _("请求参数无效"),
        401: _("需要登录"),
        403: _("没有权限"),
        404: _("未找到"),
        405: _("不支持该请求方法"),
        406: _("无法提供请求的格式"),
        413: _("请求内容过大"),
        415: _("不支持的内容类型"),
        429: _("请求过于频繁"),
        500: _("服务器内部错误"),
    }


def problem(
    status: int,
    detail: str = "",
    invalid_params: list[dict] | None = None,
    kind: str = "",
) -> dict:
    """The problem document for a status; `kind` names a specific problem type."""
    title = titles().get(status) or (
        _("服务器错误") if status >= 500 else _("请求无法处理")
    )
    data = {
        "type": f"{API_PREFIX}problems/{kind}/" if kind else "about:blank",
        "title": title,
        "status": status,
        "detail": detail or title,
    }
    if invalid_params:
        data["invalid_params"] = invalid_params
    return data


def invalid(name: str, reason: str) -> BadRequestError:
    """A BadRequestError that names the parameter at fault."""
    error = BadRequestError(reason)
    error.invalid_params = [{"name": name, "reason": reason}]
    return error


def exception_handler(exc, context) -> Response | None:
    """DRF's exception handler, answering in problem+json (None: let it be a 500)."""
    headers = {}
    invalid_params = getattr(exc, "invalid_params", None)
    kind = ""
    if isinstance(exc, BadRequestError):
        status, detail = 400, str(exc)
        kind = "invalid-parameters"
    elif isinstance(exc, ValidationError):
        status, detail = 400, " ".join(exc.messages)
        kind = "invalid-parameters"
    elif isinstance(exc, Http404):
        status, detail = 404, _("没有找到请求的资源。")
    elif isinstance(exc, PermissionDenied):
        status, detail = 403, _("您没有执行此操作的权限。")
    elif isinstance(exc, exceptions.APIException):
        status = exc.status_code
        if isinstance(exc, exceptions.ValidationError):
            kind = "invalid-parameters"
            invalid_params = flatten_errors(exc.detail)
            detail = _("请检查标出的字段。")
        else:
            detail = str(exc.detail)
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait) + 1)
    else:
        return None
    set_rollback()
    return Response(
        problem(status, detail, invalid_params, kind),
        status=status,
        headers=headers,
        content_type=CONTENT_TYPE,
    )


def flatten_errors(detail, prefix: str = "") -> list[dict]:
    """DRF's nested error detail as a flat list of {name, reason}."""
    if isinstance(detail, dict):
        items = []
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            items.extend(flatten_errors(value, name))
        return items
    if isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            return [{"name": prefix or "body", "reason": " ".join(map(str, detail))}]
        items = []
        for index, value in enumerate(detail):
            items.extend(flatten_errors(value, f"{prefix}[{index}]"))
        return items
    return [{"name": prefix or "body", "reason": str(detail)}]


def problem_response(status: int, detail: str = "") -> JsonResponse:
    """A problem+json response outside DRF (Django's error handlers)."""
    return JsonResponse(
        problem(status, detail),
        status=status,
        content_type=CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def is_api_request(request) -> bool:
    return request.path_info.startswith(API_PREFIX)
