"""The roles editors and staff get, named once so migrations and tests agree."""

EDITOR_GROUP = "Redaktör"

# Exactly what an editor needs to add, change and publish content: not users, not settings.
EDITOR_PERMISSIONS = [
    ("pluginnovation", "article", ["add", "change", "view"]),
    ("methods", "method", ["add", "change", "view"]),
    ("research", "publication", ["add", "change", "view"]),
    ("research", "researchsummary", ["add", "change", "view"]),
    ("casestudies", "casestudy", ["add", "change", "view"]),
    ("taggit", "tag", ["add", "change", "view"]),
]
EDITOR_EXTRA_PERMISSIONS = [("pluginnovation", "publish_article")]


def editor_permission_codenames() -> list[tuple[str, str]]:
    """(app_label, codename) for every permission of the editor group."""
    names = [
        (app_label, f"{action}_{model}")
        for app_label, model, actions in EDITOR_PERMISSIONS
        for action in actions
    ]
    return names + EDITOR_EXTRA_PERMISSIONS


# Granted by accounts/migrations/0003 (these models come after 0001): editors review the methods
# users suggest, and may remove a wrong "we use the method" entry.
EDITOR_ACCOUNTS_PERMISSIONS = [
    ("accounts", "methodproposal", ["change", "view"]),
    ("accounts", "methoduse", ["delete", "view"]),
]
# Granted by accounts/migrations/0004 (the model comes after 0001): editors name tags in English.
EDITOR_TAG_NAME_PERMISSIONS = [("pluginnovation", "tagname", ["add", "change", "delete", "view"])]


def create_permissions_now(apps, app_configs) -> None:
    """For a data migration: create the permissions of `app_configs` (Django makes them only
    after migrate, too late for a migration that grants them)."""
    from django.contrib.auth.management import create_permissions

    for app_config in app_configs:
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def grant_to_editors(apps, app_label: str, permissions: list) -> None:
    """For a data migration: give the editor group `permissions` [(app, model, actions)] of
    the app `app_label`."""
    create_permissions_now(apps, [apps.get_app_config(app_label)])

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    for app, model, actions in permissions:
        for action in actions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            )


def revoke_from_editors(apps, permissions: list) -> None:
    """Undo grant_to_editors."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is None:
        return
    for app, model, actions in permissions:
        codenames = [f"{action}_{model}" for action in actions]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app, codename__in=codenames)
        )
