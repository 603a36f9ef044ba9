"""Swedish analysis in the index: the words derived from an article's text (compound parts,
folded spellings: search/analysis.py) in columns of their own on SQLite, weighted below the
article's own words in bm25; on PostgreSQL they are weight D of the same vectors, so only the
rows change (`manage.py rebuild_search_index` after migrating fills them in).

FTS5 cannot add a column, so the table is copied (as in pluginnovation's 0006).
"""

from django.db import migrations

from infra.vendor_sql import run_on

TABLE = "pluginnovation_search_fts"
COLUMNS = "title_sv, meta_sv, body_sv, title_en, meta_en, body_en, every_article"
DERIVED = "more_head_sv, more_body_sv, more_head_en, more_body_en"
OPTIONS = """tokenize = "unicode61 remove_diacritics 0", prefix = '2 3 4'"""
# title, tags and summary, body (per language), the column every row holds (never ranked);
# then the derived words of the head and of the body (per language).
WEIGHTS = "10.0, 4.0, 1.0, 10.0, 4.0, 1.0, 0.0"
DERIVED_WEIGHTS = "2.0, 0.5, 2.0, 0.5"


def _copy(columns: str, copied: str, weights: str) -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE {TABLE}_copy USING fts5({columns}, {OPTIONS})",
        f"INSERT INTO {TABLE}_copy(rowid, {copied}) SELECT rowid, {copied} FROM {TABLE}",
        f"DROP TABLE {TABLE}",
        f"ALTER TABLE {TABLE}_copy RENAME TO {TABLE}",
        f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', 'bm25({weights})')",
    ]


SQLITE_FORWARD = _copy(f"{COLUMNS}, {DERIVED}", COLUMNS, f"{WEIGHTS}, {DERIVED_WEIGHTS}")
SQLITE_BACKWARD = _copy(COLUMNS, COLUMNS, WEIGHTS)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(run_on("sqlite", SQLITE_FORWARD), run_on("sqlite", SQLITE_BACKWARD)),
    ]
