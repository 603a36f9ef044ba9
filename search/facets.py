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
On PostgreSQL they are the index rows, which hold the type, status, date and linked ids
(migration 0008); on SQLite, the articles and their links. The year is the one an article
shows (its own date, last review or year of publication, never the day it went on the site),
joined to the counted rows by id.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from content.facets import count_options
from content.models import Article, Status, TagName, shown_tag_name
from content.registry import own_years, reviewed_kinds, search_types
from infra.cache import versioned_key

from .backends import FACET_LINKS, get_backend, link_table
from .filters import CONDITIONS, LINKED, SearchFilterSet, condition_flag, own_year_rows
from .models import PgEntry

CACHE_SECONDS = 60
# Every article's counts (see _counts) are costly and change only with the content.
EVERY_CACHE_SECONDS = 3600
MAX_TAG_OPTIONS = 20
# Tags counted when counting the matches directly: enough to show MAX_TAG_OPTIONS that are
# not chosen already.
TAG_ROWS = MAX_TAG_OPTIONS + MAX_TAG_OPTIONS // 2
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
    # The chosen content type's own facets (registry): {param: {option value: count}}, each
    # option counted with every other filter kept but its own facet's.
    type_facets: dict[str, dict[str, int]] = field(default_factory=dict)

    def type_count(self, value: str) -> int:
        return sum(self.kinds.get(kind, 0) for kind in search_types()[value])


def _cache_key(
    filterset: SearchFilterSet, without: tuple[str, ...] = (), prefix: str = "search:facets"
) -> str:
    ignored = ("page", "sort", *without)
    cleaned = filterset.cleaned
    relevant = sorted((name, str(value)) for name, value in cleaned.items() if name not in ignored)
    return versioned_key(prefix, repr(relevant))


def _rows_sql(filterset: SearchFilterSet, rows: QuerySet) -> tuple[str, list, list[str]]:
    """SQL for the rows the facets count: one per article, with a flag per narrowing filter.

    `rows` (see _rows) are narrowed by the text and the tags, which narrow every facet; the
    other filters are flags, because each facet counts with every filter applied but its own.
    """
    cleaned = filterset.cleaned
    on_index = rows.model is PgEntry
    flags = {
        f"in_{name}": _flag(name, cleaned[name], on_index) for name in CONDITIONS if name in cleaned
    }
    # Index rows carry their linked ids (migration 0008); article rows are joined to links.
    linked = [f"{target}_ids" for target in _LINKED_TARGETS.values()] if on_index else []
    rows = rows.order_by().annotate(facet_id=F("pk"), facet_kind=F("kind"), **flags)
    # Only the rows some facet counts: those that pass every filter but that facet's own
    # (a match of another type and region counts nowhere). Not on the articles (SQLite), whose
    # linked flags are subqueries that the filter would run a second time.
    needed = [
        Q(**{flag: True for flag in flags if flag.removeprefix("in_") not in own})
        for own in FACET_OWN_FILTERS.values()
    ]
    if on_index and all(needed):  # else some facet counts every row
        rows = rows.filter(functools.reduce(operator.or_, needed))
    sql, params = rows.values("facet_id", "facet_kind", *linked, *flags).query.sql_with_params()
    return sql, list(params), list(flags)


# The filters each facet is counted without (its own): it counts the rows that pass all the
# others. Type and year are counted together, without both (compute_facets narrows each).
FACET_OWN_FILTERS = {"kind": ("typ", "year"), "region": ("region",), "kommun": ("kommun",)}


# Each linked facet's target (region, municipality, tag): the index row's `<target>_ids`.
_LINKED_TARGETS = {
    **{name: target for name, (_relation, target) in LINKED.items()},
    "tag": "tag",
}


def _target_id(target: str, key: str) -> Subquery:
    """The id of the region or municipality with this code, or of the tag with this slug."""
    model = Article._meta.get_field(FACET_LINKS[target]).related_model
    field = "slug" if target == "tag" else "code"
    return Subquery(model.objects.filter(**{field: key}).values("pk")[:1])


def _flag(name: str, value, on_index: bool) -> ExpressionWrapper:
    """condition_flag, on index rows for a linked filter read from their linked ids."""
    if not (on_index and name in LINKED):
        return condition_flag(name, value)
    target = _LINKED_TARGETS[name]
    # An unknown code gives ARRAY[NULL], which no row contains: no results, as on the articles.
    contains = Q(**{f"{target}_ids__contains": [_target_id(target, value)]})
    return ExpressionWrapper(contains, output_field=BooleanField())


