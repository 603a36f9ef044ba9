# The reference's fields. The authors and the language change form in 0004 (the data)
# and 0005 (the columns): PostgreSQL refuses to alter a table in the transaction that updated it.

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import research.models
import research.names
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('research', '0002_article_core_in_content'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LinkCheck',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('field', models.CharField(choices=[('doi', 'DOI'), ('url', 'Link'), ('pdf_url', 'Full text (PDF)')], max_length=10, verbose_name='which link')),
                ('url', models.URLField(max_length=1000, verbose_name='address checked')),
                ('outcome', models.CharField(choices=[('ok', 'Works'), ('moved', 'Moved permanently'), ('broken', 'Broken'), ('unreachable', 'No answer'), ('refused', 'Not checked (not a public address)')], max_length=12, verbose_name='result')),
                ('status_code', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='HTTP status')),
                ('final_url', models.URLField(blank=True, max_length=1000, verbose_name='moved to')),
                ('detail', models.CharField(blank=True, max_length=300, verbose_name='detail')),
                ('checked_at', models.DateTimeField(verbose_name='checked')),
            ],
            options={
                'verbose_name': 'link check',
                'verbose_name_plural': 'link checks',
                'ordering': ['outcome', '-checked_at'],
            },
        ),
        migrations.CreateModel(
            name='ReferenceUpload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('filename', models.CharField(max_length=255)),
                ('text', models.TextField()),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'uploaded reference file',
                'verbose_name_plural': 'uploaded reference files',
            },
        ),
        migrations.AddField(
            model_name='publication',
            name='abstract_en',
            field=models.TextField(blank=True, verbose_name='abstract (English)'),
        ),
        migrations.AddField(
            model_name='publication',
            name='abstract_sv',
            field=models.TextField(blank=True, verbose_name='abstract (Swedish)'),
        ),
        migrations.AddField(
            model_name='publication',
            name='author_names',
            field=models.TextField(blank=True, editable=False, verbose_name="authors' names"),
        ),
        migrations.AddField(
            model_name='publication',
            name='container_title',
            field=models.CharField(blank=True, help_text='The journal an article appeared in, or the book a chapter is part of.', max_length=300, verbose_name='journal or book'),
        ),
        migrations.AddField(
            model_name='publication',
            name='context_en',
            field=models.CharField(blank=True, help_text='Where the study was made, e.g. Sweden, Canada or the Nordic countries.', max_length=200, verbose_name='country or context (English)'),
        ),
        migrations.AddField(
            model_name='publication',
            name='context_sv',
            field=models.CharField(blank=True, help_text='Where the study was made, e.g. Sweden, Canada or the Nordic countries.', max_length=200, verbose_name='country or context (Swedish)'),
        ),
        migrations.AddField(
            model_name='publication',
            name='date',
            field=models.DateField(blank=True, help_text='Only where the full date is known; its year must be the year above.', null=True, verbose_name='date of publication'),
        ),
        migrations.AddField(
            model_name='publication',
            name='doi',
            field=models.CharField(blank=True, help_text='E.g. 10.1111/j.1467-8624.2005.00889.x (a doi.org address is read too).', max_length=255, verbose_name='DOI'),
        ),
        migrations.AddField(
            model_name='publication',
            name='edition',
            field=models.CharField(blank=True, max_length=30, verbose_name='edition'),
        ),
        migrations.AddField(
            model_name='publication',
            name='isbn',
            field=models.CharField(blank=True, max_length=17, verbose_name='ISBN'),
        ),
        migrations.AddField(
            model_name='publication',
            name='issn',
            field=models.CharField(blank=True, max_length=9, verbose_name='ISSN'),
        ),
        migrations.AddField(
            model_name='publication',
            name='issue',
            field=models.CharField(blank=True, max_length=20, verbose_name='issue'),
        ),
        migrations.AddField(
            model_name='publication',
            name='open_access',
            field=models.BooleanField(blank=True, help_text='Whether anyone may read the full text free of charge.', null=True, verbose_name='open access'),
        ),
        migrations.AddField(
            model_name='publication',
            name='pages',
            field=models.CharField(blank=True, help_text='E.g. 949-967.', max_length=50, verbose_name='pages'),
        ),
        migrations.AddField(
            model_name='publication',
            name='pdf_url',
            field=models.URLField(blank=True, max_length=500, verbose_name='link to the full text (PDF)'),
        ),
        migrations.AddField(
            model_name='publication',
            name='place',
            field=models.CharField(blank=True, max_length=100, verbose_name='place of publication'),
        ),
        migrations.AddField(
            model_name='publication',
            name='study_design',
            field=models.CharField(blank=True, choices=[('systematisk-oversikt', 'Systematic review or meta-analysis'), ('randomiserad', 'Randomised controlled trial'), ('kvasiexperimentell', 'Quasi-experimental study'), ('kvalitativ', 'Qualitative study'), ('fallstudie', 'Case study'), ('annan', 'Other design')], max_length=20, verbose_name='study design'),
        ),
        migrations.AddField(
            model_name='publication',
            name='subtitle',
            field=models.CharField(blank=True, max_length=255, verbose_name='subtitle'),
        ),
        migrations.AddField(
            model_name='publication',
            name='volume',
            field=models.CharField(blank=True, max_length=20, verbose_name='volume'),
        ),
        # The authors were one text; they become a list of names (research/names.py): the old
        # text is read into a new field, which then takes the old one's name.
        migrations.AddField(
            model_name='publication',
            name='author_list',
            field=models.JSONField(blank=True, default=list),
        ),
        # Blank first, so that undoing this migration can add the old column back, empty.
        migrations.AlterField(
            model_name='publication',
            name='authors',
            field=models.CharField(blank=True, max_length=500, verbose_name='authors'),
        ),
        migrations.AlterField(
            model_name='publication',
            name='publication_type',
            field=models.CharField(blank=True, choices=[('tidskriftsartikel', 'Journal article'), ('bok', 'Book'), ('kapitel', 'Book chapter'), ('rapport', 'Report'), ('avhandling', 'Thesis'), ('systematisk-oversikt', 'Systematic review'), ('kunskapsoversikt', 'Research review'), ('styrdokument', 'Policy document'), ('forskning', 'Research'), ('litteratur', 'Literature')], max_length=20, verbose_name='type of publication'),
        ),
        migrations.AlterField(
            model_name='publication',
            name='year',
            field=models.PositiveSmallIntegerField(blank=True, db_index=True, help_text='The year of publication.', null=True, validators=[django.core.validators.MinValueValidator(1400), research.models.validate_year], verbose_name='year'),
        ),
        migrations.AddConstraint(
            model_name='publication',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('doi'), condition=models.Q(('doi', ''), _negated=True), name='publication_doi_once', violation_error_message='Another publication already has this DOI.'),
        ),
        migrations.AddConstraint(
            model_name='publication',
            constraint=models.CheckConstraint(condition=models.Q(('date__isnull', True), ('year__isnull', False), _connector='OR'), name='publication_date_has_year'),
        ),
        migrations.AddField(
            model_name='linkcheck',
            name='publication',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='link_checks', to='research.publication', verbose_name='publication'),
        ),
        migrations.AddField(
            model_name='referenceupload',
            name='uploaded_by',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddConstraint(
            model_name='linkcheck',
            constraint=models.UniqueConstraint(fields=('publication', 'field'), name='link_checked_once'),
        ),
    ]
