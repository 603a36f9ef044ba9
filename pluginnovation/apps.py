from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlugInnovationConfig(AppConfig):
    name = "pluginnovation"
    verbose_name = _("Content")
