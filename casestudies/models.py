from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Article
from infra.i18n import translated_fields


class CaseStudy(Article):
    """How one municipality worked: who, what, when and with what result."""

    KIND = "casestudy"

    municipality = models.ForeignKey(
        "stats.Municipality",
        on_delete=models.PROTECT,
        related_name="case_studies",
        verbose_name=_("municipality"),
    )
    period = models.CharField(_("period"), max_length=100, blank=True)
    team_sv, team_en = translated_fields(models.TextField, _("team"), blank=True)
    what_was_done_sv, what_was_done_en = translated_fields(
        models.TextField, _("what was done"), blank=True
    )
    results_sv, results_en = translated_fields(models.TextField, _("results"), blank=True)

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def search_keywords(self, language: str) -> list[str]:
        # The municipality it happened in: what the case study is about, ranked with its tags.
        return [*super().search_keywords(language), self.municipality.name]
