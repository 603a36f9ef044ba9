from django.db import migrations


class Migration(migrations.Migration):
    """The single-valued classification, now terms (0005)."""

    dependencies = [
        ("methods", "0005_default_terms"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="method",
            name="intervention_type",
        ),
        migrations.RemoveField(
            model_name="method",
            name="phase",
        ),
        migrations.RemoveField(
            model_name="method",
            name="prevention_level",
        ),
        migrations.RemoveField(
            model_name="method",
            name="scope",
        ),
    ]
