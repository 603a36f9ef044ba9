# ruff: noqa: S608 - the SQL names only our own tables and columns; values are parameters.
"""Facet counts for Artikelsök: how many results each filter option would give.

One statement counts them: the rows to count are found once (a MATERIALIZED CTE, one row
per article with a flag per chosen filter) and counted by content type and year together,
region and municipality (each with every other filter applied but its own, so that choosing
an option gives exactly the count shown) and tag (within the current results: each tag
narrows them). The total comes from the content-type counts, so the page needs no COUNT
query of its own; and when the results are few, the same statement lists their ids, so the
page reads just those rather than finding the matches again (`Facets.result_ids`).

Which rows: the matches of the query, or, when most articles match it, the few it misses,
subtracted from every article's counts (`_counts`). Cached briefly, under the content version.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import NamedTuple

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, CharField, F, QuerySet, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone

from pluginnovation.cache import versioned_key
from pluginnovation.models import Article, Status, TagName, shown_tag_name

from .backends import get_backend
from .filters import CONDITIONS, LINKED, TYPE_KINDS, SearchFilterSet, condition_flag

CACHE_SECONDS = 60
# Every article's counts (see _counts) are costly and change only with the content.
EVERY_CACHE_SECONDS = 3600
MAX_TAG_OPTIONS = 20
# Tags counted when counting the matches directly: enough to show MAX_TAG_OPTIONS that are
# not chosen already.
TAG_ROWS = MAX_TAG_OPTIONS + MAX_TAG_OPTIONS // 2
FIRST_YEAR = 1990  # older years are extracted row by row (none are expected)
# Up to this many results, the facets list their ids for the page (filters.results).
RESULT_IDS = 1000


# (facet, key, label) → how many results: ("kind", "method", "2025") → 12.
Counts = dict[tuple[str, str, str], int]


# Between a tag's two names in the facets statement's label column: no tag name has a tab.
NAMES_SEPARATOR = "\t"


class TagNames(NamedTuple):
    """A tag's Swedish and English names ("" if none): the facets are cached for both
    languages' pages, and each page shows its own (`shown`)."""

    sv: str
    en: str

    @classmethod
    def from_label(cls, label: str) -> TagNames:
        swedish, _separator, english = label.partition(NAMES_SEPARATOR)
        return cls(swedish, english)

    def shown(self) -> tuple[str, str]:
        """(name, its language) for the visitor's page."""
        return shown_tag_name(self.sv, self.en)


@dataclass
class Facets:
    total: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    regions: list[tuple[str, str, int]] = field(default_factory=list)
    municipalities: list[tuple[str, str, int]] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)
    tags: list[tuple[str, TagNames, int]] = field(default_factory=list)
    tag_names: dict[str, TagNames] = field(default_factory=dict)
    # Whether the query matches most articles (counted as every article less those missed).
    most_match: bool = field(default=False, compare=False)
    # The ids of all the results, when they were counted directly and are few (RESULT_IDS).
    result_ids: tuple[int, ...] | None = field(default=None, compare=False)

    def type_count(self, value: str) -> int:
        return sum(self.kinds.get(kind, 0) for kind in TYPE_KINDS[value])


def _cache_key(
    filterset: SearchFilterSet, without: tuple[str, ...] = (), prefix: str = "search:facets"
) -> str:
    ignored = ("page", "sort", *without)
    cleaned = filterset.cleaned
    relevant = sorted((name, str(value)) for name, value in cleaned.items() if name not in ignored)
    return versioned_key(prefix, repr(relevant))


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
    sql, params = _years_since_first(zone, newest)
    since_first = RawSQL(sql, params, output_field=CharField())  # noqa: S611 - values are params
    return Case(
        When(published_at__gte=datetime(FIRST_YEAR, 1, 1, tzinfo=zone), then=since_first),
        default=extracted,
        output_field=CharField(),
    )


@functools.cache
def _years_since_first(zone: tzinfo, newest: int) -> tuple[str, tuple[str, ...]]:
    """SQLite's CASE from each year's local start (as stored: UTC text) to the year.

    Written as SQL once: built through the ORM, its 38 comparisons took 8 ms a page.
    """
    quote = connection.ops.quote_name
    column = f"{quote(Article._meta.db_table)}.{quote('published_at')}"
    adapt = connection.ops.adapt_datetimefield_value
    whens, params = [], []
    for year in range(newest, FIRST_YEAR - 1, -1):
        whens.append(f"WHEN {column} >= %s THEN %s")
        params.extend([adapt(datetime(year, 1, 1, tzinfo=zone)), str(year)])
    return f"CASE {' '.join(whens)} END", tuple(params)


