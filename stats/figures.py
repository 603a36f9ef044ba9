"""What the statistics pages show, computed from Observations in a fixed number of queries.

Nothing here averages municipalities into county or national figures: a national figure is
shown only where Kolada publishes one (Riket, 0000).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Max, Q

from infra.cache import remember, versioned_key

from .models import Gender, Indicator, Municipality, Observation

GENDERS = [Gender.TOTAL, Gender.GIRLS, Gender.BOYS]


@dataclass
class Figure:
    """A value or the reason it is absent; what tables, charts and exports print."""

    value: float | None
    status: str = ""

    @property
    def is_suppressed(self) -> bool:
        return self.status == "Privacy"


@dataclass
class Trend:
    """One indicator for one area over the years: {year: {gender: Figure}} plus the nation's."""

    indicator: Indicator
    years: list[int]
    figures: dict[int, dict[str, Figure]]
    national: dict[int, dict[str, Figure]] = field(default_factory=dict)
    national_indicator: Indicator | None = None

    def rows(self) -> list[dict]:
        return [
            {
                "year": year,
                "cells": [self.figures.get(year, {}).get(g) for g in GENDERS],
                "national": self.national.get(year, {}).get(Gender.TOTAL),
            }
            for year in self.years
        ]

    def series(self, gender: str) -> list[tuple[int, float | None]]:
        return [
            (year, getattr(self.figures.get(year, {}).get(gender), "value", None))
            for year in self.years
        ]

    def national_series(self) -> list[tuple[int, float | None]]:
        return [
            (year, getattr(self.national.get(year, {}).get(Gender.TOTAL), "value", None))
            for year in self.years
        ]

    @property
    def latest(self) -> tuple[int | None, Figure | None]:
        for year in reversed(self.years):
            figure = self.figures.get(year, {}).get(Gender.TOTAL)
            if figure is not None and figure.value is not None:
                return year, figure
        return None, None


def available_years() -> dict[str, list[int]]:
    """{kpi: [years with municipal figures]} for the listed indicators: one query (a DISTINCT
    over every observation) on a miss, kept under the content version."""
    return remember("stats-available-years", (), _available_years)


def _available_years() -> dict[str, list[int]]:
    years: dict[str, list[int]] = defaultdict(list)
    rows = (
        Observation.objects.for_municipalities()
        .values_list("indicator__kpi", "year")
        .distinct()
        .order_by("indicator__kpi", "year")
    )
    for kpi, year in rows:
        years[kpi].append(year)
    return dict(years)


def municipality_trends(
    municipality: Municipality, indicators: list[Indicator], national: dict[int, dict]
) -> list[Trend]:
    """Every indicator's figures for one municipality (one query), with the national reference
    series from `national` ({indicator_id: {year: {gender: Figure}}}, see shared_figures)."""
    figures: dict[int, dict] = defaultdict(lambda: defaultdict(dict))
    for indicator_id, year, gender, value, status in Observation.objects.for_municipality(
        municipality
    ).values_list("indicator_id", "year", "gender", "value", "status"):
        figures[indicator_id][year][gender] = Figure(value, status)
    trends = []
    for indicator in indicators:
        own = figures.get(indicator.pk, {})
        if not own:
            continue
        reference_id = indicator.national_reference_id or indicator.pk
        trends.append(
            Trend(
                indicator=indicator,
                years=sorted(own),
                figures=own,
                national=national.get(reference_id, {}),
                national_indicator=indicator.national_reference
                if indicator.national_reference_id
                else indicator,
            )
        )
    return trends


@dataclass
class SharedFigures:
    """What every municipality page needs besides its own figures; the same for all of them."""

    latest: dict[int, int]  # {indicator_id: latest year}
    matrix: dict[int, dict[int, float]]  # {municipality_id: {indicator_id: total that year}}
    national: dict[int, dict]  # {indicator_id: {year: {gender: Figure}}}
    names: dict[int, tuple[str, str]]  # {municipality_id: (code, name)}

    def municipalities(self, ids: list[int]) -> list[Municipality]:
        """Unsaved Municipality objects (code, name, link) for `ids`, in that order."""
        return [Municipality(pk=pk, code=self.names[pk][0], name=self.names[pk][1]) for pk in ids]


def shared_figures(indicators: list[Indicator]) -> SharedFigures:
    """Cached under the content version, which an import bumps: four queries on a miss, none
    on a hit."""
    key = versioned_key("stats-shared-figures", *sorted(i.pk for i in indicators))
    cached = cache.get(key)
    if cached is None:
        latest, matrix = _latest_matrix(indicators)
        national: dict[int, dict] = {}
        reference_ids = {i.national_reference_id or i.pk for i in indicators}
        for indicator_id, year, gender, value, status in (
            Observation.objects.national()
            .filter(indicator_id__in=reference_ids)
            .values_list("indicator_id", "year", "gender", "value", "status")
        ):
            national.setdefault(indicator_id, {}).setdefault(year, {})[gender] = Figure(
                value, status
            )
        names = {
            pk: (code, name)
            for pk, code, name in Municipality.objects.values_list("pk", "code", "name")
        }
        cached = SharedFigures(latest, matrix, national, names)
        cache.set(key, cached, 3600)
    return cached


