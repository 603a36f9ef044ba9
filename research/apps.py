from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = _("Research")

    def ready(self) -> None:
        from content import registry

        from .models import Publication, ResearchSummary

        section = registry.Section(
            namespace="research",
            path=_("research/"),
            urls="research.urls",
            label=_("Research"),
            search_type="forskning",
            search_label=_("Research"),
            position=20,
        )
        for model, label, suggestion_fields in (
            (Publication, _("Literature"), ("authors",)),
            (ResearchSummary, _("Research summary"), ()),
        ):
            registry.register(
                registry.ContentType(
                    kind=model.KIND,
                    model=model,
                    label=label,
                    detail_url_name="research:detail",
                    section=section,
                    suggestion_fields=suggestion_fields,
                )
            )
