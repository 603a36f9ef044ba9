import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_editors_name_tags_in_english'),
        ('content', '0001_initial'),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's picture of them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='savedarticle',
                    name='article',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='content.article', verbose_name='article'),
                ),
                migrations.AlterField(
                    model_name='sentalert',
                    name='article',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='content.article', verbose_name='article'),
                ),
            ],
        ),
    ]
