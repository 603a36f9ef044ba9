"""'My municipality at a glance': the latest figures of the user's municipality (from stats)."""

from dataclasses import dataclass

from django.urls import reverse

from stats.figures import municipality_trends
from stats.models import Indicator


@dataclass
class LatestFigure:
    label: str
    year: int
    value: float | None
    suppressed: bool
    unit: str


def municipality_glance(municipality) -> dict | None:
    """The municipality, its statistics page and each listed indicator's latest total: two
    queries (the indicators, then the municipality's figures), whatever the indicators."""
    if municipality is None:
        return None
    indicators = list(Indicator.objects.listed().select_related("national_reference"))
    figures = []
    # Only the municipality's own figures here: no national reference series.
    for trend in municipality_trends(municipality, indicators, national={}):
        year, figure = trend.latest
        if year is None:
            continue
        figures.append(
            LatestFigure(
                label=trend.indicator.short_title or trend.indicator.title,
                year=year,
                value=figure.value,
                suppressed=figure.is_suppressed,
                unit=trend.indicator.unit,
            )
        )
    return {
        "municipality": municipality,
        "url": reverse("stats:municipality", kwargs={"code": municipality.code}),
        "figures": figures,
    }
