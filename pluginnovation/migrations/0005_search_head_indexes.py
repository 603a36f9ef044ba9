"""Indexes for reading a page of many matches in two parts (pluginnovation/search/results.py).

- `article_newest`: published articles newest first, over every kind (the matches by date);
- PostgreSQL: GIN indexes on the head vectors (title, tags, summary), to find head hits.
"""

from django.db import migrations, models

from infra.vendor_sql import run_on

POSTGRES_FORWARD = [
    "CREATE INDEX pluginnovation_search_pg_rank_sv ON pluginnovation_search_pg USING gin (rank_sv)",
    "CREATE INDEX pluginnovation_search_pg_rank_en ON pluginnovation_search_pg USING gin (rank_en)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS pluginnovation_search_pg_rank_en",
    "DROP INDEX IF EXISTS pluginnovation_search_pg_rank_sv",
]


def refresh_sqlite_statistics(apps, schema_editor):
    """On SQLite that has statistics (rebuild_search_index makes them), include the new index.

    With statistics for every other index and none for this one, SQLite took it for very
    selective and walked it for a search, far slower than reading the matches.
    """
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [
        ("pluginnovation", "0004_search_rank_vectors"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["status", "-published_at", "-id"], name="article_newest"),
        ),
        migrations.RunPython(
            run_on("postgresql", POSTGRES_FORWARD), run_on("postgresql", POSTGRES_BACKWARD)
        ),
        migrations.RunPython(refresh_sqlite_statistics, migrations.RunPython.noop),
    ]
