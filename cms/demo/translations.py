"""English translations of the home page and of the guides foreigners use most."""

from wagtail.models import Locale, Page

from cms.models import HomePage
from guides.models import GuideCategoryPage, GuidePage

from .content import blocks
from .schema import guide_categories
from .tree import publish


def translate(page: Page, locale: Locale) -> Page:
    """The page's translation in the locale, created (parents first) when missing.

    Parents are translated as real pages, not as the aliases that copy_parents makes,
    so that they can carry their own titles.
    """
    for node in [*page.get_ancestors().filter(depth__gt=1), page]:
        existing = node.get_translation_or_none(locale)
        if existing is None:
            existing = node.specific.copy_for_translation(locale)
    return existing.specific


def build_english(home: HomePage, guides: dict[str, GuidePage]) -> list[GuidePage]:
    """Translate the home page, the guide section path and the ten English guides."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = translate(home, english)
    home_en.title = "Home"
    home_en.hero_title = "Online Police Bureau"
    home_en.hero_text = "One sign-in, every service: 120 police services online."
    home_en.teaser = "Official website of the Municipal Public Security Bureau."
    home_en.seo_title = "Municipal Public Security Bureau - Online Police Bureau"
    home_en.sections = []
    home_en.quick_links = []
    publish(home_en)

    categories = guide_categories()
    category_titles = {c.business: c.title_en for c in categories}
    translated = []
    done_ancestors: set[int] = set()
    for category in categories:
        for item in category.items:
            en = item.en
            if en is None:
                continue
            page = translate(guides[item.name], english)
            for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
                if ancestor.pk in done_ancestors:
                    continue
                if isinstance(ancestor, GuideCategoryPage):
                    ancestor.title = category_titles[ancestor.business]
                    ancestor.intro = ancestor.teaser = ""
                else:
                    ancestor.title = "Online Services"
                    ancestor.intro = (
                        "Service guides for 120 police services in 8 businesses."
                    )
                    ancestor.teaser = ancestor.intro
                ancestor.show_in_menus = True
                publish(ancestor)
                done_ancestors.add(ancestor.pk)
            page.title = en.name
            page.teaser = en.summary
            page.responsible_body = en.body
            page.conditions = [("condition", text) for text in en.conditions]
            page.steps = blocks("step", en.steps)
            page.where_to_apply = en.where
            page.faqs = blocks("faq", en.faqs)
            publish(page)
            translated.append(page)

    # Reload: pages were added below it through other instances, so numchild is stale.
    home_en = HomePage.objects.get(pk=home_en.pk)
    guide_index = (
        translated[0].get_parent().get_parent().specific if translated else None
    )
    home_en.sections = (
        [
            (
                "link",
                {
                    "title": "Online Services",
                    "page": guide_index,
                    "description": "Visas, residence permits, passports and more",
                    "icon": "service",
                },
            )
        ]
        if guide_index
        else []
    )
    home_en.quick_links = [
        ("link", {"title": page.title, "page": page, "icon": "passport"})
        for page in translated
    ]
    publish(home_en)
    return translated
