"""Template tags that show news elsewhere on the site (the home page)."""

from django import template

from news.models import headlines

register = template.Library()


@register.simple_tag
def news_headlines(locale, limit: int) -> list:
    """Active pins first, then the latest live articles of the locale."""
    return headlines(locale, limit)
