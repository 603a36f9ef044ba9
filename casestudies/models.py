from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
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
    first_year = models.PositiveSmallIntegerField(
        _("first year of the project"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_(
            "With the last year: the page shows the municipality's figures for the years "
            "around the project."
        ),
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year of the project"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    team_sv, team_en = translated_fields(models.TextField, _("team"), blank=True)
    what_was_done_sv, what_was_done_en = translated_fields(
        models.TextField, _("what was done"), blank=True
    )
    results_sv, results_en = translated_fields(models.TextField, _("results"), blank=True)

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_year__isnull=True)
                | Q(last_year__isnull=True)
                | Q(first_year__lte=F("last_year")),
                name="case_study_years_in_order",
                violation_error_message=_("The first year of the project comes before the last."),
            )
        ]

    @property
    def years(self) -> tuple[int, int] | None:
        """(first, last) year of the project, or None if not given (one year: both)."""
        first, last = self.first_year or self.last_year, self.last_year or self.first_year
        return (first, last) if first else None
