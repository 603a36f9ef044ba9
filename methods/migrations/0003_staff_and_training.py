from django.db import migrations


class Migration(migrations.Migration):
    """"Implementation and training needs" is "staff and training needed" (issue 16)."""

    dependencies = [
        ("methods", "0002_article_core_in_content"),
    ]

    operations = [
        migrations.RenameField("method", "implementation_sv", "staff_and_training_sv"),
        migrations.RenameField("method", "implementation_en", "staff_and_training_en"),
    ]
