"""The Article core moves from the app "pluginnovation" to "content": its tables keep their
names, so only Django's picture of them moves (pluginnovation/0009 removes the old one), and
the content types are renamed, so that permissions, the editor group and the admin's history
keep pointing at the same rows.

It runs after every migration that still reads the core under its former app.
"""

import content.registry
import django.db.models.deletion
import infra.i18n
import taggit.managers
from django.conf import settings
from django.db import migrations, models

from content.migration_ops import rename_content_types


FORMER_APP = "pluginnovation"
MODELS = ["article", "taggedarticle", "tagname"]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('pluginnovation', '0008_search_pg_facet_columns'),
        ('accounts', '0004_editors_name_tags_in_english'),
        ('casestudies', '0002_link_own_municipality'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('stats', '0003_observation_area_type_index'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's picture of them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TagName',
                    fields=[
                        ('tag', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='english', serialize=False, to='taggit.tag', verbose_name='tag')),
                        ('name', models.CharField(max_length=100, verbose_name='name in English')),
                    ],
                    options={
                        'verbose_name': 'English name of a tag',
                        'verbose_name_plural': 'English names of tags',
                        'db_table': 'pluginnovation_tagname',
                    },
                ),
                migrations.CreateModel(
                    name='Article',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=content.registry.kind_choices, max_length=20, verbose_name='content type')),
                        ('slug', models.SlugField(help_text='The last part of the address, e.g. partille-team.', max_length=200, unique=True, verbose_name='slug')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], db_index=True, default='draft', max_length=20, verbose_name='status')),
                        ('published_at', models.DateTimeField(blank=True, help_text='Set automatically when the article is first published.', null=True, verbose_name='published')),
                        ('last_reviewed_at', models.DateField(blank=True, null=True, verbose_name='last reviewed')),
                        ('title_sv', models.CharField(blank=True, max_length=255, verbose_name='title (Swedish)')),
                        ('title_en', models.CharField(blank=True, max_length=255, verbose_name='title (English)')),
                        ('summary_sv', models.TextField(blank=True, verbose_name='summary (Swedish)')),
                        ('summary_en', models.TextField(blank=True, verbose_name='summary (English)')),
                        ('body_sv', models.TextField(blank=True, help_text='Markdown.', verbose_name='text (Swedish)')),
                        ('body_en', models.TextField(blank=True, help_text='Markdown.', verbose_name='text (English)')),
                        ('body_html_sv', models.TextField(blank=True, editable=False, verbose_name='text as HTML (Swedish)')),
                        ('body_html_en', models.TextField(blank=True, editable=False, verbose_name='text as HTML (English)')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='articles', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('municipalities', models.ManyToManyField(blank=True, related_name='articles', to='stats.municipality', verbose_name='municipalities')),
                        ('regions', models.ManyToManyField(blank=True, related_name='articles', to='stats.region', verbose_name='regions')),
                        ('related_articles', models.ManyToManyField(blank=True, help_text="E.g. a method's research and case studies, or a case study's methods.", to='content.article', verbose_name='related articles')),
                    ],
                    options={
                        'verbose_name': 'article',
                        'verbose_name_plural': 'articles',
                        'db_table': 'pluginnovation_article',
                        'ordering': ['-published_at', '-pk'],
                        'permissions': [('publish_article', 'Can publish and unpublish articles')],
                    },
                    bases=(infra.i18n.TranslatedMixin, models.Model),
                ),
                migrations.CreateModel(
                    name='TaggedArticle',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('content_object', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='content.article')),
                        ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                    ],
                    options={
                        'verbose_name': 'tagged article',
                        'verbose_name_plural': 'tagged articles',
                        'db_table': 'pluginnovation_taggedarticle',
                    },
                ),
                migrations.AddField(
                    model_name='article',
                    name='tags',
                    field=taggit.managers.TaggableManager(blank=True, help_text='A comma-separated list of tags.', through='content.TaggedArticle', to='taggit.Tag', verbose_name='tags'),
                ),
                migrations.AddConstraint(
                    model_name='taggedarticle',
                    constraint=models.UniqueConstraint(fields=('content_object', 'tag'), name='article_tag_once'),
                ),
                migrations.AddIndex(
                    model_name='article',
                    index=models.Index(fields=['kind', 'status', '-published_at'], name='article_browse'),
                ),
                migrations.AddIndex(
                    model_name='article',
                    index=models.Index(fields=['status', '-published_at', '-id'], name='article_newest'),
                ),
                migrations.AddConstraint(
                    model_name='article',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('title_sv', ''), _negated=True), models.Q(('title_en', ''), _negated=True), _connector='OR'), name='article_has_a_title'),
                ),
                migrations.AddConstraint(
                    model_name='article',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'published'), _negated=True), ('published_at__isnull', False), _connector='OR'), name='published_article_has_date'),
                ),
            ],
        ),
        migrations.RunPython(
            rename_content_types(MODELS, FORMER_APP, "content"),
            rename_content_types(MODELS, "content", FORMER_APP),
        ),
    ]
