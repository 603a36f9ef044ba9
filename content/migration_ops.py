"""A migration operation for content types whose parent, the Article core, moved between apps."""

from django.db import migrations


class ReparentModel(migrations.operations.base.Operation):
    """Point a multi-table child's base class and parent link at `parent` in Django's picture of
    the models. The tables do not change (the parent kept its table), so the database is not
    touched. AlterField cannot do it alone: the base class would still name the former parent."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, name: str, parent: str, former_parent: str):
        self.name, self.parent, self.former_parent = name, parent, former_parent

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {"name": self.name, "parent": self.parent, "former_parent": self.former_parent},
        )

    def _reparent(self, app_label: str, state, parent: str) -> None:
        model_state = state.models[app_label, self.name.lower()]
        model_state.bases = tuple(
            parent if isinstance(base, str) and "." in base else base for base in model_state.bases
        )
        pointer = model_state.fields["article_ptr"].clone()
        pointer.remote_field.model = parent
        model_state.fields["article_ptr"] = pointer
        state.reload_model(app_label, self.name.lower(), delay=True)

    def state_forwards(self, app_label, state):
        self._reparent(app_label, state, self.parent)

    def state_backwards(self, app_label, state):
        self._reparent(app_label, state, self.former_parent)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self) -> str:
        return f"Make {self.name} a child of {self.parent}"


def rename_content_types(models: list[str], source: str, target: str):
    """A RunPython function giving the content types of `models` the app `target`, so that
    permissions, groups and the admin's history keep pointing at them after the models moved.

    Where the target already exists too (`migrate` makes a content type for every model it
    knows once it has run, so a migration back and forth leaves one of each), the source's rows
    are the ones with the history: the target's are deleted first."""

    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in models:
            former = ContentType.objects.filter(app_label=source, model=model)
            if former.exists():
                ContentType.objects.filter(app_label=target, model=model).delete()
                former.update(app_label=target)

    return rename
