from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlugInnovationConfig(AppConfig):
    """The site itself: its settings and URLs, the home, contact and accessibility pages, and
    what combines the apps below it (feeds, sitemap, sections of the statistics pages)."""

    name = "pluginnovation"
    verbose_name = _("Site")

    def ready(self) -> None:
        from stats.extensions import add_area_section

        from . import desk
        from .sections import STATISTICS_TO_ACTION

        add_area_section(STATISTICS_TO_ACTION)
        desk.register()
