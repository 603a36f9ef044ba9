from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_article_core_in_content'),
        ('casestudies', '0003_article_core_in_content'),
        ('methods', '0002_article_core_in_content'),
        ('pluginnovation', '0008_search_pg_facet_columns'),
        ('research', '0002_article_core_in_content'),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's picture of them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='article',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='article',
                    name='municipalities',
                ),
                migrations.RemoveField(
                    model_name='article',
                    name='regions',
                ),
                migrations.RemoveField(
                    model_name='article',
                    name='related_articles',
                ),
                migrations.RemoveField(
                    model_name='article',
                    name='tags',
                ),
                migrations.RemoveField(
                    model_name='ftsentry',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='taggedarticle',
                    name='content_object',
                ),
                migrations.RemoveField(
                    model_name='taggedarticle',
                    name='tag',
                ),
                migrations.RemoveField(
                    model_name='tagname',
                    name='tag',
                ),
                migrations.DeleteModel(
                    name='PgEntry',
                ),
                migrations.DeleteModel(
                    name='FtsEntry',
                ),
                migrations.DeleteModel(
                    name='Article',
                ),
                migrations.DeleteModel(
                    name='TaggedArticle',
                ),
                migrations.DeleteModel(
                    name='TagName',
                ),
            ],
        ),
    ]
