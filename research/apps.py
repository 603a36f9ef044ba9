from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = _("Research")

    def ready(self) -> None:
        from content import registry

        from . import desk, names
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
        registry.register(
            registry.ContentType(
                kind=Publication.KIND,
                model=Publication,
                label=_("Literature"),
                detail_url_name="research:detail",
                section=section,
                # Its cards show authors and year; Artikelsök counts it under that year.
                own_year="publication__year",
                card_related=("publication",),
                # Versions are compared by the authors' names, one a line.
                revision_display=(("authors", names.one_a_line),),
            )
        )
        registry.register(
            registry.ContentType(
                kind=ResearchSummary.KIND,
                model=ResearchSummary,
                label=_("Research summary"),
                detail_url_name="research:detail",
                section=section,
            )
        )
        desk.register()
