"""A municipality's figures in the years around a period (a project's, on a case study's page):
one small chart of every listed indicator for all students, the period shaded, with the same
figures in a table. The statistics know no case study: the caller gives the period."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from infra.cache import remember

from . import charts
from .figures import Figure
from .models import Indicator, Municipality, Observation

# Years shown before the period's first year and after its last.
MARGIN = 3


@dataclass
class AroundPeriod:
    municipality: Municipality
    period: tuple[int, int]
    indicators: list[Indicator]
    years: list[int]
    # [{"year": …, "in_period": …, "cells": [Figure or None per indicator]}]
    rows: list[dict]
    chart: charts.LineChart

    @property
    def sources(self) -> str:
        """The indicators' original sources, each once (Kolada publishes them)."""
        parts = (
            part.strip() for indicator in self.indicators for part in indicator.source.split(",")
        )
        return ", ".join(dict.fromkeys(part for part in parts if part))


def figures_around(municipality: Municipality, period: tuple[int, int]) -> AroundPeriod | None:
    """The figures from MARGIN years before the period to MARGIN years after (those Kolada
    has), or None when there are none. Drawn once per content version and language."""
    return remember(
        "stats-around",
        (municipality.pk, period, get_language()),
        lambda: _figures_around(municipality, period),
    )


def _figures_around(municipality: Municipality, period: tuple[int, int]) -> AroundPeriod | None:
    first, last = period
    indicators = list(Indicator.objects.listed())
    figures: dict[int, dict[int, Figure]] = {}
    for indicator_id, year, value, status in (
        Observation.objects.for_municipality(municipality)
        .totals()
        .filter(year__gte=first - MARGIN, year__lte=last + MARGIN, indicator__in=indicators)
        .values_list("indicator_id", "year", "value", "status")
    ):
        figures.setdefault(indicator_id, {})[year] = Figure(value, status)
    indicators = [indicator for indicator in indicators if indicator.pk in figures]
    if not indicators:
        return None
    years = sorted({year for by_year in figures.values() for year in by_year})
    series = [
        (
            indicator.short_title,
            [(year, getattr(figures[indicator.pk].get(year), "value", None)) for year in years],
        )
        for indicator in indicators
    ]
    labels = [indicator.short_title for indicator in indicators]
    description = _(
        "Line chart of %(indicators)s in %(area)s, all students, %(first)s–%(last)s; the "
        "shaded years %(start)s–%(end)s are the project's. The same figures are in the table "
        "below."
    ) % {
        "indicators": ", ".join(labels),
        "area": municipality.name,
        "first": years[0],
        "last": years[-1],
        "start": first,
        "end": last,
    }
    return AroundPeriod(
        municipality=municipality,
        period=period,
        indicators=indicators,
        years=years,
        rows=[
            {
                "year": year,
                "in_period": first <= year <= last,
                "cells": [figures[indicator.pk].get(year) for indicator in indicators],
            }
            for year in years
        ],
        chart=charts.line_chart(
            title=_("%(area)s around the project") % {"area": municipality.name},
            description=description,
            years=years,
            series=series,
            period=period,
        ),
    )