Matrix = tuple[dict[int, int], dict[int, dict[int, float]]]


def _latest_matrix(indicators: list[Indicator]) -> Matrix:
    """Two queries."""
    latest = dict(
        Observation.objects.for_municipalities()
        .filter(indicator__in=indicators)
        .values("indicator_id")
        .annotate(year=Max("year"))
        .values_list("indicator_id", "year")
    )
    if not latest:
        return {}, {}
    condition = Q()
    for indicator_id, year in latest.items():
        condition |= Q(indicator_id=indicator_id, year=year)
    matrix: dict[int, dict[int, float]] = {}
    for municipality_id, indicator_id, value in (
        Observation.objects.for_municipalities()
        .totals()
        .with_value()
        .filter(condition)
        .values_list("municipality_id", "indicator_id", "value")
    ):
        matrix.setdefault(municipality_id, {})[indicator_id] = value
    return latest, matrix


def _standardised(matrix: dict[int, dict[int, float]]) -> dict[int, dict[int, float]]:
    columns: dict[int, list[float]] = defaultdict(list)
    for values in matrix.values():
        for indicator_id, value in values.items():
            columns[indicator_id].append(value)
    stats = {}
    for indicator_id, values in columns.items():
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
        stats[indicator_id] = (mean, spread)
    return {
        municipality_id: {i: (v - stats[i][0]) / stats[i][1] for i, v in values.items()}
        for municipality_id, values in matrix.items()
    }


def similar_municipality_ids(
    municipality_id: int, matrix: dict[int, dict[int, float]], count: int = 5
) -> list[int]:
    """The municipalities nearest to this one: Euclidean distance between standardised values
    (z-scores) of the latest total figure of every indicator this municipality has."""
    z = _standardised(matrix)
    own = z.get(municipality_id)
    if not own:
        return []
    distances = []
    for other_id, values in z.items():
        if other_id == municipality_id or not own.keys() <= values.keys():
            continue
        distance = math.sqrt(sum((values[i] - own[i]) ** 2 for i in own))
        distances.append((distance, other_id))
    return [other_id for _, other_id in sorted(distances)[:count]]


@dataclass
class Standing:
    indicator: Indicator
    year: int
    value: float
    better_share: float  # share of municipalities with a better value


def weakest_indicator(
    municipality_id: int,
    indicators: list[Indicator],
    latest: dict[int, int],
    matrix: dict[int, dict[int, float]],
) -> Standing | None:
    """The indicator on which most other municipalities do better (ties: the first listed)."""
    own = matrix.get(municipality_id, {})
    weakest = None
    for indicator in indicators:
        if indicator.pk not in own:
            continue
        value = own[indicator.pk]
        others = [
            v[indicator.pk] for m, v in matrix.items() if m != municipality_id and indicator.pk in v
        ]
        if not others:
            continue
        if indicator.higher_is_better:
            better = sum(1 for v in others if v > value)
        else:
            better = sum(1 for v in others if v < value)
        standing = Standing(indicator, latest[indicator.pk], value, better / len(others))
        if weakest is None or standing.better_share > weakest.better_share:
            weakest = standing
    return weakest


def ranked(rows: list[dict], higher_is_better: bool) -> list[dict]:
    """Sort rows with a `figure` by value (best first), give equal values the same rank,
    and put rows without a value last, unranked."""
    with_value = [r for r in rows if r["figure"] is not None and r["figure"].value is not None]
    without = [r for r in rows if r not in with_value]
    with_value.sort(key=lambda r: r["figure"].value, reverse=higher_is_better)
    previous, rank = None, 0
    for position, row in enumerate(with_value, 1):
        if row["figure"].value != previous:
            rank, previous = position, row["figure"].value
        row["rank"] = rank
    for row in without:
        row["rank"] = None
    return with_value + without


def area_observations(indicator: Indicator, year: int, gender: str) -> dict[str, Figure]:
    """{municipality code: Figure} for the map: one query."""
    return {
        code: Figure(value, status)
        for code, value, status in Observation.objects.for_municipalities()
        .filter(indicator=indicator, year=year, gender=gender)
        .values_list("municipality__code", "value", "status")
    }


def national_figure(indicator: Indicator, year: int, gender: str) -> Figure | None:
    reference = indicator.national_reference_id or indicator.pk
    row = (
        Observation.objects.national()
        .filter(indicator_id=reference, year=year, gender=gender)
        .values_list("value", "status")
        .first()
    )
    return Figure(*row) if row else None
