"""Template tags for the public site: navigation, breadcrumbs, languages, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from cms.locales import request_locale
from cms.visibility import is_public_media, public_pages
from media.renditions import rendition_or_none

register = template.Library()


def _locale_root(request) -> Page | None:
    """The home page of the visitor's language (or the site root), once per request."""
    if not hasattr(request, "_jingwu_locale_root"):
        root = None
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page
            locale = request_locale(request)
            if locale and root.locale_id != locale.pk:
                root = root.get_translation_or_none(locale) or root
        request._jingwu_locale_root = root
    return request._jingwu_locale_root


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The header's sections: live children of the home page shown in menus."""
    request = context["request"]
    if not hasattr(request, "_jingwu_menu"):
        root = _locale_root(request)
        request._jingwu_menu = (
            public_pages(root.get_children().live().in_menu(), request) if root else []
        )
    return request._jingwu_menu


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """The URL of the home page in the visitor's language."""
    root = _locale_root(context["request"])
    return root.url if root else "/"


@register.simple_tag(takes_context=True)
def visible_links(context, links) -> list[dict]:
    """The links of a LinkStreamBlock value that anonymous visitors may follow."""
    return links.stream_block.visible(links, context.get("request"))


@register.simple_tag
def breadcrumbs(page: Page) -> list[Page]:
    """The page's ancestors below the tree root, home page included."""
    return list(page.get_ancestors().filter(depth__gt=1))


@register.simple_tag(takes_context=True)
def json_ld(context, data: dict) -> str:
    """A schema.org JSON-LD script element; '<' is escaped so data cannot close it.

    It carries the page's CSP nonce, since script-src lists no 'unsafe-inline'.
    """
    text = json.dumps(data, ensure_ascii=False, default=str).replace("<", "\\u003c")
    safe_text = mark_safe(text)  # noqa: S308 - escaped above; HTML-escaping breaks JSON
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", "") if request else ""
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>', nonce, safe_text
    )


@register.filter
def absolute(url: str, request) -> str:
    """Make a site-relative URL absolute for feeds, OpenGraph and JSON-LD."""
    if not url or url.startswith(("http://", "https://")):
        return url or ""
    return request.build_absolute_uri(url)


@register.filter
def public_media(obj, request) -> bool:
    """Whether an image or document may be shown (not in a restricted collection)."""
    return is_public_media(obj, request)


@register.simple_tag
def rendition(image, spec: str):
    """`{% rendition image "fill-240x150" as r %}`: None if no image or no file."""
    return rendition_or_none(image or None, spec)
