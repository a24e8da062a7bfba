"""Query parameters of the API: how the schema documents them, and shared checks."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from .problems import invalid

QUERY = OpenApiParameter.QUERY


def language_param(request) -> str | None:
    """The `locale` parameter: one of the site's languages, or None; else a 400."""
    code = request.GET.get("locale")
    if code is not None and code not in dict(settings.LANGUAGES):
        raise invalid("locale", _("没有这种语言的内容。"))
    return code


def query(name: str, kind=OpenApiTypes.STR, description: str = "", **extra):
    return OpenApiParameter(name, kind, QUERY, description=description, **extra)


ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)
FIELDS = query(
    "fields",
    description="Fields to include, comma-separated: `*` for all, `-name` to leave "
    "one out, `_,title` for only these.",
)
LIMIT = query("limit", OpenApiTypes.INT, "Items per page (at most 100).")
OFFSET = query("offset", OpenApiTypes.INT, "Items to skip.")
ORDER = query("order", description="A field to order by; `-field` reverses it.")
SEARCH = query(
    "search",
    description="Words to search for (Chinese segmented; synonyms such as 驾照 and "
    "机动车驾驶证 find each other). Rate-limited more strictly.",
)
SEARCH_OPERATOR = query(
    "search_operator", description="`and` (default) or `or`.", enum=["and", "or"]
)
FIND_ID = query("id", OpenApiTypes.INT, "The object's id.")
LOCALE = query(
    "locale",
    description="Language of the content.",
    enum=[code for code, _name in settings.LANGUAGES],
)

PAGE_LISTING = [
    query(
        "type",
        description="Page type, e.g. `news.NewsPage`, `cms.TransparencyPage`, "
        "`guides.GuidePage`. Required for the type's own fields and filters.",
    ),
    FIELDS,
    LIMIT,
    OFFSET,
    ORDER,
    SEARCH,
    SEARCH_OPERATOR,
    LOCALE,
    query("child_of", OpenApiTypes.INT, "Only children of this page."),
    query("descendant_of", OpenApiTypes.INT, "Only pages below this page."),
    query("ancestor_of", OpenApiTypes.INT, "Only pages above this page."),
    query("translation_of", OpenApiTypes.INT, "Only translations of this page."),
    query(
        "business",
        description="Guides (`type=guides.GuidePage`): the business, e.g. "
        "`exit_entry`, `household`, `traffic`.",
    ),
    query(
        "category",
        description="News (`news.NewsPage`): e.g. `police_news`, `notice`; "
        "documents (`cms.TransparencyPage`): the disclosure category, e.g. `policy`.",
    ),
    query(
        "issue_date",
        OpenApiTypes.DATE,
        "Documents (`cms.TransparencyPage`): issued on this date.",
    ),
    query("popular", OpenApiTypes.BOOL, "Guides: only the popular ones."),
]
PAGE_FIND = [
    query("html_path", description="A path of the site, e.g. `/news/`."),
    FIND_ID,
]
MEDIA_LISTING = [FIELDS, LIMIT, OFFSET, ORDER, SEARCH, SEARCH_OPERATOR]
