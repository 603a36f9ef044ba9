"""Artikelsök: ranked free-text search over every published article, in Swedish and English.

The interface (everything else in this package is an implementation detail):

``run_search(params: QueryDict | dict) -> QuerySet[Article]``
    Exactly what /sok/ applies for those GET parameters: published articles only, the free
    text (`q`), the filters (`typ`, `tag` (repeatable), `region`, `kommun`, `year`) and the
    order (`sort`: `relevans` or `datum`; relevance when there is free text, else newest
    first). Invalid values are ignored, as on the page. For re-running a saved search:
    ``run_search(QueryDict(urlsplit(saved_url).query))``. This name and signature are stable.

``search(queryset, query, narrowed=False) -> (QuerySet, ParsedQuery)``
    Filter any Article queryset by websearch-style text, annotated with `search_rank`
    (`narrowed`: other filters apply too, which changes the best plan on PostgreSQL).
``snippets(articles, parsed) -> {pk: SafeString}``
    Highlighted (`<mark>`) passages, for one page of results only.
``suggest(query) -> str | None``
    "Menade du …?": the query with misspelt words replaced, or None.
``index_article(article)`` / ``index_articles(queryset)`` / ``remove_articles(pks)`` /
``rebuild_index(progress)``
    Keep the index current; the signals in `signals.py` call these on every save, delete
    and tag change (and a tag's renaming), and `manage.py rebuild_search_index` rebuilds it all.

Two backends behind this interface, chosen by ``connection.vendor`` (see backends.py):
PostgreSQL (weighted tsvectors per language, GIN, pg_trgm) and SQLite (FTS5 over text
stemmed in Python, bm25).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import QueryDict
    from django.utils.safestring import SafeString

    from .text import ParsedQuery


def _child_accessors() -> list[str]:
    """Article's accessors of its content types' rows (method, casestudy, …)."""
    from pluginnovation.models import Article

    return [
        relation.get_accessor_name()
        for relation in Article._meta.related_objects
        if relation.one_to_one and getattr(relation.field.remote_field, "parent_link", False)
    ]


def _concrete(article):
    """The article as its own content type, so its type's text fields are indexed too."""
    from pluginnovation.models import Article

    if type(article) is not Article:
        return article
    for name in _child_accessors():
        child = getattr(article, name, None)
        if child is not None:
            return child
    return article


def _texts(article, tags: Iterable[tuple[str, str | None]]):
    """article_texts with the article's tags as (Swedish name, English name or None)."""
    from .text import article_texts

    return article_texts(article, sorted((swedish, english or "") for swedish, english in tags))


def index_article(article) -> None:
    """(Re)index one article, whatever its status: the queries only ever show published ones."""
    from django.core.exceptions import ObjectDoesNotExist

    from .backends import get_backend

    with contextlib.suppress(ObjectDoesNotExist):  # a child row deleted under our feet
        article = _concrete(article)
    get_backend().index(
        article.pk, _texts(article, article.tags.values_list("name", "english__name"))
    )


def remove_articles(pks: Iterable[int]) -> None:
    from .backends import get_backend

    get_backend().remove(list(pks))


def index_articles(
    articles: QuerySet, progress: Callable[[int, int], None] | None = None, chunk: int = 500
) -> int:
    """(Re)index the articles of a queryset, `chunk` at a time in three queries each (rows,
    tags, index); `progress(done, total)` after each chunk."""
    from pluginnovation.models import attach_tags, english_tag_name

    from .backends import get_backend

    backend = get_backend()
    children = _child_accessors()
    total = articles.count() if progress else 0
    done = last_pk = 0
    while True:
        batch = list(
            articles.filter(pk__gt=last_pk).order_by("pk").select_related(*children)[:chunk]
        )
        if not batch:
            return done
        attach_tags(batch)
        rows = []
        for article in batch:
            concrete = next(
                (c for name in children if (c := getattr(article, name, None)) is not None),
                article,
            )
            tags = [(tag.name, english_tag_name(tag)) for tag in article.tag_list]
            rows.append((article.pk, _texts(concrete, tags)))
        backend.index_many(rows)
        done += len(batch)
        last_pk = batch[-1].pk
        if progress:
            progress(done, total)


def rebuild_index(progress: Callable[[int, int], None] | None = None, chunk: int = 500) -> int:
    """Index every article again, `chunk` at a time; `progress(done, total)` after each chunk."""
    from django.db import transaction

    from pluginnovation.cache import bump_content_version
    from pluginnovation.models import Article

    from .backends import get_backend

    backend = get_backend()
    with transaction.atomic():
        backend.clear()
        done = index_articles(Article.objects.all(), progress, chunk)
    backend.optimize()
    # Cached facets and pages read the index: a rebuild (which sends no signals) makes them stale.
    bump_content_version()
    return done


def search(queryset: QuerySet, query: str, narrowed: bool = False) -> tuple[QuerySet, ParsedQuery]:
    """`narrowed`: other filters are applied to the queryset too (a hint for the query plan)."""
    from .backends import get_backend
    from .text import parse_query

    parsed = parse_query(query)
    if not parsed:
        return queryset, parsed
    return get_backend().filter(queryset, parsed, narrowed=narrowed), parsed


def snippets(articles: list, parsed: ParsedQuery) -> dict[int, SafeString]:
    from .backends import get_backend

    if not articles or not parsed.groups:
        return {}
    return get_backend().snippets(articles, parsed)


def suggest(query: str) -> str | None:
    """The query with its misspelt words replaced by the closest known ones, or None."""
    from .backends import get_backend
    from .text import clean_query, parse_query

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


def run_search(params: QueryDict | dict) -> QuerySet:
    """What /sok/ shows for these GET parameters: published articles, filtered and ordered."""
    from .filters import SearchFilterSet

    return SearchFilterSet.from_params(params).qs
