"""The museum's demo data files are validated before anything is written."""

import re
import shutil

import pytest

from museum.demo import data
from museum.demo.pictures import DRAWINGS, draw_object


@pytest.fixture
def copy(tmp_path):
    """A copy of cms/demo/data/museum to break."""
    target = tmp_path / "museum"
    shutil.copytree(data.MUSEUM, target)
    return target


def replace(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_demo_data_is_complete():
    museum = data.museum()
    exhibits = data.exhibits()
    assert len(exhibits) >= data.MIN_EXHIBITS
    assert len(data.studies()) == data.STUDIES
    assert [hall.title for hall in museum.halls] == [
        "公安史展厅",
        "刑事侦查展厅",
        "警种职能展厅",
        "警用装备展厅",
    ]
    assert {c.slug for c in museum.categories} <= set(DRAWINGS)
    assert all(1 <= len(e.pictures) <= 3 for e in exhibits)
    assert museum.booking_url == "/booking/museum-visit/"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "exhibits/1-history.toml",
            'category = "insignia"',
            'category = "badges"',
            "category 'badges' is not one of",
        ),
        (
            "exhibits/1-history.toml",
            'accession = "JWM-0002"',
            'accession = "JWM-0001"',
            "each accession number may be used once",
        ),
        (
            "exhibits/1-history.toml",
            'related = ["JWM-0006"]',
            'related = ["JWM-9999"]',
            "no exhibit",
        ),
        (
            "exhibits/1-history.toml",
            "year_start = 1905\nyear_end = 1911",
            "year_start = 1911\nyear_end = 1905",
            "year_end is before year_start",
        ),
        (
            "exhibits/1-history.toml",
            'grade = "grade_2"',
            'grade = "treasure"',
            "grade 'treasure' is not one of",
        ),
        (
            "exhibits/1-history.toml",
            "hall_order = 1\n",
            'hall_order = 1\nhal = "x"\n',
            "unknown field `hal`",
        ),
        (
            "museum.toml",
            'name = "石膏"\n',
            'name = "石膏"\n\n[[materials]]\nslug = "stone"\nname = "石"\n',
            r"no exhibit has material \['stone'\]",
        ),
        ("museum.toml", 'opens = "09:00"', 'opens = "17:00"', "is not before"),
        (
            "research.toml",
            'related = ["JWM-0001", "JWM-0006"]',
            'related = ["JWM-0404"]',
            "no exhibit",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_place(copy, file, old, new, message):
    replace(copy / file, old, new)
    with pytest.raises(ValueError, match=message):
        data.studies(copy)


def test_every_period_needs_an_exhibit(copy):
    before_1949 = re.compile(
        r"(year_start|year_end) = (1[0-8]\d\d|19[0-3]\d|194[0-8])\n"
    )
    for path in (copy / "exhibits").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(before_1949.sub(r"\1 = 1950\n", text), encoding="utf-8")
    with pytest.raises(ValueError, match="before-1949"):
        data.exhibits(copy)


def test_pictures_differ_by_view_and_seed():
    front, close_up, back = (
        draw_object("firearms", 7, view, (320, 240)) for view in range(3)
    )
    assert len({front, close_up, back}) == 3
    assert draw_object("firearms", 7, 0, (320, 240)) == front  # the same every run
    assert draw_object("uniforms", 7, 0, (320, 240)) != front
