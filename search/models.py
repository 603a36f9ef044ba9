"""The search index, one unmanaged model per backend (migration 0002 creates the tables).

Both are one-to-one with Article, so a search is a join and ranking composes with every
other filter in one SQL statement. Only the table of the running database exists.
"""

import datetime

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Article

from .synonym_lists import parse_groups

CONTENT_LANGUAGE_CHOICES = [("sv", _("Swedish")), ("en", _("English"))]

FTS_TABLE = "pluginnovation_search_fts"
PG_TABLE = "pluginnovation_search_pg"
# The full vectors (migration 0002) and the head vectors (title, tags, summary; 0005).
PG_GIN_INDEXES = (
    "pluginnovation_search_pg_sv",
    "pluginnovation_search_pg_en",
    "pluginnovation_search_pg_rank_sv",
    "pluginnovation_search_pg_rank_en",
)
# A term in every article's entry, which no query reaches (migration 0006): the index then
# finds the articles a query does not match as "every article, and not the query".
FTS_EVERY_COLUMN, FTS_EVERY_TERM = "every_article", "all"
PG_EVERY_LEXEME = "·"


class FtsEntry(models.Model):
    """SQLite: a row of the FTS5 table, whose rowid is the article's id.

    `match` is FTS5's hidden column named after the table (`fts = 'query'` is a MATCH) and
    `rank` its hidden rank column, configured in the migration as bm25 with column weights.
    """

    article = models.OneToOneField(
        Article,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="fts_entry",
        db_constraint=False,
    )
    match = models.TextField(db_column=FTS_TABLE)
    rank = models.FloatField(db_column="rank")

    class Meta:
        managed = False
        db_table = FTS_TABLE

    def __str__(self) -> str:
        return f"FTS entry {self.pk}"


class PgEntry(models.Model):
    """PostgreSQL: an article's weighted vectors, one per language, GIN-indexed, and what the
    facets count (its type, status, date and linked ids: migration 0008), so that the matches
    are counted from their index rows alone."""

    article = models.OneToOneField(
        Article,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        related_name="pg_entry",
        db_constraint=False,
    )
    search_sv = SearchVectorField()
    search_en = SearchVectorField()
    # Title, tags and summary only: what ranking reads (migration 0003).
    rank_sv = SearchVectorField()
    rank_en = SearchVectorField()
    # Copies of the article's own fields and links, written with the vectors (index_many).
    kind = models.CharField(max_length=20)
    status = models.CharField(max_length=20)
    published_at = models.DateTimeField(null=True)
    region_ids = ArrayField(models.BigIntegerField())
    municipality_ids = ArrayField(models.BigIntegerField())
    tag_ids = ArrayField(models.BigIntegerField())

    class Meta:
        managed = False
        db_table = PG_TABLE

    def __str__(self) -> str:
        return f"search vectors {self.pk}"


class SynonymList(models.Model):
    """The synonyms and abbreviations of one language that Artikelsök also searches for: one
    group a line, its entries separated by commas (search/synonyms.py reads and checks them)."""

    language = models.CharField(
        _("language"), max_length=2, choices=CONTENT_LANGUAGE_CHOICES, unique=True
    )
    groups = models.TextField(
        _("groups of synonyms"),
        blank=True,
        help_text=_(
            "One group a line: words, phrases and abbreviations that mean the same, separated "
            "by commas, e.g. “SYV, studie- och yrkesvägledare”. A search for any of them also "
            "finds the others, ranked below the word searched for."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("synonym list")
        verbose_name_plural = _("synonym lists")
        ordering = ["language"]

    def __str__(self) -> str:
        return str(self.get_language_display())

    def clean(self) -> None:
        super().clean()
        parse_groups(self.groups)


class SearchLogQuerySet(models.QuerySet):
    """The editors' report (admin.SearchLogAdmin): each query's figures over the chosen weeks."""

    def in_weeks(self, first=None, last=None):
        rows = self
        if first is not None:
            rows = rows.filter(week__gte=first)
        if last is not None:
            rows = rows.filter(week__lte=last)
        return rows

    def by_query(self):
        """One row per (query, language): searches and opened summed, the results of the
        latest week."""
        return self.values("query", "language").annotate(
            total_searches=models.Sum("searches"),
            total_opened=models.Sum("opened"),
            latest_results=models.Max("results"),
            weeks=models.Count("week"),
        )

    def most_frequent(self):
        return self.by_query().order_by("-total_searches", "query")

    def without_results(self):
        # searches > 0: a row holding only the opening of a result from last week's page.
        return (
            self.filter(results=0, searches__gt=0).by_query().order_by("-total_searches", "query")
        )

    def never_opened(self):
        """Queries that found something that nobody opened."""
        return (
            self.filter(results__gt=0)
            .by_query()
            .filter(total_opened=0)
            .order_by("-total_searches", "query")
        )

    def older_than(self, days: int):
        return self.filter(week__lt=timezone.localdate() - datetime.timedelta(days=days))


class SearchLogEntry(models.Model):
    """How often a query was searched for in one week, anonymously and aggregated: the query
    as normalised text (search/log.py), the page's language, the number of results and how
    many times a result was opened. Nothing about who searched: no user, address or session."""

    week = models.DateField(_("week"), help_text=_("The Monday the week begins with."))
    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGE_CHOICES)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(
        _("results"), default=0, help_text=_("How many articles the latest search found.")
    )
    opened = models.PositiveIntegerField(_("results opened"), default=0)

    objects = SearchLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("search log")
        verbose_name_plural = _("search log")
        constraints = [
            models.UniqueConstraint(
                fields=["week", "query", "language"], name="search_log_once_a_week"
            )
        ]
        indexes = [models.Index(fields=["week"], name="search_log_week")]

    def __str__(self) -> str:
        return f"{self.week} {self.language} {self.query}"
