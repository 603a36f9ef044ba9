"""Link every existing case study to its own municipality and region (see signals.py)."""

from django.db import migrations


def link(apps, schema_editor):
    CaseStudy = apps.get_model("casestudies", "CaseStudy")
    Article = apps.get_model("pluginnovation", "Article")
    for case_study in CaseStudy.objects.select_related("municipality"):
        article = Article.objects.get(pk=case_study.pk)
        article.municipalities.add(case_study.municipality_id)
        article.regions.add(case_study.municipality.region_id)


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0001_initial"),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
