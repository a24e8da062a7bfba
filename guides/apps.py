from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    label = "guides"
    verbose_name = _("办事指南")

    def ready(self):
        from search.registry import Facet, SearchType, register

        from .models import Business, GuidePage

        register(
            SearchType(
                key="guide",
                model=GuidePage,
                label=_("办事指南"),
                facets=(Facet("business", _("业务类别"), Business.choices),),
                order=10,
                suggest=True,
                popular=GuidePage.popular_items,
            )
        )
