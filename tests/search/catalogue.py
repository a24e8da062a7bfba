"""Service guides that compete for the same short queries, as in the real catalogue."""

import io

from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from guides.models import GuideCategoryPage
from search.backends import uses_external_index
from tests.factories import add, make_guide, make_site

GUIDES = {
    "exit_entry": [
        ("外国人签证延期", "在华外国人因私事需延长停留期限的，申请签证延期。"),
        ("外国人签证换发、补发", "签证污损或遗失的外国人申请换发、补发。"),
        ("往来港澳通行证个人旅游签注", "内地居民赴港澳个人旅游的签注。"),
        ("普通护照申领", "中国公民因私出国首次申请普通护照。"),
        ("外国人居留许可（工作类）", "在华工作的外国人申请居留许可。"),
    ],
    "household": [
        ("户籍证明开具（邮寄送达）", "开具户籍证明，可选择邮寄送达到家。"),
        ("居民户口簿补领", "户口簿遗失或损坏的，补领居民户口簿。"),
        ("居民身份证换领", "居民身份证有效期满或损坏的，换领新证。"),
        ("户口迁入", "符合条件的人员办理户口迁入本市。"),
        ("出生登记", "新生儿办理出生登记，申报户口。"),
    ],
    "traffic": [
        ("机动车驾驶证期满换证", "驾驶证有效期满前九十日内申请换证。"),
        ("机动车检验合格标志核发", "机动车安全技术检验合格后核发检验合格标志。"),
        ("机动车注册登记", "新车上牌办理注册登记。"),
        ("道路交通安全违法行为处理", "处理交通违法记录，缴纳罚款。"),
    ],
    "cyber": [
        (
            "互联网上网服务营业场所信息网络安全审核",
            "申请开办上网服务营业场所的安全审核。",
        ),
        ("网络安全等级保护备案", "信息系统运营使用单位办理等级保护备案。"),
    ],
    "custody": [("律师会见预约", "辩护律师预约会见在押人员。")],
}


def make_catalogue() -> dict:
    """The guide tree with competing service items; returns guides by title."""
    tree = make_site()
    guides = {}
    for business, items in GUIDES.items():
        category = tree["category"]
        if business != "exit_entry":
            category = add(
                tree["guides"],
                GuideCategoryPage(
                    title=business, slug=business.replace("_", "-"), business=business
                ),
            )
        for title, teaser in items:
            guides[title] = make_guide(category, title=title, teaser=teaser)
    reindex()
    return guides


def refresh_search() -> None:
    """Make recent index writes visible (OpenSearch refreshes about once a second)."""
    get_search_backend().refresh_indexes()


def reindex() -> None:
    """Rebuild an external index from the database (its documents outlive rollbacks).

    Saving pages before the index exists lets OpenSearch guess a mapping, so the test
    indices are dropped first and rebuilt with Wagtail's mapping and our analysers.
    """
    backend = get_search_backend()
    if uses_external_index():
        backend.es.indices.delete(index=f"{backend.index_prefix}*")
        call_command("update_index", stdout=io.StringIO())
        refresh_search()