def _rows(filterset: SearchFilterSet, text: str, until=None) -> QuerySet:
    """The rows whose facets are counted: the published articles with the chosen tags, of
    which the query's MATCHES, its MISSES, or (text "") all; published by `until` if given.

    From the index rows where the backend keeps what the facets count (PostgreSQL), else
    from the articles.
    """
    backend = get_backend()
    if not backend.facets_from_index:
        if text == MATCHES:
            return filterset.filtered(without=tuple(CONDITIONS))
        rows = filterset.filtered(without=(*CONDITIONS, "q")).filter(published_at__lte=until)
        return rows.filter(backend.non_matches(filterset.parsed)) if text == MISSES else rows
    published_by = timezone.now() if until is None else until
    rows = PgEntry.objects.filter(status=Status.PUBLISHED, published_at__lte=published_by)
    if text:
        found = backend.index_matches if text == MATCHES else backend.index_misses
        rows = rows.filter(found(filterset.parsed))
    slugs = filterset.cleaned.get("tag", [])
    if slugs:
        # Every chosen tag; an unknown slug's id is NULL, which no row contains.
        rows = rows.filter(tag_ids__contains=[_target_id("tag", slug) for slug in slugs])
    # The chosen type's own facets narrow every count, as tags do (their conditions are on the
    # article's id, the index row's key).
    for facet in filterset.type_facets:
        if facet.param in filterset.cleaned:
            rows = rows.filter(facet.condition(filterset.cleaned[facet.param]))
    return rows


MATCHES, MISSES = "matches", "misses"


