# The list of names takes the place of the authors' text; the language is a code.

import research.names
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('research', '0004_authors_as_names'),
    ]

    operations = [
        migrations.RemoveField(model_name='publication', name='authors'),
        migrations.RenameField(model_name='publication', old_name='author_list', new_name='authors'),
        migrations.AlterField(
            model_name='publication',
            name='authors',
            field=models.JSONField(blank=True, default=list, help_text='In the order the publication names them.', validators=[research.names.validate_authors], verbose_name='authors'),
        ),
        migrations.AlterField(
            model_name='publication',
            name='language',
            field=models.CharField(blank=True, choices=[('sv', 'Swedish'), ('en', 'English'), ('no', 'Norwegian'), ('da', 'Danish'), ('fi', 'Finnish'), ('de', 'German'), ('fr', 'French'), ('es', 'Spanish')], max_length=2, verbose_name='language of the publication'),
        ),
    ]
