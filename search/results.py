# ruff: noqa: S608 - the SQL joins two statements compiled by the ORM; values are parameters.
"""A page of results in order of relevance, read without ranking every match.

The rank (backends.Backend.filter) puts head hits (the query's words in the title, tags or
summary) first, by relevance, then every other match newest first. So a page is the first
rows of two lists, each cheap to read on its own: the head hits by relevance (few, found
through the index of titles, tags and summaries) and the other matches by date (for a word
in most articles, the newest articles, read in date order until the page is full). One
statement joins them, instead of sorting every match by relevance, which is slow for a word
found in most articles.
"""

from __future__ import annotations

from django.db.models import QuerySet

RANKING = ("-search_rank", "-published_at", "-pk")
NEWEST = ("-published_at", "-pk")


class HeadFirstResults:
    """The matches (annotated with `search_rank`) as a list the Paginator can slice."""

    ordered = True  # Paginator warns about unordered lists

    def __init__(self, matches: QuerySet, head: QuerySet, others: QuerySet):
        """`head`: the head hits of `matches`; `others`: the rest (Backend.two_parts)."""
        self.matches = matches
        self.head = head
        self.others = others

    def count(self) -> int:
        return self.matches.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None or stop <= start:
            return []
        return list(self._page(start, stop))

    def _page(self, start: int, stop: int):
        # Each list is cut at `stop`: no page up to there needs more of either.
        head = self.head.order_by(*RANKING)[:stop]
        rest = self.others.order_by(*NEWEST)[:stop]
        head_sql, head_params = head.query.sql_with_params()
        rest_sql, rest_params = rest.query.sql_with_params()
        sql = (
            f"SELECT * FROM (SELECT * FROM ({head_sql}) head_hits"
            f" UNION ALL SELECT * FROM ({rest_sql}) other_matches) page"
            " ORDER BY search_rank DESC, published_at DESC, id DESC LIMIT %s OFFSET %s"
        )
        model = self.matches.model
        return model.objects.raw(sql, [*head_params, *rest_params, stop - start, start])
