"""Facets of a content type's structured fields: the filters a content type offers on its own
list page and adds to Artikelsök when its type is chosen (registry.ContentType.search_facets).

A facet is a GET parameter with options. Several options of one facet widen the choice (an
article with any of them), facets narrow each other (an article passing all of them). Each
option's count is how many articles that option gives with every other facet's choice kept;
`count_options` counts every option of every facet, and the articles passing them all, in one
statement.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet


@dataclass(frozen=True)
class Facet:
    # The GET parameter, the same in both languages so that a shared link means the same thing.
    param: str
    label: Any
    # (value, label) of every option in the order shown; the value is what the link carries.
    options: Callable[[], list[tuple[str, Any]]]
    # The articles with any of these values: a condition on rows whose primary key is the
    # article's id (articles, a content type's rows, the search index's rows).
    condition: Callable[[Sequence[str]], Q]


Chosen = Mapping[str, Sequence[str]]


def narrow(queryset: QuerySet, facets: Sequence[Facet], chosen: Chosen) -> QuerySet:
    """The rows of `queryset` that pass every chosen facet."""
    for facet in facets:
        values = chosen.get(facet.param)
        if values:
            queryset = queryset.filter(facet.condition(values))
    return queryset


def _all(conditions: list[Q]) -> Q | None:
    return functools.reduce(operator.and_, conditions) if conditions else None


def count_options(
    queryset: QuerySet, facets: Sequence[Facet], chosen: Chosen
) -> tuple[int, dict[str, dict[str, int]]]:
    """(how many rows of `queryset` pass every chosen facet, {param: {value: count}}).

    `queryset` is the selection before the facets narrow it (free text and other filters
    applied). An option's count keeps every other facet's choice but not its own facet's, so
    that choosing it alone gives exactly that many.
    """
    applied = {
        facet.param: facet.condition(chosen[facet.param])
        for facet in facets
        if chosen.get(facet.param)
    }
    aggregates = {"total": Count("pk", filter=_all(list(applied.values())))}
    keys: dict[str, tuple[str, str]] = {}
    for facet in facets:
        others = [condition for param, condition in applied.items() if param != facet.param]
        for value, _label in facet.options():
            alias = f"option_{len(keys)}"
            keys[alias] = (facet.param, value)
            aggregates[alias] = Count("pk", filter=_all([*others, facet.condition([value])]))
    counted = queryset.order_by().aggregate(**aggregates)
    counts: dict[str, dict[str, int]] = {facet.param: {} for facet in facets}
    for alias, (param, value) in keys.items():
        counts[param][value] = counted[alias]
    return counted["total"], counts
