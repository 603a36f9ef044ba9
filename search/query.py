"""Asking the index: filter a queryset by text, highlight a page of results, suggest spellings."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from content.models import ArticleDocument

from .backends import get_backend, python_snippet
from .text import ParsedQuery, clean_query, parse_query


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


def suggest(query: str) -> str | None:
    """The query with its misspelt words replaced by the closest known ones, or None."""
    parsed = parse_query(query)
    query_words = list(dict.fromkeys(w for w in parsed.positive_words if len(w) > 2))[:6]
    replacements = get_backend().suggest(query_words) if query_words else {}
    if not replacements:
        return None
    return re.sub(
        r"\w+",
        lambda match: replacements.get(match.group().lower(), match.group()),
        clean_query(query),
    )


def document_snippets(articles: list, parsed: ParsedQuery) -> dict[int, tuple[str, SafeString]]:
    """For results whose own text gave no snippet (the match is in a document they carry): the
    document's title and its passage with the query's words marked. One query for the page."""
    if not articles or not parsed.groups:
        return {}
    by_pk = {article.pk: article for article in articles}
    found: dict[int, tuple[str, SafeString]] = {}
    documents = ArticleDocument.objects.filter(article_id__in=by_pk).exclude(text="")
    for document in documents.only("article_id", "title", "language", "text"):
        if document.article_id in found:
            continue
        language = document.language or by_pk[document.article_id].content_language
        snippet = python_snippet(document.text, parsed, language)
        if snippet:
            found[document.article_id] = (document.title, snippet)
    return found
