"""Read query parameters safely: every value from a URL is hostile until parsed.

Listings, filters and search views read their parameters through these functions, so
that an out-of-range number, a NUL character or a 10,000-character value gives the
default (or a clean, capped value) instead of an exception or a database error.
"""

import re
from collections.abc import Iterable

# C0 and C1 control characters and DEL (PostgreSQL refuses NUL in text), and lone
# surrogates, which cannot be encoded for the database or the page.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
ASCII_DIGITS = re.compile(r"[+-]?[0-9]{1,18}")


def clean_text(value: str | None, max_length: int = 100) -> str:
    """The value without control characters, spaces collapsed, at most max_length."""
    if not value:
        return ""
    value = CONTROL.sub(" ", value)
    return " ".join(value.split())[:max_length]


def text_param(params, name: str, max_length: int = 100) -> str:
    """A short, clean text parameter ("" when absent)."""
    return clean_text(params.get(name, ""), max_length)


def int_param(
    params, name: str, minimum: int, maximum: int, default: int | None = None
) -> int | None:
    """An integer in [minimum, maximum] written in ASCII digits, else the default.

    `str.isdigit()` accepts "²" and Arabic-Indic digits, and `int()` accepts
    "٣" and "1_000": only plain ASCII digits count here.
    """
    value = params.get(name, "")
    if not isinstance(value, str) or not ASCII_DIGITS.fullmatch(value.strip()):
        return default
    number = int(value.strip())
    return number if minimum <= number <= maximum else default


def choice_param(params, name: str, choices: Iterable[str], default: str = "") -> str:
    """The value when it is one of the choices, else the default."""
    value = params.get(name, "")
    return value if value in set(choices) else default


def page_param(params, name: str = "page") -> int:
    """A page number for a paginator: a positive integer, 1 when absent or bad."""
    return int_param(params, name, 1, 100_000, default=1)
