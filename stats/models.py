from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# A helper module, not a model: stats still imports no other app's models.
from infra.i18n import TranslatedMixin, translated_fields

# Kolada's id for the whole country.
NATION_CODE = "0000"


class Region(models.Model):
    """A county (län). Kolada names the region's own figures "00" + the county code."""

    code = models.CharField(_("county code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stats:region", kwargs={"code": self.code})

    @property
    def kolada_id(self) -> str:
        return f"00{self.code}"


class Municipality(models.Model):
    """A municipality (kommun), named by its four-digit SCB code."""

    code = models.CharField(_("municipality code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stats:municipality", kwargs={"code": self.code})


class IndicatorQuerySet(models.QuerySet):
    def listed(self):
        """Indicators with figures per municipality (not those kept only as a national reference)."""
        return self.filter(reference_only=False)


class Indicator(TranslatedMixin, models.Model):
    """A Kolada key figure (KPI), with its definition in both languages."""

    kpi = models.CharField(
        _("Kolada KPI id"),
        max_length=10,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]\d{5}$", _("A Kolada id is a letter and five digits."))],
    )
    title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=255)
    short_title_sv, short_title_en = translated_fields(
        models.CharField, _("short title"), max_length=100
    )
    definition_sv, definition_en = translated_fields(models.TextField, _("definition"))
    unit = models.CharField(_("unit"), max_length=20, default="percent")
    source = models.CharField(
        _("original source"), max_length=100, help_text=_("Who produces the figures, e.g. SCB.")
    )
    higher_is_better = models.BooleanField(_("a higher value is better"), default=True)
    reference_only = models.BooleanField(
        _("national reference only"),
        default=False,
        help_text=_("Shown only as the national figure next to another indicator."),
    )
    national_reference = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("national reference indicator"),
        help_text=_("The indicator whose national (Riket) figures are shown beside this one."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    kolada_publication_date = models.DateField(_("published by Kolada"), null=True, blank=True)
    data_updated_at = models.DateTimeField(
        _("figures last updated"),
        null=True,
        blank=True,
        help_text=_("When an import last changed this indicator's figures."),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "kpi"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.kpi} {self.title}"

    @property
    def title(self) -> str:
        return self.translated("title")

    @property
    def short_title(self) -> str:
        return self.translated("short_title")

    @property
    def definition(self) -> str:
        return self.translated("definition")


class AreaType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    NATION = "nation", _("Sweden (Riket)")


class Gender(models.TextChoices):
    TOTAL = "T", _("All students")
    GIRLS = "K", _("Girls")
    BOYS = "M", _("Boys")


class ValueStatus(models.TextChoices):
    PUBLISHED = "", _("Published")
    SUPPRESSED = "Privacy", _("Suppressed (too few students)")
    MISSING = "Missing", _("Missing")


class ObservationQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(area_type=AreaType.MUNICIPALITY, municipality=municipality)

    def for_municipalities(self):
        return self.filter(area_type=AreaType.MUNICIPALITY)

    def national(self):
        return self.filter(area_type=AreaType.NATION)

    def totals(self):
        return self.filter(gender=Gender.TOTAL)

    def with_value(self):
        return self.filter(value__isnull=False)


class Observation(models.Model):
    """One figure: an indicator for an area, a year and a gender. A suppressed figure has no value."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    area_type = models.CharField(_("area type"), max_length=20, choices=AreaType.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("municipality"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("region"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    value = models.FloatField(_("value"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ValueStatus.choices, blank=True, default=""
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "year", "gender"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        indexes = [
            models.Index(fields=["indicator", "year", "gender"], name="observation_map"),
            # National and regional series are a few rows among many municipal ones.
            models.Index(fields=["area_type", "indicator"], name="observation_area_type"),
        ]
        constraints = [
            # The area is exactly one of: a municipality, a region, or the nation.
            models.CheckConstraint(
                condition=(
                    Q(
                        area_type=AreaType.MUNICIPALITY,
                        municipality__isnull=False,
                        region__isnull=True,
                    )
                    | Q(area_type=AreaType.REGION, region__isnull=False, municipality__isnull=True)
                    | Q(area_type=AreaType.NATION, region__isnull=True, municipality__isnull=True)
                ),
                name="observation_has_one_area",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values), name="observation_gender_valid"
            ),
            # A value is either published, or absent with a reason (suppressed or missing).
            models.CheckConstraint(
                condition=Q(status="", value__isnull=False)
                | Q(status__in=[ValueStatus.SUPPRESSED, ValueStatus.MISSING], value__isnull=True),
                name="observation_value_matches_status",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="observation_year_plausible"
            ),
            models.UniqueConstraint(
                fields=["indicator", "municipality", "year", "gender"],
                condition=Q(area_type=AreaType.MUNICIPALITY),
                name="unique_municipal_observation",
            ),
            models.UniqueConstraint(
                fields=["indicator", "region", "year", "gender"],
                condition=Q(area_type=AreaType.REGION),
                name="unique_regional_observation",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "gender"],
                condition=Q(area_type=AreaType.NATION),
                name="unique_national_observation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.year} {self.gender}: {self.value}"

    @property
    def is_suppressed(self) -> bool:
        return self.status == ValueStatus.SUPPRESSED

    @property
    def area_code(self) -> str:
        """The Kolada id of the area: kommunkod, "00" + länskod, or 0000 for Riket."""
        if self.area_type == AreaType.MUNICIPALITY:
            return self.municipality.code
        if self.area_type == AreaType.REGION:
            return self.region.kolada_id
        return NATION_CODE
