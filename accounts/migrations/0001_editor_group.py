from django.db import migrations

# A frozen copy of the editor group's permissions as they were when this ran (the Article core
# was then part of the app "pluginnovation"; content/0001 renames its content types).
PERMISSIONS = [
    ("pluginnovation", "article", ["add", "change", "view"]),
    ("methods", "method", ["add", "change", "view"]),
    ("research", "publication", ["add", "change", "view"]),
    ("research", "researchsummary", ["add", "change", "view"]),
    ("casestudies", "casestudy", ["add", "change", "view"]),
    ("taggit", "tag", ["add", "change", "view"]),
]
EXTRA_PERMISSIONS = [("pluginnovation", "publish_article")]


def create_editor_group(apps, schema_editor):
    from accounts.roles import EDITOR_GROUP, create_permissions_now

    create_permissions_now(apps, apps.get_app_configs())

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    wanted = [
        (app_label, f"{action}_{model}")
        for app_label, model, actions in PERMISSIONS
        for action in actions
    ] + EXTRA_PERMISSIONS
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in wanted
    ]
    group.permissions.set(permissions)


def remove_editor_group(apps, schema_editor):
    from accounts.roles import EDITOR_GROUP

    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("pluginnovation", "0001_initial"),
        ("methods", "0001_initial"),
        ("research", "0001_initial"),
        ("casestudies", "0001_initial"),
    ]
    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
