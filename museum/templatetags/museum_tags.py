"""Template tags of the museum pages: the museum's own navigation bar."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from cms.visibility import public_pages

from ..models import (
    CollectionPage,
    HallPage,
    MuseumHomePage,
    ResearchIndexPage,
    museum_of,
)

register = template.Library()


@register.inclusion_tag("museum/includes/nav.html", takes_context=True)
def museum_nav(context, page) -> dict:
    """The museum's sections (home, halls, collection, research) and its booking.

    Two small queries: the museum (for a page below it) and its live children.
    """
    request = context.get("request")
    museum = museum_of(page)
    if museum is None:
        return {}
    children = public_pages(museum.get_children().live(), request)
    kinds = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (HallPage, CollectionPage, ResearchIndexPage)
    }
    first = {}
    for child in children:
        first.setdefault(kinds.get(child.content_type_id), child)
    links = [(_("博物馆首页"), museum.get_url(request), page.pk == museum.pk)]
    if HallPage in first:
        links.append(
            (
                _("走进展馆"),
                museum.get_url(request) + "#halls",
                isinstance(page, HallPage),
            )
        )
    for model, label in (
        (CollectionPage, _("展馆典藏")),
        (ResearchIndexPage, _("研究成果")),
    ):
        if model in first:
            section = first[model]
            current = page.path.startswith(section.path)
            links.append((label, section.get_url(request), current))
    return {
        "museum": museum,
        "links": links,
        "booking_url": museum.booking_url,
        "is_home": isinstance(page, MuseumHomePage),
    }
