"""The methods registry in public: which methods municipalities say they use, and where.

Users say so on a method's page ("Vi använder metoden", MethodUse); this reads those entries
of published methods for /metoder/anvands/ and for the statistics pages of a municipality or
region. No personal data: a municipality, a method and the year it started.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from methods.models import Method
from stats.models import Municipality, Region

from .models import MethodUse


@dataclass
class UsedAt:
    municipality: Municipality
    since: int


@dataclass
class MethodInUse:
    method: Method
    places: list[UsedAt] = field(default_factory=list)


def methods_in_use(area: Municipality | Region | None = None) -> list[MethodInUse]:
    """Each published method some municipality (in `area`, if given) uses, by title, with
    the municipalities by name and the earliest year each says it started."""
    uses = MethodUse.objects.of_published_methods().select_related("method", "municipality__region")
    if area is not None:
        uses = uses.in_area(area)
    by_method: dict[int, MethodInUse] = {}
    since: dict[tuple[int, int], UsedAt] = {}
    for use in uses.order_by("start_year", "pk"):
        entry = by_method.setdefault(use.method_id, MethodInUse(use.method))
        key = (use.method_id, use.municipality_id)
        if key not in since:  # the earliest start of the municipality's users
            since[key] = UsedAt(use.municipality, use.start_year)
            entry.places.append(since[key])
    for entry in by_method.values():
        entry.places.sort(key=lambda place: place.municipality.name)
    return sorted(by_method.values(), key=lambda entry: entry.method.title.casefold())


@dataclass
class MunicipalityUsing:
    municipality: Municipality
    methods: list[tuple[Method, int]] = field(default_factory=list)


@dataclass
class RegionUsing:
    region: Region
    municipalities: list[MunicipalityUsing] = field(default_factory=list)


def by_region(in_use: list[MethodInUse]) -> list[RegionUsing]:
    """The same, as regions (by code) → municipalities (by name) → (method, since)."""
    regions: dict[int, RegionUsing] = {}
    places: dict[int, MunicipalityUsing] = {}
    for entry in in_use:
        for place in entry.places:
            municipality = place.municipality
            region = regions.setdefault(municipality.region_id, RegionUsing(municipality.region))
            if municipality.pk not in places:
                places[municipality.pk] = MunicipalityUsing(municipality)
                region.municipalities.append(places[municipality.pk])
            places[municipality.pk].methods.append((entry.method, place.since))
    for region in regions.values():
        region.municipalities.sort(key=lambda item: item.municipality.name)
    return sorted(regions.values(), key=lambda item: item.region.code)