def _count_sql(
    part: str, flags: list[str], tag_limit: int, result_ids: int = 0, on_index: bool = False
) -> list[str]:
    """The SELECTs counting every facet of the rows named `part` (a CTE of _rows_sql), and
    with `result_ids`, listing the ids of up to that many + 1 results (facet "id").
    `on_index`: the rows are index rows, which carry their linked ids."""
    quote = connection.ops.quote_name

    def where(*own: str) -> str:
        """Every chosen filter's flag but the facet's `own` ones."""
        applied = [f"m.{quote(flag)}" for flag in flags if flag.removeprefix("in_") not in own]
        return " AND ".join(applied) or "1 = 1"

    def linked(facet: str, *own: str, limit: int = 0) -> str:
        target = _LINKED_TARGETS[facet]
        table, article_column, target_column, target_table = link_table(target)
        if on_index:
            links, linked_id = f"unnest(m.{target}_ids) AS l(target_id)", "l.target_id"
            joined = "1 = 1"
        else:
            links, linked_id = f"{quote(table)} l", f"l.{quote(target_column)}"
            joined = f"l.{quote(article_column)} = m.facet_id"
        # Tags are keyed by slug, regions and municipalities by code.
        key = "slug" if facet == "tag" else "code"
        # Counted by id, then named: joining the names first doubles the work for every link.
        # CROSS JOIN: SQLite keeps this order (from the matches to their links) instead of
        # reading every link of every region; PostgreSQL plans freely.
        sql = (
            f"SELECT '{part}' AS part, '{facet}' AS facet, t.{key} AS facet_key,"
            f" t.name AS label, c.n, t.id AS target_id FROM ("
            f"SELECT {linked_id} AS target_id, COUNT(*) AS n FROM {part} m CROSS JOIN {links}"
            f" WHERE {joined} AND {where(*own)} GROUP BY {linked_id}) c"
            f" JOIN {quote(target_table)} t ON t.id = c.target_id"
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

    year, year_joins = _own_year_label()
    selects = [
        # Type and year: grouped by both, each narrowed by the other in compute_facets.
        f"SELECT '{part}' AS part, 'kind' AS facet, m.facet_kind AS facet_key,"
        f" {year} AS label, COUNT(*) AS n FROM {part} m{year_joins}"
        f" WHERE {where(*FACET_OWN_FILTERS['kind'])}"
        f" GROUP BY m.facet_kind, {year}",
        *(linked(name, *FACET_OWN_FILTERS[name]) for name in ("region", "kommun")),
        # Tags narrow the results each: counted within the current results.
        linked("tag", limit=tag_limit),
    ]
    if result_ids:
        selects.append(
            f"SELECT * FROM (SELECT '{part}' AS part, 'id' AS facet,"
            f" CAST(m.facet_id AS TEXT) AS facet_key, NULL AS label, 0 AS n FROM {part} m"
            f" WHERE {where()} LIMIT {int(result_ids) + 1}) ids_{part}"
        )
    return selects


KIND_RE = re.compile(r"^[a-z_]+$")


def _own_year_label() -> tuple[str, str]:
    """(the year label, the joins it needs) of the kind facet: a kind with a year of its own
    (the registry's `own_year`: literature's year of publication, none where not stated) by
    that year, any other kind by the year of the date its pages show (its own date, or its
    last review: ArticleQuerySet.showing_a_date_in), none when they show none. Joined once
    to the counted rows rather than looked up row by row."""
    quote = connection.ops.quote_name
    whens, joins = [], []
    for number, (kind, path) in enumerate(own_years().items()):
        rows, field = own_year_rows(path)
        meta = rows.model._meta
        alias = f"own{number}"
        joins.append(
            f" LEFT JOIN {quote(meta.db_table)} {alias}"
            f" ON {alias}.{quote(meta.pk.column)} = m.facet_id AND m.facet_kind = {_kind(kind)}"
        )
        whens.append(
            f"WHEN m.facet_kind = {_kind(kind)}"
            f" THEN CAST({alias}.{quote(meta.get_field(field).column)} AS TEXT)"
        )
    meta = Article._meta
    joins.append(
        f" LEFT JOIN {quote(meta.db_table)} shown ON shown.{quote(meta.pk.column)} = m.facet_id"
    )
    shown = f"shown.{quote(meta.get_field('dated_on').column)}"
    reviewed = ", ".join(_kind(kind) for kind in reviewed_kinds())
    if reviewed:
        last_review = f"shown.{quote(meta.get_field('last_reviewed_at').column)}"
        shown = f"COALESCE({shown}, CASE WHEN m.facet_kind IN ({reviewed}) THEN {last_review} END)"
    year = _year_of_date(shown)
    if not whens:
        return year, "".join(joins)
    return f"(CASE {' '.join(whens)} ELSE {year} END)", "".join(joins)


def _kind(kind: str) -> str:
    """A kind as an SQL literal (kinds are the registry's own lower-case names)."""
    if not KIND_RE.match(kind):
        raise ValueError(f"not a kind: {kind!r}")
    return f"'{kind}'"


def _year_of_date(column: str) -> str:
    """The year of a date column as text (NULL stays NULL): SQLite stores dates as ISO text."""
    if connection.vendor == "postgresql":
        return f"to_char({column}, 'YYYY')"
    return f"substr({column}, 1, 4)"


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
        selects.extend(_count_sql(part, flags, tag_limit, result_ids, rows.model is PgEntry))
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
    links; the articles it misses (found by the index: Backend.non_matches, index_misses)
    are 5,000.
    Every article's counts are the same for every query with these filters (and are what
    the page without a query shows), so they are cached under the content version, for as
    long as they hold (_every_seconds).
    Also says whether most articles match, and, counted directly, the results' ids (when at
    most RESULT_IDS).
    """
    backend = get_backend()
    searched = "q" in filterset.cleaned
    parsed = filterset.parsed
    if searched and not (parsed.groups and backend.fewer_non_matches(parsed)):
        matches = _rows(filterset, MATCHES)
        counts = _count(filterset, {"m": matches}, tag_limit=TAG_ROWS, result_ids=RESULT_IDS)["m"]
        ids = [int(key) for facet, key, _label in counts if facet == "id"]
        listed = tuple(ids) if len(ids) <= RESULT_IDS else None
        return {key: n for key, n in counts.items() if key[0] != "id"}, False, listed

    key = _cache_key(filterset, without=("q",), prefix="search:facets-every")
    # Counted as published at `until`, so that an article whose publication time has come
    # since is in neither part.
    until, every = cache.get(key, (timezone.now(), None))
    parts = {}
    if searched:
        parts["missed"] = _rows(filterset, MISSES, until)
    if every is None:
        parts["every"] = _rows(filterset, "", until)
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


def _type_facet_counts(filterset: SearchFilterSet) -> dict[str, dict[str, int]]:
    """The options of the chosen type's own facets, counted from the results before those
    facets narrow them (one statement: content.facets.count_options)."""
    own = filterset.type_facets
    if not own:
        return {}
    chosen = {
        facet.param: filterset.cleaned[facet.param]
        for facet in own
        if facet.param in filterset.cleaned
    }
    before = filterset.filtered(without=tuple(facet.param for facet in own))
    return count_options(before, own, chosen)[1]


def compute_facets(filterset: SearchFilterSet) -> Facets:
    key = _cache_key(filterset)
    cached = cache.get(key)
    if cached is not None:
        return cached

    counts, most_match, result_ids = _counts(filterset)
    chosen_type = filterset.cleaned.get("typ")
    chosen_kinds = search_types()[chosen_type] if chosen_type else None
    chosen_year = filterset.cleaned.get("year")
    chosen_tags = set(filterset.cleaned.get("tag", []))
    facets = Facets(most_match=most_match, result_ids=result_ids)
    years: dict[int, int] = {}
    tags = []
    for (facet, value, label), count in counts.items():
        if facet == "kind":
            # No year: an article that shows no date (e.g. a method never reviewed).
            kind_year = None if label is None else int(label)
            if chosen_year is None or kind_year == chosen_year:
                facets.kinds[value] = facets.kinds.get(value, 0) + count
            if kind_year is not None and (chosen_kinds is None or value in chosen_kinds):
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

    kinds = search_types()[chosen_type] if chosen_type else facets.kinds
    facets.total = sum(facets.kinds.get(kind, 0) for kind in kinds)

    # The database's order, most results first (ties by name), whatever order UNION returns.
    tags.sort(key=lambda item: (-item[2], item[1]))
    facets.tag_names = {slug: name for slug, name, _count in tags}
    facets.tags = [tag for tag in tags if tag[0] not in chosen_tags][:MAX_TAG_OPTIONS]
    facets.type_facets = _type_facet_counts(filterset)

    cache.set(key, facets, CACHE_SECONDS)
    return facets