def _rows_sql(filterset: SearchFilterSet, rows: QuerySet) -> tuple[str, list, list[str]]:
    """SQL for the rows the facets count: one per article, with a flag per narrowing filter.

    `rows` are narrowed by the text and the tags, which narrow every facet; the other filters
    are flags, because each facet counts with every filter applied but its own.
    """
    cleaned = filterset.cleaned
    flags = {
        f"in_{name}": condition_flag(name, cleaned[name]) for name in CONDITIONS if name in cleaned
    }
    rows = (
        rows.order_by()
        .annotate(facet_id=F("pk"), facet_kind=F("kind"), facet_year=_year(), **flags)
        .values("facet_id", "facet_kind", "facet_year", *flags)
    )
    sql, params = rows.query.sql_with_params()
    return sql, list(params), list(flags)


def _link_table(relation: str, target: str) -> tuple[str, str, str, str]:
    """(link table, its article column, its target column, the target's table)."""
    field = Article._meta.get_field(relation)
    through = field.remote_field.through._meta
    article_column = next(
        f.column for f in through.fields if f.is_relation and f.related_model is Article
    )
    target_column = next(f.column for f in through.fields if f.is_relation and f.name == target)
    return through.db_table, article_column, target_column, field.related_model._meta.db_table


def _count_sql(part: str, flags: list[str], tag_limit: int, result_ids: int = 0) -> list[str]:
    """The SELECTs counting every facet of the rows named `part` (a CTE of _rows_sql), and
    with `result_ids`, listing the ids of up to that many + 1 results (facet "id")."""
    quote = connection.ops.quote_name

    def where(*own: str) -> str:
        """Every chosen filter's flag but the facet's `own` ones."""
        applied = [f"m.{quote(flag)}" for flag in flags if flag.removeprefix("in_") not in own]
        return " AND ".join(applied) or "1 = 1"

    def linked(facet: str, relation: str, target: str, *own: str, limit: int = 0) -> str:
        table, article_column, target_column, target_table = _link_table(relation, target)
        # Tags are keyed by slug, regions and municipalities by code.
        key = "slug" if facet == "tag" else "code"
        # CROSS JOIN: SQLite keeps this order (from the matches to their links) instead of
        # reading every link of every region (90 ms at 100,000 articles); PostgreSQL plans freely.
        sql = (
            f"SELECT '{part}' AS part, '{facet}' AS facet, t.{key} AS facet_key,"
            f" t.name AS label, COUNT(*) AS n, t.id AS target_id"
            f" FROM {part} m CROSS JOIN {quote(table)} l CROSS JOIN {quote(target_table)} t"
            f" WHERE l.{quote(article_column)} = m.facet_id AND t.id = l.{quote(target_column)}"
            f" AND {where(*own)} GROUP BY t.{key}, t.name, t.id"
        )
        if limit:
            sql = f"SELECT * FROM ({sql} ORDER BY n DESC, label LIMIT {int(limit)}) top_{part}"
        label, names = "g.label", ""
        if facet == "tag":
            # Both names, for either language's page (TagNames), joined to the few counted
            # tags rather than to every link (which took a quarter more on the common word).
            label = f"g.label || '{NAMES_SEPARATOR}' || COALESCE(e.name, '')"
            names = f" LEFT JOIN {quote(TagName._meta.db_table)} e ON e.tag_id = g.target_id"
        return f"SELECT g.part, g.facet, g.facet_key, {label} AS label, g.n FROM ({sql}) g{names}"

    selects = [
        # Type and year: grouped by both, each narrowed by the other in compute_facets.
        f"SELECT '{part}' AS part, 'kind' AS facet, m.facet_kind AS facet_key,"
        f" m.facet_year AS label, COUNT(*) AS n FROM {part} m WHERE {where('typ', 'year')}"
        " GROUP BY m.facet_kind, m.facet_year",
        *(linked(name, *LINKED[name], name) for name in ("region", "kommun")),
        # Tags narrow the results each: counted within the current results.
        linked("tag", "tags", "tag", limit=tag_limit),
    ]
    if result_ids:
        selects.append(
            f"SELECT * FROM (SELECT '{part}' AS part, 'id' AS facet,"
            f" CAST(m.facet_id AS TEXT) AS facet_key, NULL AS label, 0 AS n FROM {part} m"
            f" WHERE {where()} LIMIT {int(result_ids) + 1}) ids_{part}"
        )
    return selects


def _count(
    filterset: SearchFilterSet,
    parts: dict[str, QuerySet],
    tag_limit: int = 0,
    result_ids: int = 0,
) -> dict[str, Counts]:
    """Every facet of each part (name → its rows), counted in one statement.

    Each part's rows are found once (a MATERIALIZED CTE) and counted from there. `tag_limit`:
    only the tags with the most results, else all of them. `result_ids`: see _count_sql.
    """
    ctes, selects, params = [], [], []
    for part, rows in parts.items():
        rows_sql, rows_params, flags = _rows_sql(filterset, rows)
        ctes.append(f"{part} AS {_materialized()}({rows_sql})")
        params.extend(rows_params)
        selects.extend(_count_sql(part, flags, tag_limit, result_ids))
    counted: dict[str, Counts] = {part: {} for part in parts}
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}", params)
        for part, facet, value, label, count in cursor.fetchall():
            if value is not None:
                counted[part][facet, value, label] = count
    return counted


