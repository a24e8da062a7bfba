"""Wagtail's API filters, with every value checked before it reaches the database.

Wagtail converts booleans, integers and foreign keys itself, but passes other values
(dates, decimals) straight to the ORM, which raises a 500, and forwards any
`search_operator` to the search backend, which raises too.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.api.v2 import filters
from wagtail.models import Locale

from .problems import invalid

# The largest value a BIGINT column (and SQLite's INTEGER) holds.
MAX_INTEGER = 2**63 - 1
# Dates and times outside these years are refused: none of our content has them, and
# at the edges (year 1, 9999 with a time zone) the database's conversion overflows.
MIN_YEAR, MAX_YEAR = 1900, 2200
OPERATORS = {"and", "or"}


def check_integer(name: str, value: str, minimum: int, maximum: int) -> int:
    """The value as an integer in [minimum, maximum] (ASCII digits), else a 400."""
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit()):
        raise invalid(name, _("应为整数。"))
    number = int(text)
    if not minimum <= number <= maximum:
        raise invalid(
            name, _("应在 %(min)s 到 %(max)s 之间。") % {"min": minimum, "max": maximum}
        )
    return number


def check_date(name: str, value) -> None:
    """A date or time within the years any content has (SQLite overflows beyond)."""
    moment = value.date() if isinstance(value, datetime.datetime) else value
    if isinstance(moment, datetime.date) and not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise invalid(name, _("日期超出范围。"))


def check_value(model, name: str, value: str) -> None:
    """Raise a 400 (BadRequestError) unless `value` fits the model field `name`.

    Control characters were refused already (views.CheckedParamsMixin).
    """
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    while isinstance(field, models.ForeignKey):  # a page's key is a link to Page's
        field = field.target_field
    if isinstance(field, (models.IntegerField, models.AutoField)):
        check_integer(name, value, -MAX_INTEGER, MAX_INTEGER)
    elif isinstance(
        field,
        (
            models.DateField,
            models.DecimalField,
            models.FloatField,
            models.UUIDField,
            models.TimeField,
            models.DurationField,
        ),
    ):
        try:
            parsed = field.to_python(value)
        except (ValidationError, ValueError, ArithmeticError):
            raise invalid(name, _("格式不正确。")) from None
        check_date(name, parsed)


class FieldsFilter(filters.FieldsFilter):
    """Wagtail's field filter, after checking each value against its field."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields and name != "locale":
                check_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)


class SearchFilter(filters.SearchFilter):
    """Wagtail's search filter, accepting only the operators it supports."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in OPERATORS:
            raise invalid("search_operator", _("只能是 and 或 or。"))
        return super().filter_queryset(request, queryset, view)


class LocaleFilter(filters.LocaleFilter):
    """Wagtail's locale filter; a language without content lists nothing (not 404)."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            return queryset.none()
        return super().filter_queryset(request, queryset, view)


def replace(backends: list) -> list:
    """A viewset's filter backends with ours in place of Wagtail's."""
    ours = {
        filters.FieldsFilter: FieldsFilter,
        filters.SearchFilter: SearchFilter,
        filters.LocaleFilter: LocaleFilter,
    }
    return [ours.get(backend, backend) for backend in backends]
