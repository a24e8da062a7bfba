"""Where each page type may be created, as Wagtail's admin enforces it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage, TransparencyIndexPage, TransparencyPage
from guides.models import GuideCategoryPage, GuideIndexPage, GuidePage
from museum.models import (
    CollectionPage,
    ExhibitPage,
    HallPage,
    MuseumHomePage,
    ResearchIndexPage,
    ResearchPage,
)
from news.models import NewsIndexPage, NewsPage
from services.models import ServiceFormPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_sections_sit_under_the_home_page(self):
        sections = (NewsIndexPage, TransparencyIndexPage, GuideIndexPage)
        for section in (*sections, MuseumHomePage):
            self.assertAllowedParentPageTypes(section, {HomePage})
            self.assertCanCreateAt(HomePage, section)
            self.assertCanNotCreateAt(Page, section)
            self.assertCanNotCreateAt(StandardPage, section)

    def test_each_section_takes_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(TransparencyIndexPage, {TransparencyPage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuideCategoryPage})
        self.assertAllowedSubpageTypes(GuideCategoryPage, {GuidePage, ServiceFormPage})
        self.assertAllowedSubpageTypes(
            MuseumHomePage, {HallPage, CollectionPage, ResearchIndexPage}
        )
        self.assertAllowedSubpageTypes(CollectionPage, {ExhibitPage})
        self.assertAllowedSubpageTypes(ResearchIndexPage, {ResearchPage})

    def test_leaf_pages_have_no_children(self):
        for leaf in (NewsPage, TransparencyPage, GuidePage, HallPage, ExhibitPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_articles_cannot_be_created_elsewhere(self):
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(GuideIndexPage, GuidePage)
        self.assertCanNotCreateAt(NewsIndexPage, TransparencyPage)
        self.assertCanNotCreateAt(HomePage, GuideCategoryPage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, ServiceFormPage})
