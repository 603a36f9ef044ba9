from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("My pages")

    def ready(self) -> None:
        from infra.ratelimit import share_allauth_limits

        from . import signals

        signals.connect_signals()
        share_allauth_limits()
