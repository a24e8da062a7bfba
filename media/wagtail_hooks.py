"""Admin for videos: a snippet listing in the media menu area."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Video


class VideoViewSet(SnippetViewSet):
    """Upload and manage promotional and news videos."""

    model = Video
    icon = "media"
    menu_label = _("视频")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "created_at"]
    search_fields = ["title"]


register_snippet(VideoViewSet)
