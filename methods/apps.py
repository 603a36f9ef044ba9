from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = _("Methods")

    def ready(self) -> None:
        from content import registry

        from .models import Method

        registry.register(
            registry.ContentType(
                kind=Method.KIND,
                model=Method,
                label=_("Method"),
                detail_url_name="methods:detail",
                section=registry.Section(
                    namespace="methods",
                    path=_("methods/"),
                    urls="methods.urls",
                    label=_("Methods"),
                    search_type="metoder",
                    search_label=_("Methods"),
                    position=10,
                ),
            )
        )
