from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlugInnovationConfig(AppConfig):
    name = "pluginnovation"
    verbose_name = _("Content")

    def ready(self) -> None:
        from . import cache, jsonlog

        cache.connect_signals()  # cached pages and facets follow content changes
        jsonlog.connect_signals()  # failed logins are logged
