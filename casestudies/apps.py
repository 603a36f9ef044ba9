from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasestudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")

    def ready(self) -> None:
        from content import registry
        from stats.extensions import add_area_section

        from . import signals  # noqa: F401 - connects the receivers
        from .models import CaseStudy
        from .sections import CASE_STUDIES

        registry.register(
            registry.ContentType(
                kind=CaseStudy.KIND,
                model=CaseStudy,
                label=_("Case study"),
                detail_url_name="casestudies:detail",
                shows_last_review=True,
                section=registry.Section(
                    namespace="casestudies",
                    path=_("case-studies/"),
                    urls="casestudies.urls",
                    label=_("Case studies"),
                    search_type="fallstudier",
                    search_label=_("Case studies"),
                    position=30,
                ),
            )
        )
        # The case studies about a municipality or region, on its statistics page.
        add_area_section(CASE_STUDIES)
