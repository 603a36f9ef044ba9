from django.contrib.auth.management import create_permissions
from django.db import migrations

# A frozen copy of accounts.roles.EDITOR_ACCOUNTS_PERMISSIONS as it was when this ran.
PERMISSIONS = [
    ("accounts", "methodproposal", ["change", "view"]),
    ("accounts", "methoduse", ["delete", "view"]),
]


def grant(apps, schema_editor):
    from accounts.roles import EDITOR_GROUP

    app_config = apps.get_app_config("accounts")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    for app_label, model, actions in PERMISSIONS:
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    from accounts.roles import EDITOR_GROUP

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is None:
        return
    codenames = [f"{action}_{model}" for _app, model, actions in PERMISSIONS for action in actions]
    group.permissions.remove(
        *Permission.objects.filter(content_type__app_label="accounts", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_mina_sidor")]
    operations = [migrations.RunPython(grant, revoke)]
