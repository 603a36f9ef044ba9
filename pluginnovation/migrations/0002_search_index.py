"""The search index: an FTS5 table on SQLite, weighted tsvectors and trigram indexes on PostgreSQL.

One migration history for both databases: each operation runs its SQL only on its own vendor.
The models are unmanaged (pluginnovation/search/models.py); the tables are made here.
Articles that existed before this migration are indexed by `manage.py rebuild_search_index`.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from infra.vendor_sql import run_on

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE pluginnovation_search_fts USING fts5(
        title_sv, meta_sv, body_sv, title_en, meta_en, body_en,
        tokenize = "unicode61 remove_diacritics 0", prefix = '2 3 4'
    )""",
    # bm25 with column weights: a title hit above a tag or summary hit above a body hit.
    """INSERT INTO pluginnovation_search_fts(pluginnovation_search_fts, rank)
       VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 10.0, 4.0, 1.0)')""",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS pluginnovation_search_fts"]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # No foreign key: Django's flush truncates article without CASCADE; deletes are signalled.
    """CREATE TABLE pluginnovation_search_pg (
        article_id bigint PRIMARY KEY,
        search_sv tsvector NOT NULL DEFAULT ''::tsvector,
        search_en tsvector NOT NULL DEFAULT ''::tsvector
    )""",
    "CREATE INDEX pluginnovation_search_pg_sv ON pluginnovation_search_pg USING gin (search_sv)",
    "CREATE INDEX pluginnovation_search_pg_en ON pluginnovation_search_pg USING gin (search_en)",
    # "Menade du …?": words of titles close to a misspelt one.
    """CREATE INDEX pluginnovation_article_title_sv_trgm
       ON pluginnovation_article USING gin (lower(title_sv) gin_trgm_ops)""",
    """CREATE INDEX pluginnovation_article_title_en_trgm
       ON pluginnovation_article USING gin (lower(title_en) gin_trgm_ops)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS pluginnovation_article_title_en_trgm",
    "DROP INDEX IF EXISTS pluginnovation_article_title_sv_trgm",
    "DROP TABLE IF EXISTS pluginnovation_search_pg",
]


class Migration(migrations.Migration):
    dependencies = [
        ("pluginnovation", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="FtsEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="fts_entry",
                        serialize=False,
                        to="pluginnovation.article",
                    ),
                ),
                ("match", models.TextField(db_column="pluginnovation_search_fts")),
                ("rank", models.FloatField(db_column="rank")),
            ],
            options={"db_table": "pluginnovation_search_fts", "managed": False},
        ),
        migrations.CreateModel(
            name="PgEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="pg_entry",
                        serialize=False,
                        to="pluginnovation.article",
                    ),
                ),
                ("search_sv", django.contrib.postgres.search.SearchVectorField()),
                ("search_en", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={"db_table": "pluginnovation_search_pg", "managed": False},
        ),
        migrations.RunPython(run_on("sqlite", SQLITE_FORWARD), run_on("sqlite", SQLITE_BACKWARD)),
        migrations.RunPython(
            run_on("postgresql", POSTGRES_FORWARD), run_on("postgresql", POSTGRES_BACKWARD)
        ),
    ]
