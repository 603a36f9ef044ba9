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
