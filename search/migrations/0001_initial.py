import django.contrib.postgres.fields
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from content.migration_ops import rename_content_types

MODELS = ["ftsentry", "pgentry"]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('content', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's picture of them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FtsEntry',
                    fields=[
                        ('article', models.OneToOneField(db_column='rowid', db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='fts_entry', serialize=False, to='content.article')),
                        ('match', models.TextField(db_column='pluginnovation_search_fts')),
                        ('rank', models.FloatField(db_column='rank')),
                    ],
                    options={
                        'db_table': 'pluginnovation_search_fts',
                        'managed': False,
                    },
                ),
                migrations.CreateModel(
                    name='PgEntry',
                    fields=[
                        ('article', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='pg_entry', serialize=False, to='content.article')),
                        ('search_sv', django.contrib.postgres.search.SearchVectorField()),
                        ('search_en', django.contrib.postgres.search.SearchVectorField()),
                        ('rank_sv', django.contrib.postgres.search.SearchVectorField()),
                        ('rank_en', django.contrib.postgres.search.SearchVectorField()),
                        ('kind', models.CharField(max_length=20)),
                        ('status', models.CharField(max_length=20)),
                        ('published_at', models.DateTimeField(null=True)),
                        ('region_ids', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None)),
                        ('municipality_ids', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None)),
                        ('tag_ids', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None)),
                    ],
                    options={
                        'db_table': 'pluginnovation_search_pg',
                        'managed': False,
                    },
                ),
            ],
        ),
        migrations.RunPython(
            rename_content_types(MODELS, "pluginnovation", "search"),
            rename_content_types(MODELS, "search", "pluginnovation"),
        ),
    ]
