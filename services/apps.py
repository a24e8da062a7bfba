from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    label = "services"
    verbose_name = _("网上办事")

    def ready(self):
        from search.registry import SearchType, register

        from .models import AnswerPage

        register(
            SearchType(key="answer", model=AnswerPage, label=_("公开问答"), order=40)
        )
