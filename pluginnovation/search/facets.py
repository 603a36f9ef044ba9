"""Facet counts for Artikelsök: how many results each filter option would give.

Two queries whatever the corpus: one UNION ALL of GROUP BYs for content type and year
together, region and municipality (each counted with every other filter applied but its own,
so that choosing an option gives exactly the count shown), and one for tags (counted within the
current results: each tag narrows them). The total comes from the content-type counts, so
the page needs no COUNT query of its own. Cached briefly, under the content version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone

from pluginnovation.cache import versioned_key

from .filters import TYPE_KINDS, SearchFilterSet

CACHE_SECONDS = 60
MAX_TAG_OPTIONS = 20
FIRST_YEAR = 1990  # older years are extracted row by row (none are expected)


@dataclass
class Facets:
    total: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    regions: list[tuple[str, str, int]] = field(default_factory=list)
    municipalities: list[tuple[str, str, int]] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)
    tags: list[tuple[str, str, int]] = field(default_factory=list)
    tag_names: dict[str, str] = field(default_factory=dict)

    def type_count(self, value: str) -> int:
        return sum(self.kinds.get(kind, 0) for kind in TYPE_KINDS[value])


def _cache_key(filterset: SearchFilterSet) -> str:
    cleaned = filterset.cleaned
    relevant = sorted(
        (name, str(value)) for name, value in cleaned.items() if name not in ("page", "sort")
    )
    return versioned_key("search:facets", repr(relevant))


def _grouped(queryset, facet: str, key, label):
    return (
        queryset.order_by()
        .annotate(facet=Value(facet, output_field=CharField()), key=key, label=label)
        .values("facet", "key", "label")
        .annotate(n=Count("pk"))
    )


def _year():
    """The local year of publication, as text.

    On SQLite, Django extracts it with a Python function called once per row (450 ms for
    95,000 matches); comparing the stored UTC text with each year's local start is the same
    answer in C, as the `year` filter's own range lookup does.
    """
    extracted = Cast(ExtractYear("published_at"), CharField())
    if connection.vendor != "sqlite":
        return extracted
    zone = timezone.get_current_timezone()
    newest = timezone.now().astimezone(zone).year + 1
    return Case(
        *(
            When(
                published_at__gte=datetime(year, 1, 1, tzinfo=zone),
                then=Value(str(year), output_field=CharField()),
            )
            for year in range(newest, FIRST_YEAR - 1, -1)
        ),
        default=extracted,
        output_field=CharField(),
    )


def compute_facets(filterset: SearchFilterSet) -> Facets:
    key = _cache_key(filterset)
    cached = cache.get(key)
    if cached is not None:
        return cached

    # Content type and year are columns of the article: one pass, grouped by both, counts
    # each with every other filter (below: the chosen year for types, the chosen type for years).
    branches = [
        _grouped(filterset.filtered(without=("typ", "year")), "kind", F("kind"), _year()),
        _grouped(
            filterset.filtered(without=("region",)),
            "region",
            F("regions__code"),
            F("regions__name"),
        ),
        _grouped(
            filterset.filtered(without=("kommun",)),
            "kommun",
            F("municipalities__code"),
            F("municipalities__name"),
        ),
    ]
    chosen_type = filterset.cleaned.get("typ")
    chosen_kinds = TYPE_KINDS[chosen_type] if chosen_type else None
    chosen_year = filterset.cleaned.get("year")
    facets = Facets()
    years: dict[int, int] = {}
    for row in branches[0].union(*branches[1:], all=True):
        facet, value, label, count = row["facet"], row["key"], row["label"], row["n"]
        if value is None:
            continue
        if facet == "kind":
            kind_year = int(label)
            if chosen_year is None or kind_year == chosen_year:
                facets.kinds[value] = facets.kinds.get(value, 0) + count
            if chosen_kinds is None or value in chosen_kinds:
                years[kind_year] = years.get(kind_year, 0) + count
        elif facet == "region":
            facets.regions.append((value, label, count))
        else:
            facets.municipalities.append((value, label, count))
    facets.regions.sort(key=lambda item: item[1])
    facets.municipalities.sort(key=lambda item: item[1])
    facets.years = sorted(years.items(), reverse=True)

    kinds = TYPE_KINDS[chosen_type] if chosen_type else facets.kinds
    facets.total = sum(facets.kinds.get(kind, 0) for kind in kinds)

    tag_rows = (
        filterset.filtered()
        .order_by()
        .values("tags__slug", "tags__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "tags__name")[: MAX_TAG_OPTIONS + MAX_TAG_OPTIONS // 2]
    )
    chosen_tags = set(filterset.cleaned.get("tag", []))
    rows = [row for row in tag_rows if row["tags__slug"] is not None]
    facets.tag_names = {row["tags__slug"]: row["tags__name"] for row in rows}
    facets.tags = [
        (row["tags__slug"], row["tags__name"], row["n"])
        for row in rows
        if row["tags__slug"] not in chosen_tags
    ][:MAX_TAG_OPTIONS]

    cache.set(key, facets, CACHE_SECONDS)
    return facets
