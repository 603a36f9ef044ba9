"""PostgreSQL: small head vectors (title, tags, summary) for ranking, beside the full ones.

Ranking re-reads the vector of every match; for a word found in most articles, reading whole
bodies cost more than everything else on the page. SQLite's FTS5 ranks from its own index.
Run `manage.py rebuild_search_index` after migrating a database that has articles.
"""

from django.db import migrations

from infra.vendor_sql import run_on

FORWARD = [
    "ALTER TABLE pluginnovation_search_pg ADD COLUMN rank_sv tsvector NOT NULL DEFAULT ''::tsvector",
    "ALTER TABLE pluginnovation_search_pg ADD COLUMN rank_en tsvector NOT NULL DEFAULT ''::tsvector",
]
BACKWARD = [
    "ALTER TABLE pluginnovation_search_pg DROP COLUMN rank_en",
    "ALTER TABLE pluginnovation_search_pg DROP COLUMN rank_sv",
]


class Migration(migrations.Migration):
    dependencies = [
        ("pluginnovation", "0003_tagged_article"),
    ]

    operations = [
        migrations.RunPython(run_on("postgresql", FORWARD), run_on("postgresql", BACKWARD)),
    ]
