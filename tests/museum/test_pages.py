"""The museum's pages: where they may be created, what they show, what editors must
fill in (alt text, sensible years, unique accession numbers) and their JSON-LD."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import HomePage, StandardPage
from museum.blocks import OpeningHoursBlock, days_label
from museum.models import (
    CollectionPage,
    ExhibitImage,
    ExhibitPage,
    HallPage,
    MuseumHomePage,
    ResearchIndexPage,
    ResearchPage,
)
from tests.museum.builders import make_exhibit, make_museum, make_study, picture

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(
    r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>'
)


@pytest.fixture
def place(tree):
    return make_museum(tree)


class MuseumTreeRulesTests(WagtailPageTestCase):
    def test_the_museum_sits_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(MuseumHomePage, {HomePage})
        self.assertCanCreateAt(HomePage, MuseumHomePage)
        self.assertCanNotCreateAt(StandardPage, MuseumHomePage)
        self.assertCanNotCreateAt(Page, MuseumHomePage)
        self.assertEqual(MuseumHomePage.max_count_per_parent, 1)

    def test_the_museum_takes_halls_one_collection_and_one_research_section(self):
        self.assertAllowedSubpageTypes(
            MuseumHomePage, {HallPage, CollectionPage, ResearchIndexPage}
        )
        self.assertEqual(CollectionPage.max_count_per_parent, 1)
        self.assertEqual(ResearchIndexPage.max_count_per_parent, 1)
        for child in (HallPage, CollectionPage, ResearchIndexPage):
            self.assertAllowedParentPageTypes(child, {MuseumHomePage})

    def test_exhibits_live_in_the_collection_and_studies_in_research(self):
        self.assertAllowedSubpageTypes(CollectionPage, {ExhibitPage})
        self.assertAllowedParentPageTypes(ExhibitPage, {CollectionPage})
        self.assertAllowedSubpageTypes(ResearchIndexPage, {ResearchPage})
        self.assertAllowedParentPageTypes(ResearchPage, {ResearchIndexPage})
        self.assertCanNotCreateAt(HallPage, ExhibitPage)
        for leaf in (HallPage, ExhibitPage, ResearchPage):
            self.assertAllowedSubpageTypes(leaf, set())


def test_every_page_type_renders(client, place):
    exhibit = make_exhibit(place, title="五四式手枪", period="20世纪50年代")
    other = make_exhibit(place, title="六四式手枪")
    exhibit.related_exhibits.create(target=other)
    exhibit.save_revision().publish()
    study = make_study(place, title="警用枪械史略")
    study.related_exhibits.create(target=exhibit)
    study.save_revision().publish()
    museum = place["museum"]
    museum.featured_exhibits.create(exhibit=exhibit)
    museum.save_revision().publish()

    home = client.get(museum.url).content.decode()
    assert "预约参观" in home and 'href="/booking/museum-visit/"' in home
    assert "周二至周日 09:00–16:30" in home and "16:00 停止入馆" in home
    assert "公安史展厅" in home and "五四式手枪" in home and "警用枪械史略" in home
    assert home.index("公安史展厅") < home.index("警用装备展厅")  # route order

    hall = client.get(place["halls"][0].url).content.decode()
    assert "参观路线 第 1 站 / 共 2 站" in hall
    assert "五四式手枪" in hall and "下一展厅" in hall and "警用装备展厅" in hall

    collection = client.get(place["collection"].url).content.decode()
    assert "共 2 件藏品" in collection and "六四式手枪" in collection

    page = client.get(exhibit.url).content.decode()
    assert 'class="viewer' in page  # the large view (museum/includes/viewer.html)
    assert exhibit.accession_number in page and "20世纪50年代" in page
    assert 'alt="正面照片"' in page
    assert "相关藏品" in page and "六四式手枪" in page
    assert "下一件" in page  # the walk through the hall

    research = client.get(place["research"].url).content.decode()
    assert "警用枪械史略" in research and "林知远、周慕青" in research
    assert "五四式手枪" in client.get(study.url).content.decode()


def test_an_exhibit_in_store_says_so_and_a_hall_without_exhibits_too(client, place):
    stored = make_exhibit(place, title="库房藏品", hall=None)
    assert "库房收藏，暂未展出" in client.get(stored.url).content.decode()
    empty = client.get(place["halls"][1].url).content.decode()
    assert "本展厅正在布展" in empty


def test_alt_text_is_required(place):
    picture_row = ExhibitImage(image=picture(), alt_text="  ")
    picture_row.page = make_exhibit(place)
    with pytest.raises(ValidationError) as error:
        picture_row.full_clean(exclude=["page"])
    assert "alt_text" in error.value.message_dict


def admin_form(place, **fields) -> dict:
    data = {
        "title": "1992年式警衔标志",
        "slug": "jing-xian",
        "teaser": "",
        "accession_number": "JWM-9001",
        "grade": "grade_2",
        "category": place["category"].pk,
        "material": "",
        "period": "",
        "year_start": "1992",
        "year_end": "",
        "maker": "",
        "dimensions": "",
        "provenance": "",
        "hall": "",
        "hall_order": "0",
        "images": inline_formset(
            [{"image": place["picture"].pk, "alt_text": "肩章正面", "caption": ""}]
        ),
        "description": streamfield([]),
        "related_exhibits": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_the_admin_refuses_missing_alt_text_and_odd_years(client, place, superuser):
    place["picture"] = picture()
    client.force_login(superuser)
    url = reverse(
        "wagtailadmin_pages:add",
        args=("museum", "exhibitpage", place["collection"].pk),
    )
    no_alt = admin_form(
        place,
        images=inline_formset(
            [{"image": place["picture"].pk, "alt_text": "", "caption": ""}]
        ),
    )
    assert client.post(url, no_alt).status_code == 200
    reversed_years = admin_form(place, year_start="1995", year_end="1990")
    html = client.post(url, reversed_years).content.decode()
    assert "截止年份不能早于起始年份。" in html
    assert (
        "年份应在"
        in client.post(url, admin_form(place, year_start="1700")).content.decode()
    )
    assert not ExhibitPage.objects.filter(accession_number="JWM-9001").exists()

    assert client.post(url, admin_form(place)).status_code == 302
    created = ExhibitPage.objects.get(accession_number="JWM-9001")
    assert created.images.get().alt_text == "肩章正面"


def test_years_must_be_in_order_and_in_range(place):
    exhibit = make_exhibit(place, year_start=1960)
    next_year = datetime.date.today().year + 1
    for start, end, field in [
        (1700, None, "year_start"),
        (next_year, None, "year_start"),
        (1960, 1950, "year_end"),
        (1960, next_year, "year_end"),
    ]:
        exhibit.year_start, exhibit.year_end = start, end
        with pytest.raises(ValidationError) as error:
            exhibit.full_clean()
        assert field in error.value.message_dict, (start, end)
    exhibit.year_start, exhibit.year_end = 1960, 1965
    exhibit.full_clean()
    assert exhibit.years == "1960–1965"


def test_accession_numbers_are_unique_within_a_language(place):
    first = make_exhibit(place, accession_number="JWM-0100")
    second = make_exhibit(place, accession_number="JWM-0101")
    second.accession_number = " jwm-0100 "
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "accession_number" in error.value.message_dict
    # A translation is the same object: it keeps the number.
    english = Locale.objects.create(language_code="en")
    translated = first.copy_for_translation(english, copy_parents=True)
    translated.full_clean()
    assert translated.accession_number == "JWM-0100"


def test_booking_address_is_a_path_or_a_web_address(place):
    museum = place["museum"]
    for bad in ("javascript:alert(1)", "//evil.example/", "booking"):
        museum.booking_url = bad
        with pytest.raises(ValidationError):
            museum.full_clean()
    for good in ("/booking/museum-visit/", "https://booking.example.cn/museum"):
        museum.booking_url = good
        museum.full_clean()


def test_opening_hours_must_close_after_they_open():
    block = OpeningHoursBlock()
    value = block.to_python(
        {"days": ["mon"], "opens": "17:00", "closes": "09:00", "last_entry": None}
    )
    with pytest.raises((ValidationError, StreamBlockValidationError)):
        block.clean(value)
    assert days_label(["sun", "tue", "wed", "thu", "fri", "sat"]) == "周二至周日"
    assert days_label(["sat", "sun", "mon"]) == "周一、周六、周日"


def json_ld(html: str) -> list[dict]:
    return [json.loads(text) for text in JSON_LD.findall(html)]


def test_structured_data(client, place):
    exhibit = make_exhibit(
        place, title="五四式手枪", year_start=1954, year_end=1995, maker="兵工厂"
    )
    study = make_study(place, date=datetime.date(2024, 5, 18))
    types = {
        "museum": (place["museum"].url, "Museum"),
        "hall": (place["halls"][0].url, "Place"),
        "exhibit": (exhibit.url, "CreativeWork"),
        "study": (study.url, "ScholarlyArticle"),
    }
    found = {}
    for name, (url, kind) in types.items():
        data = json_ld(client.get(url).content.decode())
        assert [d["@type"] for d in data] == [kind], name
        found[name] = data[0]
    museum = found["museum"]
    assert museum["openingHoursSpecification"][0]["opens"] == "09:00"
    assert (
        "https://schema.org/Tuesday"
        in museum["openingHoursSpecification"][0]["dayOfWeek"]
    )
    assert museum["potentialAction"]["target"].endswith("/booking/museum-visit/")
    assert found["hall"]["containedInPlace"]["@type"] == "Museum"
    item = found["exhibit"]
    assert item["identifier"]["value"] == exhibit.accession_number
    assert item["temporalCoverage"] == "1954/1995"
    assert item["creator"]["name"] == "兵工厂" and item["material"] == "铜"
    assert item["image"][0].startswith("http")
    article = found["study"]
    assert [a["name"] for a in article["author"]] == ["林知远", "周慕青"]
    assert article["datePublished"] == "2024-05-18"


def test_the_museum_is_in_the_main_menu(client, place):
    html = client.get("/").content.decode()
    assert f'href="{place["museum"].url}"' in html


def test_unrouted_paths_under_museum_pages_are_404(client, place):
    exhibit = make_exhibit(place)
    for url in (exhibit.url + "x/", place["collection"].url + "nothing/"):
        assert client.get(url).status_code == 404


def test_an_unsaved_exhibit_previews(rf, place, superuser):
    """The admin's preview: pictures and links still in the form, not saved."""
    exhibit = ExhibitPage(
        title="预览中的藏品",
        accession_number="JWM-0999",
        category=place["category"],
        year_start=1980,
        hall=place["halls"][0],
        images=[ExhibitImage(image=picture(), alt_text="预览图片")],
    )
    exhibit.set_url_path(place["collection"])
    exhibit.path = place["collection"].path + "9999"
    exhibit.depth = place["collection"].depth + 1
    request = rf.get("/")
    request.user = superuser
    response = exhibit.serve_preview(request, exhibit.default_preview_mode)
    html = response.render().content.decode()
    assert "预览中的藏品" in html and 'alt="预览图片"' in html


def test_editors_find_the_museum_in_the_admin(client, place, superuser):
    exhibit = make_exhibit(place)
    client.force_login(superuser)
    urls = [
        reverse("wagtailadmin_pages:edit", args=(exhibit.pk,)),
        reverse("wagtailadmin_pages:edit", args=(place["museum"].pk,)),
        reverse("wagtailadmin_pages:edit", args=(place["halls"][0].pk,)),
        reverse(
            "wagtailadmin_pages:add",
            args=("museum", "researchpage", place["research"].pk),
        ),
        "/admin/snippets/museum/exhibitcategory/",
        "/admin/snippets/museum/exhibitmaterial/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    html = client.get("/admin/snippets/museum/exhibitcategory/").content.decode()
    assert "警衔警徽" in html
