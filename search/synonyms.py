"""Colloquial and official names that mean the same thing, for query expansion.

The defaults live here; editors add and change groups in the admin (SynonymGroup).
Expansion happens at query time, so a change takes effect on the next search, on every
backend, without re-indexing.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.db.models import Count, Max

from .analysis import normalise

CACHE_KEY = "jingwu:search:synonyms"

DEFAULT_SYNONYMS: list[list[str]] = [
    ["身份证", "居民身份证"],
    ["驾照", "驾驶证", "机动车驾驶证"],
    ["户口本", "户口簿", "居民户口簿"],
    ["网吧", "互联网上网服务营业场所"],
    ["等保", "网络安全等级保护"],
    ["年检", "机动车检验", "检验合格标志"],
    ["探监", "会见", "探视"],
    ["港澳通行证", "往来港澳通行证"],
    ["台湾通行证", "往来台湾通行证"],
    ["护照", "普通护照"],
    ["绿卡", "永久居留"],
    ["签注", "再次签注"],
    ["无犯罪证明", "无犯罪记录证明"],
    ["落户", "户口迁入"],
    ["迁户口", "户口迁出"],
    ["上户口", "出生登记"],
    ["罚单", "交通违法"],
    ["刻章", "公章刻制", "印章刻制"],
    ["放鞭炮", "烟花爆竹"],
    ["进京证", "进京通行证"],
    ["居住证", "居住登记"],
]


# The groups read during the current request; search.middleware sets and resets it.
request_memo: ContextVar[dict | None] = ContextVar("synonym_memo", default=None)


def synonym_groups() -> list[list[str]]:
    """Defaults plus editors' groups, normalised; read once per request.

    The cache key carries the table's row count and last change, read with one small
    query, so every process sees an editor's change on its next request. Outside a
    request (commands, workers) every call reads the stamp.
    """
    memo = request_memo.get()
    if memo is None:
        return _load_groups()
    if "groups" not in memo:
        memo["groups"] = _load_groups()
    return memo["groups"]


def _load_groups() -> list[list[str]]:
    from .models import SynonymGroup

    stamp = SynonymGroup.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = stamp["changed"].timestamp() if stamp["changed"] else 0
    key = f"{CACHE_KEY}:{stamp['count']}:{changed}"
    groups = cache.get(key)
    if groups is None:
        raw = DEFAULT_SYNONYMS + [
            group.term_list() for group in SynonymGroup.objects.all()
        ]
        groups = [[normalise(term) for term in group if term.strip()] for group in raw]
        cache.set(key, groups, timeout=24 * 3600)
    return groups


def expansions(query: str) -> list[str]:
    """Other phrasings of the query: each synonym in it swapped for its partners."""
    text = normalise(query)
    variants = []
    for group in synonym_groups():
        for term in group:
            if term and term in text:
                variants.extend(
                    text.replace(term, other) for other in group if other != term
                )
    return [v for v in dict.fromkeys(variants) if v != text]
