"""Admin for search synonyms, under Settings, for editors who tune search."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    """Colloquial and official words that search treats as the same."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("搜索同义词")
    add_to_settings_menu = True
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)
