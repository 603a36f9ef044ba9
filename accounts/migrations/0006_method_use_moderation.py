"""'We use the method' entries wait for an editor's approval before they are public. Entries
made before this were never reviewed: they wait too (the editors' desk lists them)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_article_core_in_content'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='methoduse',
            name='moderated_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='approved or rejected'),
        ),
        migrations.AddField(
            model_name='methoduse',
            name='moderated_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approved or rejected by'),
        ),
        migrations.AddField(
            model_name='methoduse',
            name='moderation',
            field=models.CharField(choices=[('pending', 'Waiting for approval'), ('approved', 'Approved'), ('rejected', 'Not approved')], db_index=True, default='pending', max_length=10, verbose_name='approval'),
        ),
    ]
