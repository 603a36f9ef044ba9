"""Asking the index: filter a queryset by text, highlight a page of results, suggest spellings."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from content.models import ArticleDocument

from .analysis import fold, typed_variants
from .backends import get_backend, python_snippet, suggestable
from .text import ParsedQuery, clean_query, parse_query, words

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


def _respelled(query_words: list[str], articles: list) -> dict[str, str]:
    """Words typed without å/ä/ö (or with ae/oe for ä/ö) → the word as the results write it,
    in their titles, summaries or tags: "franvaro" → "frånvaro". The search found those
    articles anyway; the suggestion teaches the spelling, at no cost but reading the page."""
    wanted: dict[str, str] = {}
    for word in query_words:
        for spelled in (fold(word), *typed_variants(word)):
            wanted.setdefault(spelled, word)
    respelled: dict[str, str] = {}
    for article in articles:
        shown = [article.title, article.summary, *(tag.name for tag in article.tag_list)]
        for text_word in words(" ".join(shown)):
            query_word = wanted.get(fold(text_word))
            if query_word and text_word != query_word:
                respelled.setdefault(query_word, text_word)
    return respelled


def suggest(query: str, articles: list | None = None) -> str | None:
    """The query with its misspelt words replaced by the right ones, or None. Numbers are
    never changed.

    With `articles` (the results on the page, with their tag_list): words typed without
    their å/ä/ö, respelled as those results write them. Without (nothing was found): the
    closest known words of titles, tags and names (Backend.suggest).
    """
    parsed = parse_query(query)
    query_words = list(dict.fromkeys(w for w in parsed.positive_words if suggestable(w)))
    query_words = query_words[:MAX_SUGGESTED_WORDS]
    if not query_words:
        return None
    if articles is None:
        replacements = get_backend().suggest(query_words)
    else:
        replacements = _respelled(query_words, articles)
    if not replacements:
        return None

    def replace(match: re.Match) -> str:
        word = match.group()
        replacement = replacements.get(word.lower(), word)
        return replacement.capitalize() if word[:1].isupper() else replacement

    return re.sub(r"\w+", replace, clean_query(query))


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
