"""The search index, one unmanaged model per backend (migration 0002 creates the tables).

Both are one-to-one with Article, so a search is a join and ranking composes with every
other filter in one SQL statement. Only the table of the running database exists.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from content.models import Article

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