def _counts(filterset: SearchFilterSet) -> tuple[Counts, bool, tuple[int, ...] | None]:
    """Every facet of the matches: counted directly, or, without a query or when most
    articles match it, as every article's counts less those of the articles it misses.

    For a word in 95 % of 100,000 articles, counting the matches read 95,000 rows and their
    links; the articles it misses (found by the index: backends.non_matches) are 5,000.
    Every article's counts are the same for every query with these filters (and are what
    the page without a query shows), so they are cached under the content version, for as
    long as they hold (_every_seconds).
    Also says whether most articles match, and, counted directly, the results' ids (when at
    most RESULT_IDS).
    """
    matches = filterset.filtered(without=tuple(CONDITIONS))  # reads the text (sets `parsed`)
    parsed = filterset.parsed
    backend = get_backend()
    searched = "q" in filterset.cleaned
    if searched and not (parsed.groups and backend.fewer_non_matches(parsed)):
        counts = _count(filterset, {"m": matches}, tag_limit=TAG_ROWS, result_ids=RESULT_IDS)["m"]
        ids = [int(key) for facet, key, _label in counts if facet == "id"]
        listed = tuple(ids) if len(ids) <= RESULT_IDS else None
        return {key: n for key, n in counts.items() if key[0] != "id"}, False, listed

    key = _cache_key(filterset, without=("q",), prefix="search:facets-every")
    # Counted as published at `until`, so that an article whose publication time has come
    # since is in neither part.
    until, every = cache.get(key, (timezone.now(), None))
    everything = filterset.filtered(without=(*CONDITIONS, "q")).filter(published_at__lte=until)
    parts = {}
    if searched:
        parts["missed"] = everything.filter(backend.non_matches(parsed))
    if every is None:
        parts["every"] = everything
    counted = _count(filterset, parts) if parts else {}
    if every is None:
        every = counted["every"]
        cache.set(key, (until, every), _every_seconds(until))
    missed = counted.get("missed", {})
    counts = {
        facet: count - missed.get(facet, 0)
        for facet, count in every.items()
        if count > missed.get(facet, 0)
    }
    return counts, searched, None


def _every_seconds(until: datetime) -> int:
    """How long every article's counts as at `until` stay true: until the content changes (a
    new content version), the next scheduled publication time comes, or an hour has passed."""
    upcoming = (
        Article.objects.filter(status=Status.PUBLISHED, published_at__gt=until)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if upcoming is None:
        return EVERY_CACHE_SECONDS
    return max(1, min(EVERY_CACHE_SECONDS, math.ceil((upcoming - until).total_seconds())))


def _materialized() -> str:
    """The hint to compute the CTE once; SQLite before 3.35 (Django allows 3.31) lacks it.

    Without it, old SQLite may compute the matches once per facet: slower, the same counts.
    """
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED "


def compute_facets(filterset: SearchFilterSet) -> Facets:
    key = _cache_key(filterset)
    cached = cache.get(key)
    if cached is not None:
        return cached

    counts, most_match, result_ids = _counts(filterset)
    chosen_type = filterset.cleaned.get("typ")
    chosen_kinds = TYPE_KINDS[chosen_type] if chosen_type else None
    chosen_year = filterset.cleaned.get("year")
    chosen_tags = set(filterset.cleaned.get("tag", []))
    facets = Facets(most_match=most_match, result_ids=result_ids)
    years: dict[int, int] = {}
    tags = []
    for (facet, value, label), count in counts.items():
        if facet == "kind":
            kind_year = int(label)
            if chosen_year is None or kind_year == chosen_year:
                facets.kinds[value] = facets.kinds.get(value, 0) + count
            if chosen_kinds is None or value in chosen_kinds:
                years[kind_year] = years.get(kind_year, 0) + count
        elif facet == "region":
            facets.regions.append((value, label, count))
        elif facet == "kommun":
            facets.municipalities.append((value, label, count))
        else:
            tags.append((value, TagNames.from_label(label), count))
    facets.regions.sort(key=lambda item: item[1])
    facets.municipalities.sort(key=lambda item: item[1])
    facets.years = sorted(years.items(), reverse=True)

    kinds = TYPE_KINDS[chosen_type] if chosen_type else facets.kinds
    facets.total = sum(facets.kinds.get(kind, 0) for kind in kinds)

    # The database's order, most results first (ties by name), whatever order UNION returns.
    tags.sort(key=lambda item: (-item[2], item[1]))
    facets.tag_names = {slug: name for slug, name, _count in tags}
    facets.tags = [tag for tag in tags if tag[0] not in chosen_tags][:MAX_TAG_OPTIONS]

    cache.set(key, facets, CACHE_SECONDS)
    return facets
