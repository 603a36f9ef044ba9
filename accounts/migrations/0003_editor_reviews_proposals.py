from django.db import migrations

# A frozen copy of accounts.roles.EDITOR_ACCOUNTS_PERMISSIONS as it was when this ran.
PERMISSIONS = [
    ("accounts", "methodproposal", ["change", "view"]),
    ("accounts", "methoduse", ["delete", "view"]),
]


def grant(apps, schema_editor):
    from accounts.roles import grant_to_editors

    grant_to_editors(apps, "accounts", PERMISSIONS)


def revoke(apps, schema_editor):
    from accounts.roles import revoke_from_editors

    revoke_from_editors(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_mina_sidor")]
    operations = [migrations.RunPython(grant, revoke)]
