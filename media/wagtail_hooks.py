"""Admin for videos, and who may download a document."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Video
from .visibility import is_used_by_public_pages


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


@hooks.register("before_serve_document")
def hide_unpublished_documents(document, request):
    """Staff download any document; others only those live, public pages offer.

    An attachment of a draft or of a document under embargo is not served until its
    page goes live, even to someone who guessed its URL. Wagtail then checks the
    collection's view restrictions (sign-in or password) itself.
    """
    user = getattr(request, "user", None)
    if user is not None and user.has_perm("wagtailadmin.access_admin"):
        return None
    if not is_used_by_public_pages(document):
        raise Http404
    return None
