"""Admin for the museum's taxonomies: categories and materials, in one menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ExhibitCategory, ExhibitMaterial


class ExhibitCategoryViewSet(SnippetViewSet):
    """Kinds of objects the collection is browsed by (枪械, 警衔警徽…)."""

    model = ExhibitCategory
    icon = "folder-open-inverse"
    menu_label = _("藏品类别")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class ExhibitMaterialViewSet(SnippetViewSet):
    """What objects are made of (钢, 棉布, 纸…)."""

    model = ExhibitMaterial
    icon = "tag"
    menu_label = _("藏品材质")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class MuseumViewSetGroup(SnippetViewSetGroup):
    """The museum's admin menu."""

    items = (ExhibitCategoryViewSet, ExhibitMaterialViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("博物馆分类")
    menu_order = 320


register_snippet(MuseumViewSetGroup)
