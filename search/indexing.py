"""Keeping the index current: one article, a queryset of them in batches, or all of them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import QuerySet

from content import registry
from content.models import Article, attach_document_texts, attach_tags, english_tag_name
from infra.cache import bump_content_version

from .backends import get_backend
from .text import article_texts


def _child_accessors() -> list[str]:
    """Article's accessors of its content types' rows (method, casestudy, …)."""
    return [
        relation.get_accessor_name()
        for relation in Article._meta.related_objects
        if relation.one_to_one and getattr(relation.field.remote_field, "parent_link", False)
    ]


def _concrete(article):
    """The article as its own content type, so its type's text fields are indexed too."""
    if type(article) is not Article:
        return article
    for name in _child_accessors():
        child = getattr(article, name, None)
        if child is not None:
            return child
    return article


def _texts(article, tags: Iterable[tuple[str, str | None]]):
    """article_texts with the article's tags as (Swedish name, English name or None)."""
    return article_texts(article, sorted((swedish, english or "") for swedish, english in tags))


def index_article(article) -> None:
    """(Re)index one article, whatever its status: the queries only ever show published ones."""
    with contextlib.suppress(ObjectDoesNotExist):  # a child row deleted under our feet
        article = _concrete(article)
    get_backend().index(
        article.pk, _texts(article, article.tags.values_list("name", "english__name"))
    )


def remove_articles(pks: Iterable[int]) -> None:
    get_backend().remove(list(pks))


def index_articles(
    articles: QuerySet, progress: Callable[[int, int], None] | None = None, chunk: int = 500
) -> int:
    """(Re)index the articles of a queryset, `chunk` at a time in four queries each (rows,
    tags, documents' texts, index), and one for each related table the content types' texts
    read (ContentType.search_prefetch); `progress(done, total)` after each chunk."""
    backend = get_backend()
    children = _child_accessors()
    total = articles.count() if progress else 0
    done = last_pk = 0
    while True:
        batch = list(
            articles.filter(pk__gt=last_pk)
            .order_by("pk")
            .select_related(*children)
            .prefetch_related(*registry.search_prefetch())[:chunk]
        )
        if not batch:
            return done
        attach_tags(batch)
        concretes = [
            next(
                (c for name in children if (c := getattr(article, name, None)) is not None), article
            )
            for article in batch
        ]
        attach_document_texts(concretes)
        rows = []
        for article, concrete in zip(batch, concretes, strict=True):
            tags = [(tag.name, english_tag_name(tag)) for tag in article.tag_list]
            rows.append((article.pk, _texts(concrete, tags)))
        backend.index_many(rows)
        done += len(batch)
        last_pk = batch[-1].pk
        if progress:
            progress(done, total)


def rebuild_index(progress: Callable[[int, int], None] | None = None, chunk: int = 500) -> int:
    """Index every article again, `chunk` at a time; `progress(done, total)` after each chunk."""
    backend = get_backend()
    with transaction.atomic():
        backend.clear()
        done = index_articles(Article.objects.all(), progress, chunk)
    backend.optimize()
    # Cached facets and pages read the index: a rebuild (which sends no signals) makes them stale.
    bump_content_version()
    return done
