from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("搜索")

    def ready(self):
        from cms.api.caching import watch

        from .models import SynonymGroup

        watch(SynonymGroup)  # synonyms change what API searches find
