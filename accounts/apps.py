from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("My pages")

    def ready(self) -> None:
        from infra.cache import show_publicly
        from infra.ratelimit import share_allauth_limits
        from stats.extensions import add_area_section

        from . import desk, roles, signals
        from .sections import METHODS_IN_USE

        signals.connect_signals()
        desk.register()
        # The municipalities using a method are on the method's page.
        show_publicly("accounts.methoduse")
        post_migrate.connect(roles.sync_editor_group, sender=self, dispatch_uid="editor-group")
        # The methods a municipality or region uses, on its statistics page.
        add_area_section(METHODS_IN_USE)
        share_allauth_limits()
