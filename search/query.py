"""Asking the index: filter a queryset by text, highlight a page of results, suggest spellings."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from .analysis import fold, typed_variants
from .backends import get_backend, suggestable, vocabulary
from .text import ParsedQuery, clean_query, parse_query

MAX_SUGGESTED_WORDS = 6


def search(queryset: QuerySet, query: str, narrowed: bool = False) -> tuple[QuerySet, ParsedQuery]:
    """`narrowed`: other filters are applied to the queryset too (a hint for the query plan)."""
    parsed = parse_query(query)
    if not parsed:
        return queryset, parsed
    return get_backend().filter(queryset, parsed, narrowed=narrowed), parsed


def snippets(articles: list, parsed: ParsedQuery) -> dict[int, SafeString]:
    if not articles or not parsed.groups:
        return {}
    return get_backend().snippets(articles, parsed)


def _respelled(query_words: list[str]) -> dict[str, str]:
    """Words typed without å/ä/ö (or with ae/oe for ä/ö) → the known word they stand for:
    "franvaro" → "frånvaro". The search finds those articles anyway; the suggestion teaches
    the spelling."""
    known = vocabulary()
    by_folded: dict[str, str] = {}
    for word, folded in known.items():
        if folded != word:
            by_folded.setdefault(folded, word)
    respelled = {}
    for word in query_words:
        if word in known:
            continue
        for spelled in (fold(word), *typed_variants(word)):
            if spelled in by_folded:
                respelled[word] = by_folded[spelled]
                break
    return respelled


def suggest(query: str, nothing_found: bool = True) -> str | None:
    """The query with its misspelt words replaced by the closest known ones, or None.

    A word typed without its å/ä/ö is always respelled; other misspellings only when
    `nothing_found`. Numbers are never changed.
    """
    parsed = parse_query(query)
    query_words = list(dict.fromkeys(w for w in parsed.positive_words if suggestable(w)))
    query_words = query_words[:MAX_SUGGESTED_WORDS]
    if not query_words:
        return None
    replacements = _respelled(query_words)
    rest = [word for word in query_words if word not in replacements]
    if nothing_found and rest:
        replacements.update(get_backend().suggest(rest))
    if not replacements:
        return None

    def replace(match: re.Match) -> str:
        word = match.group()
        replacement = replacements.get(word.lower(), word)
        return replacement.capitalize() if word[:1].isupper() else replacement

    return re.sub(r"\w+", replace, clean_query(query))
