from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("My pages")

    def ready(self) -> None:
        from infra.cache import show_publicly

        from . import roles, signals

        signals.connect_signals()
        # The municipalities using a method are on the method's page.
        show_publicly("accounts.methoduse")
        post_migrate.connect(roles.sync_editor_group, sender=self, dispatch_uid="editor-group")
