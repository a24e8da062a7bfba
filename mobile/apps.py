from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobileConfig(AppConfig):
    name = "mobile"
    label = "mobile"
    verbose_name = _("手机应用")

    def ready(self):
        from cms.api.caching import watch

        from .models import AppHome

        watch(AppHome)
