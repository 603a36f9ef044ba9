"""Two editors on one article: the optimistic version check's report of what changed since a
form was opened, and the notice that someone else has the article open.

The admin form carries the article's edit version from when it was opened; a save at another
version is refused (ArticleAdminForm.clean) with a Conflict saying who saved it since, when and
which fields, the editor's input kept in the form to merge by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import caches
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import revisions
from .models import Article, RevisionNote

# An editor counts as having an article open this long after opening its form.
EDITING_SECONDS = 15 * 60


@dataclass
class Conflict:
    """What happened to an article after a form was opened at version `opened`."""

    saved_by: list[str]
    saved_at: datetime | None
    rows: list[revisions.Row]
    # The revision the form was opened at (None if it was never taken) and the newest one.
    base: RevisionNote | None
    latest: RevisionNote | None
    # The fields as they were when the form was opened, and as they are now.
    base_fields: dict = field(default_factory=dict)
    current_fields: dict = field(default_factory=dict)
    # The names of the fields whose new value was put into the form (the editor had not
    # changed them), and of those both changed (the editor's text kept, to merge by hand).
    taken: list[str] = field(default_factory=list)
    both: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        who = ", ".join(self.saved_by) or _("Another editor")
        when = (
            formats.date_format(timezone.localtime(self.saved_at), "DATETIME_FORMAT")
            if self.saved_at
            else ""
        )
        if self.rows:
            what = ", ".join(row.label for row in self.rows)
            text = _(
                "%(who)s saved this article at %(when)s, after you opened it, and changed: "
                "%(what)s."
            ) % {"who": who, "when": when, "what": what}
        elif when:
            text = _("%(who)s saved this article at %(when)s, after you opened it.") % {
                "who": who,
                "when": when,
            }
        else:
            text = _("Someone saved this article after you opened it.")
        text += " " + _(
            "Your changes have not been saved, and nothing you typed is lost: it is in the form "
            "below. Compare with their version, merge by hand and save again."
        )
        if self.taken:
            labels = [row.label for row in self.rows if row.name in self.taken]
            text += " " + _(
                "The form now holds their version of what you had not changed: %(fields)s."
            ) % {"fields": ", ".join(labels)}
        return text


def conflict_since(pk: int, opened: int) -> Conflict:
    article = Article._base_manager.get(pk=pk)
    notes = revisions.history(pk)
    since = list(notes.filter(edit_version__gt=opened))
    base = notes.filter(edit_version__lte=opened).first()
    rows = []
    base_fields, current_fields = {}, {}
    if base is not None:
        before, now = revisions.stored_snapshot(base), revisions.live_snapshot(article)
        base_fields, current_fields = before.fields, now.fields
        rows = [row for row in revisions.compare(before, now) if row.changed]
    names = list(dict.fromkeys(revisions.note_user(note) for note in reversed(since)))
    latest = since[0] if since else None
    return Conflict(
        saved_by=names,
        saved_at=latest.revision.date_created if latest else article.updated_at,
        rows=rows,
        base=base,
        latest=latest,
        base_fields=base_fields,
        current_fields=current_fields,
    )


def _key(pk: int) -> str:
    return f"content:editing:{pk}"


def _store():
    # The cache every worker process reads (infra.cache): the notice holds across workers.
    return caches["shared"]


def opened(user, pk: int) -> list[tuple[str, datetime]]:
    """Note that `user` has opened the article; the others who have it open, and since when."""
    store = _store()
    now = timezone.now()
    entries = {
        user_id: (name, since)
        for user_id, (name, since) in (store.get(_key(pk)) or {}).items()
        if (now - since).total_seconds() < EDITING_SECONDS
    }
    others = [(name, since) for user_id, (name, since) in entries.items() if user_id != user.pk]
    entries[user.pk] = (user.get_full_name() or user.get_username(), now)
    store.set(_key(pk), entries, EDITING_SECONDS)
    return sorted(others, key=lambda item: item[1])


def closed(user, pk: int) -> None:
    """`user` saved or left the article."""
    store = _store()
    entries = store.get(_key(pk)) or {}
    if user.pk in entries:
        entries.pop(user.pk)
        store.set(_key(pk), entries, EDITING_SECONDS)
