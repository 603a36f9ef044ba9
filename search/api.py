"""Artikelsök's interface for the rest of the site (see the package's docstring)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import QueryDict

from .filters import SearchFilterSet
from .indexing import index_article, index_articles, rebuild_index, remove_articles
from .query import document_snippets, search, snippets, suggest

__all__ = [
    "document_snippets",
    "index_article",
    "index_articles",
    "rebuild_index",
    "remove_articles",
    "run_search",
    "search",
    "snippets",
    "suggest",
]


def run_search(params: QueryDict | dict) -> QuerySet:
    """What /sok/ shows for these GET parameters: published articles, filtered and ordered."""
    return SearchFilterSet.from_params(params).qs
