"""A term in every article's index entry, so that the index finds the articles a query does NOT match.

For a word found in most articles, the facets are counted as (every article) − (the few that
do not match) (pluginnovation/search/facets.py). "All but the matches" is `every AND NOT query`
for FTS5 and for a GIN index, which need a term on the left that every row holds:

- SQLite: a column `every_article` holding `all`, which no query names (queries name their
  columns), weighted 0 in bm25. FTS5 cannot add a column, so the table is copied.
- PostgreSQL: the lexeme `·` in both vectors; queries are made of word characters, so no
  query word or prefix reaches it.
"""

from django.db import migrations

from infra.vendor_sql import run_on

COLUMNS = "title_sv, meta_sv, body_sv, title_en, meta_en, body_en"
OPTIONS = """tokenize = "unicode61 remove_diacritics 0", prefix = '2 3 4'"""


def _copy_fts(extra_column: str, extra_value: str, weights: str) -> list[str]:
    columns = f"{COLUMNS}{', ' + extra_column if extra_column else ''}"
    return [
        f"CREATE VIRTUAL TABLE pluginnovation_search_fts_copy USING fts5({columns}, {OPTIONS})",
        f"""INSERT INTO pluginnovation_search_fts_copy(rowid, {columns})
            SELECT rowid, {COLUMNS}{extra_value} FROM pluginnovation_search_fts""",
        "DROP TABLE pluginnovation_search_fts",
        "ALTER TABLE pluginnovation_search_fts_copy RENAME TO pluginnovation_search_fts",
        f"""INSERT INTO pluginnovation_search_fts(pluginnovation_search_fts, rank)
            VALUES ('rank', 'bm25({weights})')""",
    ]


SQLITE_FORWARD = _copy_fts("every_article", ", 'all'", "10.0, 4.0, 1.0, 10.0, 4.0, 1.0, 0.0")
SQLITE_BACKWARD = _copy_fts("", "", "10.0, 4.0, 1.0, 10.0, 4.0, 1.0")

POSTGRES_FORWARD = [
    """UPDATE pluginnovation_search_pg
       SET search_sv = search_sv || '·'::tsvector, search_en = search_en || '·'::tsvector""",
]
POSTGRES_BACKWARD = [
    """UPDATE pluginnovation_search_pg
       SET search_sv = ts_delete(search_sv, '·'), search_en = ts_delete(search_en, '·')""",
]


class Migration(migrations.Migration):
    dependencies = [
        ("pluginnovation", "0005_search_head_indexes"),
    ]

    operations = [
        migrations.RunPython(run_on("sqlite", SQLITE_FORWARD), run_on("sqlite", SQLITE_BACKWARD)),
        migrations.RunPython(
            run_on("postgresql", POSTGRES_FORWARD), run_on("postgresql", POSTGRES_BACKWARD)
        ),
    ]
