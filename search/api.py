"""Artikelsök's interface for the rest of the site (see the package's docstring)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict

from .facets import Facets, compute_facets
from .filters import DATE, MAX_TAGS, RELEVANCE, SearchFilterSet
from .indexing import index_article, index_articles, rebuild_index, remove_articles
from .query import document_snippets, search, snippets, suggest
from .results import NEWEST
from .text import MAX_QUERY_LENGTH

# The limits and values of /sok/'s parameters, for whoever takes the same ones (the API).
SORT_ORDERS = (RELEVANCE, DATE)

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_TAGS",
    "NEWEST",
    "SORT_ORDERS",
    "Facets",
    "SearchPage",
    "document_snippets",
    "index_article",
    "index_articles",
    "rebuild_index",
    "remove_articles",
    "run_search",
    "search",
    "search_filterset",
    "search_page",
    "snippets",
    "suggest",
]


def run_search(params: QueryDict | dict) -> QuerySet:
    """What /sok/ shows for these GET parameters: published articles, filtered and ordered."""
    return SearchFilterSet.from_params(params).qs


def search_filterset(params: QueryDict | dict, queryset: QuerySet | None = None) -> SearchFilterSet:
    """The FilterSet that reads /sok/'s parameters (its `form.errors` say which are invalid),
    over `queryset` (published articles; all of them by default): `.qs` is what /sok/ lists."""
    return SearchFilterSet(params, queryset)


@dataclass
class SearchPage:
    """What a results page shows: the filters read, the facet counts, and the results in
    order (sliceable: read one page of them)."""

    filterset: SearchFilterSet
    facets: Facets
    results: object


def search_page(params: QueryDict | dict) -> SearchPage:
    """/sok/ for these GET parameters: results and facets, found as the page finds them."""
    filterset = SearchFilterSet(params)
    facets = compute_facets(filterset)
    results = filterset.results(
        matches=facets.total, most_match=facets.most_match, listed=facets.result_ids
    )
    return SearchPage(filterset, facets, results)
