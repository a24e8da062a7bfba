"""GB/T 2260 divisions read from stdnum's table: current codes offered, history kept."""

import pytest

from services import regions

pytestmark = pytest.mark.single_db


def all_cities():
    return [city for province, _ in regions.provinces() for city in children(province)]


def children(code):
    return [child for child, _ in regions.children(code)]


def test_provinces_are_the_34_province_level_divisions():
    provinces = regions.provinces()
    assert len(provinces) == 34
    assert provinces[0] == ("110000", "北京市")
    assert ("810000", "香港特别行政区") in provinces
    assert all(code.endswith("0000") and len(code) == 6 for code, _ in provinces)
    assert [code for code, _ in provinces] == sorted(code for code, _ in provinces)


def test_beijing_offers_chaoyang_but_not_the_abolished_chongwen():
    assert regions.children("110000") == [("110100", "市辖区")]
    districts = dict(regions.children("110100"))
    assert districts["110105"] == "朝阳区"
    assert "110103" not in districts  # 崇文区, merged into 东城区 in 2010
    assert "110104" not in districts  # 宣武区, likewise
    assert "110101" in districts
    assert len(districts) == 16
    assert regions.is_district("110105")
    assert not regions.is_district("110103")


def test_abolished_codes_keep_their_names_for_stored_records():
    assert regions.name("110103") == "崇文区"
    assert regions.full_name("110103") == "北京市崇文区"
    assert not regions.is_current("110103")
    assert regions.is_current("110105")


def test_full_names_skip_grouping_levels():
    assert regions.full_name("110105") == "北京市朝阳区"
    assert regions.full_name("500229") == "重庆市城口县"  # under 500200 县
    assert regions.full_name("429004") == "湖北省仙桃市"  # 省直辖县级行政单位
    assert regions.full_name("440106") == "广东省广州市天河区"
    assert regions.full_name("110000") == "北京市"
    assert regions.full_name("440100") == "广东省广州市"
    assert regions.full_name("999999") is None


def test_renamed_codes_carry_their_latest_name():
    assert regions.name("130502") == "襄都区"  # 桥东区 until 2019
    assert regions.full_name("130502") == "河北省邢台市襄都区"


def test_every_district_of_every_city_is_a_district():
    seen = set()
    for city in all_cities():
        for district in children(city):
            assert regions.is_district(district), district
            assert regions.is_current(district)
            assert district[:4] == city[:4]
            assert not district.endswith("00")
            assert regions.name(district) not in {"市辖区", None}
            seen.add(district)
    assert 2800 <= len(seen) <= 2900


def test_counts_of_cities_are_sane():
    cities = all_cities()
    assert len(cities) == len(set(cities))
    # 333 prefecture-level divisions, plus the groupings of the four municipalities
    # (重庆 has 市辖区 and 县) and of four provinces' directly administered counties.
    assert 330 <= len(cities) <= 350
    for province, _ in regions.provinces():
        if province not in {"710000", "810000", "820000"}:
            assert children(province), province


def test_cities_without_a_county_level_stand_as_districts():
    assert regions.children("441900") == []
    assert regions.name("441900") == "东莞市"
    assert regions.is_district("441900")
    assert not regions.is_district("440100")  # 广州市 has districts
    assert not regions.is_district("110100")  # a grouping, not a place
    assert not regions.is_district("110000")


def test_stale_lines_of_the_table_are_not_offered_twice():
    hubei = [name for _, name in regions.children("420000")]
    direct = [name for _, name in regions.children("429000")]
    assert (hubei + direct).count("随州市") == 1
    assert direct.count("神农架林区") == 1
    assert "林区" not in hubei


def test_city_placeholders_are_not_offered_as_districts():
    assert "440101" not in children("440100")  # 广州市 市辖区
    assert regions.name("440101") == "市辖区"


def test_is_known_checks_only_the_end_of_a_codes_life():
    assert regions.is_known("440103", year=1970)  # created 1983, still in use
    assert regions.is_known("110103", year=2010)  # abolished after 2010
    assert not regions.is_known("110103", year=2011)
    assert regions.is_known("110103")
    assert not regions.is_known("123456")


@pytest.mark.parametrize("odd", ["", "11", "abcdef", "1101050", None, " 110105 "])
def test_odd_codes_do_not_raise(odd):
    regions.children(odd)
    regions.name(odd)
    regions.full_name(odd)
    assert regions.is_district(odd) == (odd == " 110105 ")


def test_results_are_copies_callers_may_change():
    regions.children("110100").clear()
    regions.provinces().clear()
    assert len(regions.children("110100")) == 16
    assert len(regions.provinces()) == 34
