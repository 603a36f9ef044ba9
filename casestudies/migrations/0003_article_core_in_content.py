from django.db import migrations

from content.migration_ops import ReparentModel


class Migration(migrations.Migration):
    dependencies = [
        ('casestudies', '0002_link_own_municipality'),
        ('content', '0001_initial'),
    ]

    # The Article core moved to the app "content" (content/0001); the tables stay as they are.
    operations = [
        ReparentModel("CaseStudy", parent="content.article", former_parent="pluginnovation.article"),
    ]
