"""Admin for the app's first screen: a snippet per language, in the main menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AppHome


class AppHomeViewSet(SnippetViewSet):
    """Compose and publish the app's first screen."""

    model = AppHome
    icon = "mobile-alt"
    menu_label = _("手机应用首页")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "locale", "live", "last_published_at"]
    list_filter = ["locale", "live"]


register_snippet(AppHomeViewSet)
