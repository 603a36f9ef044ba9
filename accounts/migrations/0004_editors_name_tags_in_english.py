from django.db import migrations

# A frozen copy of accounts.roles.EDITOR_TAG_NAME_PERMISSIONS as it was when this ran.
PERMISSIONS = [("pluginnovation", "tagname", ["add", "change", "delete", "view"])]


def grant(apps, schema_editor):
    from accounts.roles import grant_to_editors

    grant_to_editors(apps, "pluginnovation", PERMISSIONS)


def revoke(apps, schema_editor):
    from accounts.roles import revoke_from_editors

    revoke_from_editors(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_editor_reviews_proposals"),
        ("pluginnovation", "0007_tag_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
