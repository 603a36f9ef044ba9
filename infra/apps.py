from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfraConfig(AppConfig):
    """What the site runs on and knows no content: caches, middleware, health, logging."""

    name = "infra"
    verbose_name = _("Infrastructure")

    def ready(self) -> None:
        from . import cache, jsonlog

        cache.connect_signals()  # cached pages and facets follow content changes
        jsonlog.connect_signals()  # failed logins are logged
