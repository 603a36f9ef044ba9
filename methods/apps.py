from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = _("Methods")

    def ready(self) -> None:
        from content import registry

        from . import signals  # noqa: F401 - connects the receivers
        from .finder import FACETS
        from .models import Method
        from .views import EVIDENCE_PAGE

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
                editor_models=("term",),
                shows_last_review=True,
                search_facets=FACETS,
                search_prefetch=("method__terms",),
            )
        )
        registry.place_page(EVIDENCE_PAGE, "methods:evidence")
