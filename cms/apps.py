from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("站点")

    def ready(self):
        from search.registry import SearchType, register

        from .api.caching import connect_signals
        from .models import TransparencyPage

        register(
            SearchType(
                key="document", model=TransparencyPage, label=_("公开文件"), order=30
            )
        )
        connect_signals()
