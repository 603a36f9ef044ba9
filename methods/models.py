from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import Article
from infra.i18n import translated_fields


class PreventionLevel(models.TextChoices):
    PROMOTING = "framjande", _("Promoting")
    PREVENTIVE = "forebyggande", _("Preventive")
    REMEDIAL = "atgardande", _("Remedial")


class Scope(models.TextChoices):
    INDIVIDUAL = "individ", _("Individual")
    GROUP = "grupp", pgettext_lazy("level of intervention", "Group")
    ORGANISATION = "organisation", _("Organisation")


class Phase(models.TextChoices):
    TRANSITION = "overgang", _("Transition from compulsory to upper secondary school")
    DURING = "under_gymnasiet", _("During upper secondary school")
    AFTER_LEAVING = "efter_avbrott", _("After leaving school")


class InterventionType(models.TextChoices):
    MENTORING = "mentorskap", _("Mentoring and coaching")
    IDENTIFICATION = "identifiering", _("Identifying students at risk")
    TRANSITIONS = "overgangar", _("School transitions")
    ABSENCE = "franvaro", _("Following up high absence")
    SELF_ESTEEM = "sjalvkansla", _("Self-esteem")
    MOTIVATIONAL_INTERVIEWING = "motiverande_samtal", _("Motivational interviewing")
    STUDY_SUPPORT = "studiestod", _("Academic support")
    HOLISTIC = "helhetsstod", _("Holistic support")


class EvidenceRating(models.IntegerChoices):
    NOT_ASSESSED = 0, _("Not assessed")
    LOW = 1, _("Low")
    MODERATE = 2, _("Moderate")
    HIGH = 3, _("High")


class Method(Article):
    """An intervention method, saying for whom it works and how to do it."""

    KIND = "method"

    target_group_sv, target_group_en = translated_fields(
        models.TextField, _("target group"), blank=True
    )
    prevention_level = models.CharField(
        _("level of prevention"), max_length=20, choices=PreventionLevel.choices, blank=True
    )
    scope = models.CharField(
        _("level of intervention"), max_length=20, choices=Scope.choices, blank=True
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, blank=True)
    intervention_type = models.CharField(
        _("type of intervention"),
        max_length=30,
        choices=InterventionType.choices,
        blank=True,
        db_index=True,
    )
    success_factors_sv, success_factors_en = translated_fields(
        models.TextField, _("success factors"), blank=True
    )
    scientific_basis = models.PositiveSmallIntegerField(
        _("scientific basis"), choices=EvidenceRating.choices, default=EvidenceRating.NOT_ASSESSED
    )
    proven_experience = models.PositiveSmallIntegerField(
        _("proven experience"), choices=EvidenceRating.choices, default=EvidenceRating.NOT_ASSESSED
    )
    evidence_source_sv, evidence_source_en = translated_fields(
        models.TextField, _("source of the evidence"), blank=True
    )
    cost_sv, cost_en = translated_fields(models.TextField, _("cost"), blank=True)
    implementation_sv, implementation_en = translated_fields(
        models.TextField, _("implementation and training needs"), blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_organisation = models.CharField(_("contact organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True)

    # The structured fields a searcher looks a method up by ("uppföljning av hög frånvaro"),
    # indexed as their labels read in each language.
    SEARCHED_CHOICES = ("intervention_type", "phase", "prevention_level", "scope")

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def search_keywords(self, language: str) -> list[str]:
        with translation.override(language):
            labels = [
                str(getattr(self, f"get_{name}_display")())
                for name in self.SEARCHED_CHOICES
                if getattr(self, name)
            ]
        return [*super().search_keywords(language), *labels]
