"""The deep-zoom viewer's data for museum/includes/viewer.html."""

import json

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.visibility import is_public, restricted_paths

from ..deepzoom import pictures

register = template.Library()


@register.simple_tag(takes_context=True)
def exhibit_viewer(context, page) -> dict:
    """`{% exhibit_viewer page as viewer %}`: the pictures, the viewer's settings
    (JSON for data-viewer) and the IIIF manifest's URL when the exhibit has one."""
    request = context.get("request")
    # The page's own list of public pictures when it has made one (get_context).
    shown = pictures(page, request, rows=page.__dict__.get("gallery"))
    settings = {
        "prefixUrl": static("vendor/openseadragon/images/"),
        "strings": {
            "Tooltips.FullPage": _("全屏查看"),
            "Tooltips.Home": _("还原"),
            "Tooltips.ZoomIn": _("放大"),
            "Tooltips.ZoomOut": _("缩小"),
            "Tooltips.NextPage": _("下一张"),
            "Tooltips.PreviousPage": _("上一张"),
            "GestureHints.Touch": _("用两根手指移动和缩放图片"),
            "GestureHints.Scroll": _("按住 {0} 并滚动鼠标滚轮缩放图片"),
        },
        "pictures": [
            {
                "levels": [level.as_json() for level in picture.levels],
                "alt": picture.alt,
                "caption": picture.caption,
            }
            for picture in shown
        ],
    }
    # A draft's or a private exhibit's manifest is 404: no link to it.
    public = page.pk and is_public(page, restricted_paths(request))
    return {
        "pictures": shown,
        "settings": json.dumps(settings, ensure_ascii=False),
        "manifest_url": (
            reverse("museum_iiif:exhibit_manifest", args=[page.pk])
            if public and shown
            else ""
        ),
    }
