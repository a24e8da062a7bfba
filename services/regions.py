"""GB/T 2260 administrative divisions for address fields.

The table is the one python-stdnum ships for resident IDs (``stdnum/cn/loc.dat``),
read through ``stdnum.numdb.get("cn/loc")`` so that it is parsed once per process
and shared with ``stdnum.cn.ric``. The seam we rely on is ``NumDB.prefixes``: a
list of ``(length, low, high, props, children)`` tuples, two digits of province at
the top (``province="…"``) and four digits below (``county="…"``).

A county value is a comma-separated history of names, each optionally prefixed
with the years it was in use: ``[-2010]崇文区`` was abolished after 2010,
``[1986-]房山区`` was created in 1986, ``[1983-2019]桥东区,[2020-]襄都区`` was
renamed. A code is current when its last name has no end year and its parents
are current. Offered lists hold current codes only; ``name()`` and
``full_name()`` also resolve abolished codes, because stored addresses and ID
numbers outlive the divisions they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from stdnum import numdb

__all__ = [
    "children",
    "full_name",
    "is_current",
    "is_district",
    "is_known",
    "name",
    "provinces",
]

Choice = tuple[str, str]

_PERIOD = re.compile(r"^\[\d*-(?P<end>\d*)\](?P<name>.*)$")

# Grouping levels that are not places: they stand between a province and its
# counties (北京市 110100 市辖区, 重庆市 500200 县, 湖北省 429000 省直辖县级行政单位)
# or for a city's own urban area (440101 市辖区). They are skipped in full names
# and the county-level ones are never offered as districts.
_GROUPING_NAMES = frozenset({"市辖区", "县", "市"})
_GROUPING_SUFFIXES = ("直辖县级行政单位", "直辖县级行政区划", "直辖行政单位")


# Lines of stdnum 2.2's table that carry no years although the codes are gone:
# 神农架林区 moved from 恩施 (422900 林区, 422921) to 429021, and 随州市 left
# 429001 when it became the prefecture-level 421300 in 2000. Without this they
# would be offered twice. They stay known, so ID numbers bearing them still pass.
_UNMARKED_ABOLISHED = frozenset({"422900", "422921", "429001"})


@dataclass(frozen=True, slots=True)
class _Division:
    """One code of the table with its latest name and the years it was in use."""

    code: str
    name: str
    end: int | None

    @property
    def open(self) -> bool:
        return self.end is None

    @property
    def grouping(self) -> bool:
        return self.name in _GROUPING_NAMES or self.name.endswith(_GROUPING_SUFFIXES)


@dataclass(frozen=True, slots=True)
class _Table:
    divisions: dict[str, _Division]
    current: frozenset[str]
    districts: frozenset[str]
    provinces: tuple[Choice, ...]
    children: dict[str, tuple[Choice, ...]]


def _division(code: str, history: str) -> _Division:
    """Read ``[1983-2019]桥东区,[2020-]襄都区`` into the latest name and end year."""
    ends: list[int | None] = []
    name = history
    for part in history.split(","):
        match = _PERIOD.match(part)
        if match is None:
            ends.append(None)
            name = part
        else:
            ends.append(int(match["end"]) if match["end"] else None)
            name = match["name"]
    end = None if None in ends else max(year for year in ends if year is not None)
    return _Division(code=code, name=name, end=end)


def _expand(low: str, high: str) -> list[str]:
    return [str(n).zfill(len(low)) for n in range(int(low), int(high) + 1)]


@cache
def _table() -> _Table:
    """Parse the stdnum table once into lookups for every public function."""
    divisions: dict[str, _Division] = {}
    for _length, low, high, props, counties in numdb.get("cn/loc").prefixes:
        for prefix in _expand(low, high):
            for _sub_length, sub_low, sub_high, sub_props, _rest in counties:
                if "county" not in sub_props:
                    continue
                for suffix in _expand(sub_low, sub_high):
                    code = prefix + suffix
                    divisions[code] = _division(code, sub_props["county"])
            # A province without its own 0000 line still needs a name.
            province = prefix + "0000"
            if province not in divisions and "province" in props:
                divisions[province] = _division(province, props["province"])

    def parent(code: str) -> str | None:
        if code.endswith("0000"):
            return None
        if code.endswith("00"):
            return code[:2] + "0000"
        return code[:4] + "00"

    def is_current(code: str) -> bool:
        division = divisions.get(code)
        if division is None or not division.open or code in _UNMARKED_ABOLISHED:
            return False
        up = parent(code)
        return up is None or is_current(up)

    current = frozenset(code for code in divisions if is_current(code))
    counties = frozenset(
        code
        for code in current
        if not code.endswith("00") and not divisions[code].grouping
    )
    children: dict[str, list[Choice]] = {}
    province_list: list[Choice] = []
    for code in sorted(current):
        division = divisions[code]
        up = parent(code)
        if up is None:
            province_list.append((code, division.name))
        elif code.endswith("00") or code in counties:
            children.setdefault(up, []).append((code, division.name))
    # Cities without a county level (东莞市) are the finest address they have.
    cities_as_districts = frozenset(
        code
        for code in current
        if code.endswith("00")
        and not code.endswith("0000")
        and not divisions[code].grouping
        and code not in children
    )
    districts = counties | cities_as_districts
    return _Table(
        divisions=divisions,
        current=current,
        districts=districts,
        provinces=tuple(province_list),
        children={code: tuple(items) for code, items in children.items()},
    )


def _clean(code: object) -> str:
    return code.strip() if isinstance(code, str) else ""


def provinces() -> list[Choice]:
    """Current province-level divisions as ``(code, name)``, in code order."""
    return list(_table().provinces)


def children(code: str) -> list[Choice]:
    """Current divisions one level below ``code`` as ``(code, name)``, in code order.

    A province gives its prefecture-level entries (for 北京市 the single 市辖区,
    for 重庆市 市辖区 and 县, for some provinces 省直辖县级行政单位), so every address
    has the same three levels. A city gives its districts and counties, without
    its own 市辖区 placeholder. A few cities have no county level at all (东莞市,
    中山市, 儋州市, 嘉峪关市) and give an empty list: there the city itself is the
    address's district (``is_district`` is true for it). 台湾省, 香港 and 澳门 have
    no levels below them in the table. Unknown or abolished codes give [].
    """
    return list(_table().children.get(_clean(code), ()))


def name(code: str) -> str | None:
    """The latest name of a code that is or was in the table, else ``None``."""
    division = _table().divisions.get(_clean(code))
    return division.name if division else None


def full_name(code: str) -> str | None:
    """Province, city and district names joined, without grouping levels.

    ``full_name("110105") == "北京市朝阳区"``; ``None`` for a code never in the table.
    """
    code = _clean(code)
    divisions = _table().divisions
    if code not in divisions:
        return None
    parts = []
    for level in dict.fromkeys((code[:2] + "0000", code[:4] + "00", code)):
        division = divisions.get(level)
        if division is not None and not division.grouping:
            parts.append(division.name)
    return "".join(parts)


def is_current(code: str) -> bool:
    """Whether the code is in use today (it and its parents are not abolished)."""
    return _clean(code) in _table().current


def is_district(code: str) -> bool:
    """Whether the code is a current finest-level division an address can name.

    That is a county-level division (区, 县, 县级市, 旗…) or one of the few cities
    with no county level (东莞市, 中山市, 儋州市, 嘉峪关市), which stands for one.
    """
    return _clean(code) in _table().districts


def is_known(code: str, *, year: int | None = None) -> bool:
    """Whether the code was ever in the table (and, given a year, still in use then).

    Only the end of a code's life is checked against the year, not its start:
    an ID number keeps the code of the place of its first registration, which can
    be years after the birth (a person born in 1970 in 广州 holds 440103, created
    in 1983), but no one is registered under a code abolished before their birth.
    """
    division = _table().divisions.get(_clean(code))
    if division is None:
        return False
    return year is None or division.end is None or division.end >= year
