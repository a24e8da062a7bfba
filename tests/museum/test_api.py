"""The museum in the headless API: fields, renditions, filters, schema, a snapshot."""

import datetime
import io
import json

import pypdf
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from media.models import Document
from museum.demo.pdf import pdf
from museum.models import ExhibitImage
from tests.api.test_snapshots import assert_snapshot
from tests.museum.builders import make_exhibit, make_museum, make_study, picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(tree):
    place = make_museum(tree)
    place["picture"] = picture("警衔照片")
    return place


def detail(client, page, **params) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_an_exhibit_in_the_api(client, place):
    other = make_exhibit(
        place, title="1983年式帽徽", slug="jwm-0050", accession_number="JWM-0050"
    )
    exhibit = make_exhibit(
        place,
        title="1992年式警衔标志",
        slug="jwm-0049",
        accession_number="JWM-0049",
        teaser="人民警察首次授衔时使用的警衔肩章。",
        period="1992年",
        year_start=1992,
        maker="警用标志厂",
        dimensions="肩章长 13 厘米",
        provenance="1993 年由政治部门移交。",
        grade="grade_2",
        hall_order=3,
        images=[
            ExhibitImage(
                image=place["picture"], alt_text="一对警衔肩章", caption="正面"
            ),
            ExhibitImage(image=picture("细节"), alt_text="四角星花特写"),
        ],
    )
    exhibit.related_exhibits.create(target=other)
    exhibit.save_revision().publish()
    data = detail(client, exhibit)
    assert data["category"] == {
        "id": place["category"].pk,
        "name": "警衔警徽",
        "slug": "insignia",
    }
    assert data["hall"]["title"] == "公安史展厅"
    assert data["hall"]["url"].endswith("/museum/history/")
    first = data["images"][0]
    assert first["alt"] == "一对警衔肩章" and first["caption"] == "正面"
    assert (first["thumbnail"]["width"], first["thumbnail"]["height"]) == (400, 300)
    assert first["large"]["width"] == 800  # the original is 800 wide: never enlarged
    assert [r["title"] for r in data["related_exhibits"]] == ["1983年式帽徽"]
    assert_snapshot("museum_exhibit", data)


def test_exhibits_filter_by_category_hall_and_year(client, place):
    stored = make_exhibit(place, hall=None, year_start=1990)
    shown = make_exhibit(place, year_start=1960)
    listing = client.get(
        "/api/v2/pages/",
        {
            "type": "museum.ExhibitPage",
            "hall": place["halls"][0].pk,
            "fields": "accession_number,images,category,hall",
        },
    ).json()
    assert [item["id"] for item in listing["items"]] == [shown.pk]
    assert (
        client.get(
            "/api/v2/pages/", {"type": "museum.ExhibitPage", "year_start": 1990}
        ).json()["items"][0]["id"]
        == stored.pk
    )
    bad = client.get("/api/v2/pages/", {"type": "museum.ExhibitPage", "hall": "abc"})
    assert bad.status_code == 400


def test_museum_hall_and_study_in_the_api(client, place):
    exhibit = make_exhibit(place, title="五四式手枪")
    museum = place["museum"]
    museum.featured_exhibits.create(exhibit=exhibit)
    museum.save_revision().publish()
    data = detail(client, museum)
    assert data["opening_hours"][0]["value"] == {
        "days": ["tue", "wed", "thu", "fri", "sat", "sun"],
        "opens": "09:00",
        "closes": "16:30",
        "last_entry": "16:00",
        "note": "",
    }
    assert data["booking_url"] == "http://localhost/booking/museum-visit/"
    assert data["visitor_rules"][0]["value"] == "请提前预约。"
    assert [f["title"] for f in data["featured_exhibits"]] == ["五四式手枪"]

    hall = detail(client, place["halls"][0])
    assert hall["route_order"] == 1 and hall["introduction"] == "公安史展厅简介。"

    document = Document(title="论文全文")
    document.file.save("paper.pdf", ContentFile(pdf("论文", [("title", "论文")])))
    study = make_study(place, pdf=document, date=datetime.date(2024, 5, 18))
    study.related_exhibits.create(target=exhibit)
    study.save_revision().publish()
    data = detail(client, study)
    assert data["pdf"]["extension"] == "pdf" and data["pdf"]["url"].startswith("http")
    assert data["date"] == "2024-05-18"
    assert data["related_exhibits"][0]["accession_number"] == exhibit.accession_number


def test_the_schema_describes_every_museum_field_without_warnings(tmp_path):
    out = tmp_path / "schema.json"
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--format",
        "openapi-json",
        "--file",
        str(out),
        stdout=io.StringIO(),
    )
    schemas = json.loads(out.read_text())["components"]["schemas"]
    museum = {k: v for k, v in schemas.items() if k.startswith("Museum")}
    assert set(museum) == {
        "MuseumMuseumHomePage",
        "MuseumHallPage",
        "MuseumCollectionPage",
        "MuseumExhibitPage",
        "MuseumResearchIndexPage",
        "MuseumResearchPage",
    }
    for name, schema in museum.items():
        for field, definition in schema["properties"].items():
            assert definition, f"{name}.{field} has no schema"
    images = museum["MuseumExhibitPage"]["properties"]["images"]["items"]
    assert set(images["required"]) >= {"alt", "thumbnail", "large"}


def test_research_pdfs_are_pdfs_with_their_text():
    data = pdf(
        "清末城市巡警制度",
        [("title", "清末城市巡警制度"), ("paragraph", "正文" * 1000)],
    )
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "清末城市巡警制度"
    assert len(reader.pages) >= 2
    assert "清末城市巡警制度" in reader.pages[0].extract_text()
