from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    label = "news"
    verbose_name = _("信息发布")

    def ready(self):
        from search.registry import SearchType, register

        from .models import NewsPage

        register(SearchType(key="news", model=NewsPage, label=_("新闻"), order=20))
