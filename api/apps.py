from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open API (/api/v1/) and the open-data downloads (/oppna-data/)."""

    name = "api"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from infra.cache import show_publicly

        # The API shows the statistics (indicators, their definitions, areas): an edit to them
        # must make cached answers stale like an edit to an article.
        show_publicly("stats")
