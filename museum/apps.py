from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumConfig(AppConfig):
    name = "museum"
    label = "museum"
    verbose_name = _("警察博物馆")

    def ready(self):
        from cms.api.caching import watch
        from search.registry import SearchType, register

        from .models import (
            ExhibitCategory,
            ExhibitMaterial,
            ExhibitPage,
            HallPage,
            ResearchPage,
        )

        register(
            SearchType(key="exhibit", model=ExhibitPage, label=_("馆藏"), order=50)
        )
        register(SearchType(key="hall", model=HallPage, label=_("展厅"), order=51))
        register(
            SearchType(
                key="research", model=ResearchPage, label=_("研究成果"), order=52
            )
        )
        watch(ExhibitCategory, ExhibitMaterial)  # their names are in exhibits' JSON
