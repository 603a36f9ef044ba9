"""PostgreSQL: what the facets count, kept in the index table beside the vectors.

Counting the facets of a query's matches read, for each match, its index row (for the id),
its article row (type, status, date) and its link rows (regions, municipalities, tags):
three or four lookups in different tables per match, most of a results page's database time.
With the type, status, date and the linked ids (arrays) in the index row, the matches the GIN
indexes find are counted from those rows alone (search/backends.py
`PostgresBackend.index_many` keeps them current, search/signals.py says when).

The rows are kept narrow (toast_tuple_target): the vectors, which only the GIN indexes and the
few ranked rows of a page read, are stored out of line, so a scan of matches reads many more
rows a page. The short columns are never moved out of line (STORAGE PLAIN).
"""

from django.db import migrations

from infra.vendor_sql import run_on

TABLE = "pluginnovation_search_pg"
FORWARD = [
    f"""ALTER TABLE {TABLE}
        ADD COLUMN kind varchar(20) NOT NULL DEFAULT '',
        ADD COLUMN status varchar(20) NOT NULL DEFAULT '',
        ADD COLUMN published_at timestamptz NULL,
        ADD COLUMN region_ids bigint[] NOT NULL DEFAULT '{{}}',
        ADD COLUMN municipality_ids bigint[] NOT NULL DEFAULT '{{}}',
        ADD COLUMN tag_ids bigint[] NOT NULL DEFAULT '{{}}'""",
    f"""ALTER TABLE {TABLE}
        ALTER COLUMN kind SET STORAGE PLAIN,
        ALTER COLUMN status SET STORAGE PLAIN,
        ALTER COLUMN region_ids SET STORAGE PLAIN,
        ALTER COLUMN municipality_ids SET STORAGE PLAIN,
        ALTER COLUMN tag_ids SET STORAGE PLAIN""",
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    # The rows already indexed (rewriting them also moves their vectors out of line).
    f"""UPDATE {TABLE} s SET
        kind = a.kind, status = a.status, published_at = a.published_at,
        region_ids = ARRAY(SELECT l.region_id FROM pluginnovation_article_regions l
                           WHERE l.article_id = s.article_id ORDER BY 1),
        municipality_ids = ARRAY(SELECT l.municipality_id FROM pluginnovation_article_municipalities l
                                 WHERE l.article_id = s.article_id ORDER BY 1),
        tag_ids = ARRAY(SELECT l.tag_id FROM pluginnovation_taggedarticle l
                        WHERE l.content_object_id = s.article_id ORDER BY 1)
        FROM pluginnovation_article a WHERE a.id = s.article_id""",
]
BACKWARD = [
    f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
    f"""ALTER TABLE {TABLE}
        DROP COLUMN tag_ids, DROP COLUMN municipality_ids, DROP COLUMN region_ids,
        DROP COLUMN published_at, DROP COLUMN status, DROP COLUMN kind""",
]


class Migration(migrations.Migration):
    dependencies = [
        ("pluginnovation", "0007_tag_name"),
    ]

    operations = [
        migrations.RunPython(run_on("postgresql", FORWARD), run_on("postgresql", BACKWARD)),
    ]
