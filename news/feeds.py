"""RSS and Atom feeds of a news section."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_SIZE = 30


class NewsFeed(Feed):
    """The latest articles of a news section, as RSS (default) or Atom."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.feed_type = (
            Atom1Feed if request.GET.get("format") == "atom" else Rss201rev2Feed
        )
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.teaser

    def items(self):
        return self.index_page.articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.date

    def item_categories(self, item):
        return [item.get_category_display()]
