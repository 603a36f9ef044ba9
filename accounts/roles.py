"""The roles editors and staff get, named once so migrations, the running site and tests agree.

The editor group's permissions follow the content registry: every content type that editors
publish gives them add, change and view on its model. They are granted after every `migrate`
(post_migrate), so a new content type needs no data migration of its own.
"""

from content import registry

EDITOR_GROUP = "Redaktör"

ARTICLE_ACTIONS = ["add", "change", "view"]
# The models a content type's app lets editors manage with it (ContentType.editor_models).
MANAGED_ACTIONS = ["add", "change", "delete", "view"]
# What editors manage besides the content types: tags and their English names, images and
# documents, publishing, the methods users suggest, "we use the method" entries and contact
# messages. Not users, not settings.
EDITOR_OTHER_PERMISSIONS = [
    ("taggit", "tag", ["add", "change", "view"]),
    ("content", "tagname", ["add", "change", "delete", "view"]),
    # An article's images and documents, edited with it.
    ("content", "articleimage", ["add", "change", "delete", "view"]),
    ("content", "articledocument", ["add", "change", "delete", "view"]),
    ("accounts", "methodproposal", ["change", "view"]),
    # "We use the method" entries: approved (change) before they are public, or removed.
    ("accounts", "methoduse", ["change", "delete", "view"]),
    # Messages from the contact form: read, and marked as handled.
    ("pluginnovation", "contactmessage", ["change", "view"]),
]
EDITOR_EXTRA_PERMISSIONS = [("content", "publish_article")]


def editor_permissions() -> list[tuple[str, str, list[str]]]:
    """(app label, model, actions) of every model the editor group works on."""
    content = {
        (item.model._meta.app_label, item.model._meta.model_name)
        for item in registry.content_types()
        if item.editors_publish
    }
    managed = {
        (item.model._meta.app_label, name)
        for item in registry.content_types()
        if item.editors_publish
        for name in item.editor_models
    }
    return [
        *((app_label, model, ARTICLE_ACTIONS) for app_label, model in sorted(content)),
        *((app_label, model, MANAGED_ACTIONS) for app_label, model in sorted(managed)),
        *EDITOR_OTHER_PERMISSIONS,
    ]


def editor_permission_codenames() -> list[tuple[str, str]]:
    """(app_label, codename) for every permission of the editor group."""
    names = [
        (app_label, f"{action}_{model}")
        for app_label, model, actions in editor_permissions()
        for action in actions
    ]
    return names + EDITOR_EXTRA_PERMISSIONS


def sync_editor_group(**kwargs) -> None:
    """post_migrate: the editor group exists and has every permission the registry asks for
    (permissions granted by hand stay). Also after a test database is flushed."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    wanted = editor_permission_codenames()
    for app_label in sorted({app_label for app_label, _codename in wanted}):
        # Django creates permissions after migrate app by app; those of later apps may be missing.
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    matches = Q()
    for app_label, codename in wanted:
        matches |= Q(content_type__app_label=app_label, codename=codename)
    group, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*Permission.objects.filter(matches))


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
