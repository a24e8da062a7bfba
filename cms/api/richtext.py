"""Rich text as an app can use it: plain HTML, absolute URLs, page ids on links.

In the database Wagtail keeps links and pictures as `<a linktype="page" id="4">` and
`<embed embedtype="image" …>`, which no app can follow. Wagtail's own rewriters expand
them for templates with site-relative URLs; this expands them for the API, with the
same rewriter classes and our rules:

- a link to a page anyone may see: `<a href="https://…/path/" data-page-id="4">`
  (the id lets the app open the page in-app; the page itself, not a translation,
  so that the id, the address and the visibility check all concern one page); to a
  draft, private or deleted page: the text without a link;
- a link to a document: its absolute download URL, or no link when it is private;
- a picture: Wagtail's HTML for the chosen format with an absolute `src`.
"""

import re

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text import features
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from cms.visibility import is_public, is_public_media, restricted_paths

from .urls import absolute

SRC = re.compile(r'(\ssrc=")(/[^"]*)(")')


def page_links(attrs_list: list[dict], request) -> list[str]:
    paths = restricted_paths(request)
    tags = []
    for page in PageLinkHandler.get_many(attrs_list):
        if is_public(page, paths):
            url = absolute(page.get_url(request))
            tags.append(f'<a href="{escape(url)}" data-page-id="{page.pk}">')
        else:
            tags.append("<a>")
    return tags


def document_links(attrs_list: list[dict], request) -> list[str]:
    return [
        f'<a href="{escape(absolute(doc.url))}">'
        if is_public_media(doc, request)
        else "<a>"
        for doc in DocumentLinkHandler.get_many(attrs_list)
    ]


def images(attrs_list: list[dict], request) -> list[str]:
    tags = ImageEmbedHandler.expand_db_attributes_many(attrs_list)
    return [SRC.sub(lambda m: m[1] + absolute(m[2]) + m[3], tag) for tag in tags]


def app_html(source: str, request=None) -> str:
    """Database rich text as HTML for the app (see the module's docstring)."""
    links = {
        linktype: handler.expand_db_attributes_many
        for linktype, handler in features.get_link_types().items()
    }
    links["page"] = lambda attrs: page_links(attrs, request)
    links["document"] = lambda attrs: document_links(attrs, request)
    embeds = {
        embedtype: handler.expand_db_attributes_many
        for embedtype, handler in features.get_embed_types().items()
    }
    embeds["image"] = lambda attrs: images(attrs, request)
    rewriter = MultiRuleRewriter(
        [LinkRewriter(bulk_rules=links), EmbedRewriter(bulk_rules=embeds)]
    )
    return rewriter(source)
