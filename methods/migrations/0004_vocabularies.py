import infra.i18n
from django.db import migrations, models


class Migration(migrations.Migration):
    """The method bank's vocabularies (Term), a method's terms, the publications behind its
    ratings, its cost level and time to get started (issue 16). 0005 moves the single-valued
    classification into terms, 0006 drops its columns."""

    dependencies = [
        ('content', '0002_article_dated_on'),
        ('methods', '0003_staff_and_training'),
    ]

    operations = [
        migrations.AddField(
            model_name='method',
            name='cost_level',
            field=models.PositiveSmallIntegerField(blank=True, choices=[(1, 'Low'), (2, 'Moderate'), (3, 'High')], help_text='On the cost scale the page “How we assess evidence” explains.', null=True, verbose_name='cost level'),
        ),
        migrations.AddField(
            model_name='method',
            name='proven_experience_sources',
            field=models.ManyToManyField(blank=True, limit_choices_to={'kind': 'publication'}, related_name='+', to='content.article', verbose_name='publications behind the proven experience'),
        ),
        migrations.AddField(
            model_name='method',
            name='scientific_basis_sources',
            field=models.ManyToManyField(blank=True, limit_choices_to={'kind': 'publication'}, related_name='+', to='content.article', verbose_name='publications behind the scientific basis'),
        ),
        migrations.AddField(
            model_name='method',
            name='startup_time_en',
            field=models.TextField(blank=True, help_text='How long it takes from the decision until the method is in use.', verbose_name='time to get started (English)'),
        ),
        migrations.AddField(
            model_name='method',
            name='startup_time_sv',
            field=models.TextField(blank=True, help_text='How long it takes from the decision until the method is in use.', verbose_name='time to get started (Swedish)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='cost_en',
            field=models.TextField(blank=True, verbose_name='cost in words (English)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='cost_sv',
            field=models.TextField(blank=True, verbose_name='cost in words (Swedish)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='evidence_source_en',
            field=models.TextField(blank=True, help_text='What the ratings rest on, in words.', verbose_name='about the evidence (English)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='evidence_source_sv',
            field=models.TextField(blank=True, help_text='What the ratings rest on, in words.', verbose_name='about the evidence (Swedish)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='proven_experience',
            field=models.PositiveSmallIntegerField(choices=[(0, 'Not assessed'), (1, 'Low'), (2, 'Moderate'), (3, 'High')], default=0, help_text='How well documented experience of using the method supports it, on the same scale.', verbose_name='proven experience'),
        ),
        migrations.AlterField(
            model_name='method',
            name='scientific_basis',
            field=models.PositiveSmallIntegerField(choices=[(0, 'Not assessed'), (1, 'Low'), (2, 'Moderate'), (3, 'High')], default=0, help_text='How well research supports the method, on the scale the page “How we assess evidence” explains. Link the publications the rating rests on below.', verbose_name='scientific basis'),
        ),
        migrations.AlterField(
            model_name='method',
            name='staff_and_training_en',
            field=models.TextField(blank=True, verbose_name='staff and training needed (English)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='staff_and_training_sv',
            field=models.TextField(blank=True, verbose_name='staff and training needed (Swedish)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='target_group_en',
            field=models.TextField(blank=True, help_text='Who the method is for, beyond the target groups chosen above.', verbose_name='target group in words (English)'),
        ),
        migrations.AlterField(
            model_name='method',
            name='target_group_sv',
            field=models.TextField(blank=True, help_text='Who the method is for, beyond the target groups chosen above.', verbose_name='target group in words (Swedish)'),
        ),
        migrations.CreateModel(
            name='Term',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('vocabulary', models.CharField(choices=[('target_group', 'Target group'), ('intervention_type', 'Type of intervention'), ('phase', 'Phase'), ('prevention_level', 'Level of prevention'), ('scope', 'Scope'), ('organiser', 'Organiser')], max_length=30, verbose_name='vocabulary')),
                ('slug', models.SlugField(help_text="Part of the method finder's shareable links (e.g. ?malgrupp=hog-franvaro): changing it breaks links already shared.", max_length=60, verbose_name='slug')),
                ('name_sv', models.CharField(blank=True, max_length=150, verbose_name='name (Swedish)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='name (English)')),
                ('position', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first in the lists.', verbose_name='position')),
            ],
            options={
                'verbose_name': 'term of the method bank',
                'verbose_name_plural': 'terms of the method bank',
                'ordering': ['vocabulary', 'position', 'name_sv'],
                'constraints': [models.UniqueConstraint(fields=('vocabulary', 'slug'), name='term_slug_once'), models.CheckConstraint(condition=models.Q(models.Q(('name_sv', ''), _negated=True), models.Q(('name_en', ''), _negated=True), _connector='OR'), name='term_has_a_name')],
            },
            bases=(infra.i18n.TranslatedMixin, models.Model),
        ),
        migrations.AddField(
            model_name='method',
            name='terms',
            field=models.ManyToManyField(blank=True, related_name='methods', to='methods.term', verbose_name='terms'),
        ),
    ]
