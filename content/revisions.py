"""Revisions of articles: every save, publication, restore and deletion keeps the article's full
content (both languages, its type's fields, tags, links, images and documents), who did it and
when, so that any two versions can be compared and any version restored.

django-reversion stores them: one revision per article and change, holding a serialized version
of each row that makes up the article (Article, its content type's row, its TaggedArticle rows
and their tags, its images and documents, the rows of its type's own ordered links). It is told
about every content type in the registry, so a new type or field is versioned without more work.
A RevisionNote beside each revision says which article and what was done.

A revision is taken once a change is complete, not at each save: the admin saves an article,
then its tags and links, and a version taken at the first save would miss them. Inside
`recording()` (the admin's views) the articles changed are noted and taken at its end, in the
same transaction; outside (the shell, imports, a user's proposal), after the commit. A deletion
is taken just before the rows go, so a deleted article can be found and restored.
"""

from __future__ import annotations

import datetime
import difflib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.models import Revision
from taggit.managers import TaggableManager
from taggit.models import Tag

from . import registry
from .models import (
    Article,
    ArticleDocument,
    ArticleImage,
    RevisionAction,
    RevisionNote,
    Status,
    TaggedArticle,
)

logger = logging.getLogger(__name__)

# Rows of an article's own that are versioned with it (each has a foreign key to Article).
OWNED_MODELS = (TaggedArticle, ArticleImage, ArticleDocument)


def _written_by_editors(model_field: models.Field) -> bool:
    """Whether comparisons show and restores set the field. Those no form edits (dates of
    creation and change, the save count, the rendered HTML, flags and texts derived on save)
    say nothing an editor wrote: a save derives them again."""
    return model_field.editable


class RestoreError(Exception):
    """A version cannot be restored as it is; the message says why, for the editor."""


# Registration -----------------------------------------------------------------------------

_registered_generation = -1


def _chain(model: type[models.Model]) -> list[type[models.Model]]:
    """The model and its concrete parents, Article first."""
    return [
        *reversed(
            [parent for parent in model._meta.get_parent_list() if not parent._meta.abstract]
        ),
        model,
    ]


def _owned_through_models(model) -> list[tuple[type[models.Model], str]]:
    """(through model, accessor from `model`) of `model`'s own many-to-many fields with a
    through model of their own (an ordered list of authors), whose rows are its content."""
    found = []
    for many in model._meta.local_many_to_many:
        through = many.remote_field.through
        if isinstance(many, TaggableManager) or through._meta.auto_created:
            continue
        link = next(
            f
            for f in through._meta.fields
            if f.is_relation and f.related_model is model and f.remote_field is not None
        )
        found.append((through, link.remote_field.get_accessor_name()))
    return found


def ensure_registered() -> None:
    """Tell django-reversion about Article, its own rows and every registered content type
    (again when the registry has changed: tests register types of their own)."""
    global _registered_generation
    if _registered_generation == registry.generation():
        return
    if not reversion.is_registered(Tag):
        reversion.register(Tag, fields=["name", "slug"])
        reversion.register(TaggedArticle, follow=["tag"])
        reversion.register(ArticleImage)
        reversion.register(ArticleDocument)
        reversion.register(
            Article, exclude=["tags"], follow=["taggedarticle_set", "images", "documents"]
        )
    for content_type in registry.content_types():
        for model in _chain(content_type.model)[1:]:
            if reversion.is_registered(model):
                continue
            follow = [model._meta.parents[parent].name for parent in model._meta.parents]
            for through, accessor in _owned_through_models(model):
                if not reversion.is_registered(through):
                    reversion.register(through)
                follow.append(accessor)
            for name in content_type.revision_follow:
                related = model._meta.get_field(name).related_model
                if not reversion.is_registered(related):
                    reversion.register(related)
                follow.append(name)
            reversion.register(model, follow=follow)
    _registered_generation = registry.generation()


def concrete(article: Article) -> Article:
    """The article as its content type's model (a Method, not its Article row)."""
    model = model_of(article.kind)
    if type(article) is model:
        return article
    return model._base_manager.get(pk=article.pk)


def model_of(kind: str) -> type[models.Model]:
    try:
        return registry.get(kind).model
    except KeyError:
        return Article


# Recording --------------------------------------------------------------------------------


@dataclass
class _Recording:
    user: Any
    action: str
    detail: dict
    # The articles changed, in order: True for those changed themselves, False for those whose
    # links changed from the other side (a restored article's related article).
    changed: dict[int, bool] = field(default_factory=dict)
    # Each changed article's status before the block's first save of it.
    status_before: dict[int, str] = field(default_factory=dict)


_current: ContextVar[_Recording | None] = ContextVar("revision_recording", default=None)


@contextmanager
def recording(user, action: str = RevisionAction.SAVED, detail: dict | None = None):
    """Take a revision, by `user`, of each article changed inside, when the block ends
    (nothing if it raises). Nested blocks add their articles to the outer one."""
    if _current.get() is not None:
        yield
        return
    state = _Recording(user=user, action=action, detail=dict(detail or {}))
    token = _current.set(state)
    try:
        yield
        for pk, itself in state.changed.items():
            action, detail = (state.action, state.detail) if itself else (RevisionAction.SAVED, {})
            record(pk, state.user, action, detail, state.status_before.get(pk))
    finally:
        _current.reset(token)


def current_user():
    state = _current.get()
    return state.user if state is not None else None


class _AfterCommit:
    """The articles changed outside `recording()` in one transaction, taken after it commits."""

    def __init__(self):
        self.changed: dict[int, None] = {}
        self.done = False

    def __call__(self):
        self.done = True
        for pk in self.changed:
            try:
                # An import run again saves every article: only a change is a new version.
                record(pk, None, RevisionAction.SAVED, {}, only_if_changed=True)
            except Exception:  # the change is committed; a missing revision must not undo it
                logger.exception("no revision taken of article %s", pk)


def _changed(pks: Iterable[int], itself: bool = True) -> None:
    state = _current.get()
    if state is not None:
        for pk in pks:
            state.changed[pk] = state.changed.get(pk, False) or itself
        return
    connection = transaction.get_connection()
    pending = next(
        (
            entry[1]
            for entry in connection.run_on_commit
            if isinstance(entry[1], _AfterCommit) and not entry[1].done
        ),
        None,
    )
    if pending is None:
        pending = _AfterCommit()
        pending.changed.update(dict.fromkeys(pks))
        transaction.on_commit(pending)
    else:
        pending.changed.update(dict.fromkeys(pks))


def _saving(sender, instance, raw=False, **kwargs) -> None:
    state = _current.get()
    if state is None or raw or not isinstance(instance, Article) or instance.pk is None:
        return
    if instance.pk not in state.status_before:
        status = Article._base_manager.filter(pk=instance.pk).values_list("status", flat=True)
        state.status_before[instance.pk] = status.first()


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if isinstance(instance, Article):
        _changed([instance.pk])
    elif isinstance(instance, OWNED_MODELS) or _owned_by(sender):
        article_id = _article_of(instance)
        if article_id is not None:
            _changed([article_id])


_owned_cache: tuple[int, frozenset] = (-1, frozenset())


def _owned_by(model) -> bool:
    """Whether `model` is the through model of a content type's own ordered links."""
    global _owned_cache
    generation, owned = _owned_cache
    if generation != registry.generation():
        owned = frozenset(
            through
            for content_type in registry.content_types()
            for item in _chain(content_type.model)[1:]
            for through, _accessor in _owned_through_models(item)
        )
        _owned_cache = (registry.generation(), owned)
    return model in owned


def _article_of(row) -> int | None:
    for model_field in row._meta.fields:
        related = model_field.related_model if model_field.is_relation else None
        if related is not None and issubclass(related, Article):
            return getattr(row, model_field.attname)
    return None


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        _changed([instance.pk])
    # The other side's articles changed too (a related article, or a region's articles).
    if issubclass(model, Article) and pk_set:
        _changed(pk_set, itself=False)


def _deleting(sender, instance, **kwargs) -> None:
    """Take the article's last version before its rows go (once, by its own type's row)."""
    if isinstance(instance, Article) and type(instance) is model_of(instance.kind):
        record(instance.pk, current_user(), RevisionAction.DELETED, {})


def connect_signals() -> None:
    """Called once from ContentConfig.ready()."""
    pre_save.connect(_saving, dispatch_uid="revisions-before-save")
    post_save.connect(_saved, dispatch_uid="revisions-save")
    post_delete.connect(_saved, dispatch_uid="revisions-owned-delete")
    m2m_changed.connect(_links_changed, dispatch_uid="revisions-links")
    pre_delete.connect(_deleting, dispatch_uid="revisions-delete")


def record(
    pk: int,
    user=None,
    action: str = RevisionAction.SAVED,
    detail: dict | None = None,
    status_before: str | None = None,
    only_if_changed: bool = False,
):
    """Take a revision of the article as it is now; None if it is gone. A save that changed
    the status to or from published (`status_before`, else as the last revision had it) is
    kept as a publication or unpublication."""
    ensure_registered()
    row = Article._base_manager.filter(pk=pk).first()
    if row is None:
        return None
    article = concrete(row)
    detail = dict(detail or {})
    previous = latest_note(pk)
    if action == RevisionAction.SAVED:
        detail["fields"] = changed_fields(previous, article) if previous is not None else []
        if only_if_changed and previous is not None and not detail["fields"]:
            return previous
        if status_before is None and previous is not None:
            status_before = stored_snapshot(previous).fields.get("status")
        if status_before is not None and status_before != article.status:
            if article.status == Status.PUBLISHED:
                action = RevisionAction.PUBLISHED
            elif status_before == Status.PUBLISHED:
                action = RevisionAction.UNPUBLISHED
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(action)
        reversion.add_meta(
            RevisionNote,
            article_id=pk,
            kind=article.kind,
            title=str(article)[:255],
            action=action,
            detail=detail,
            edit_version=article.edit_version,
        )
    return latest_note(pk)


def forget(pks: Iterable[int]) -> None:
    """Delete every revision of these articles (an account deleted with the proposals it made:
    nothing of them may stay)."""
    Revision.objects.filter(note__article_id__in=list(pks)).delete()


def record_event(article: Article, user, action: str, what: str = "") -> None:
    """A revision that marks something done to the article without changing its text (a
    registry entry approved): its history shows it, with the content as it then was."""
    record(article.pk, user, action, {"what": what} if what else {})


# Reading ----------------------------------------------------------------------------------


def history(pk: int):
    """The article's revisions, newest first."""
    return (
        RevisionNote.objects.filter(article_id=pk)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def latest_note(pk: int) -> RevisionNote | None:
    return history(pk).first()


def deleted_articles(kinds: Iterable[str] | None = None):
    """The last revision of each deleted article (of `kinds`), newest first."""
    notes = RevisionNote.objects.filter(action=RevisionAction.DELETED).exclude(
        article_id__in=Article._base_manager.values("pk")
    )
    if kinds is not None:
        notes = notes.filter(kind__in=list(kinds))
    latest = {}
    for note in notes.select_related("revision__user").order_by("-revision__date_created", "-pk"):
        latest.setdefault(note.article_id, note)
    return list(latest.values())


@dataclass
class Snapshot:
    """An article's content in one revision, or as it is now (revision None)."""

    model: type[models.Model]
    # attname → value of each field of the article's rows; many-to-many fields by name,
    # as sorted lists of ids.
    fields: dict[str, Any]
    tags: list[str]
    images: list[dict]
    documents: list[dict]
    # Each through model's rows of the type's own ordered links, by accessor.
    owned: dict[str, list[dict]] = field(default_factory=dict)
    note: RevisionNote | None = None


def _fields_of(model) -> Iterator[models.Field]:
    """The fields of the article's rows that revisions keep, Article's first."""
    for item in _chain(model):
        for model_field in item._meta.local_fields:
            if model_field.primary_key or getattr(model_field.remote_field, "parent_link", False):
                continue
            yield model_field
    for item in _chain(model):
        for many in item._meta.local_many_to_many:
            if (
                not isinstance(many, TaggableManager)
                and many.remote_field.through._meta.auto_created
            ):
                yield many


def live_snapshot(article: Article) -> Snapshot:
    article = concrete(article)
    fields = {}
    for model_field in _fields_of(type(article)):
        if model_field.many_to_many:
            fields[model_field.name] = sorted(
                getattr(article, model_field.name).values_list("pk", flat=True)
            )
        else:
            fields[model_field.attname] = getattr(article, model_field.attname)
    owned = {}
    for item in _chain(type(article))[1:]:
        for _through, accessor in _owned_through_models(item):
            owned[accessor] = [
                _row_dict(row) for row in getattr(article, accessor).all().order_by("pk")
            ]
    return Snapshot(
        model=type(article),
        fields=fields,
        tags=sorted(article.tags.values_list("name", flat=True), key=str.lower),
        images=[_row_dict(image) for image in article.images.all()],
        documents=[_row_dict(document) for document in article.documents.all()],
        owned=owned,
    )


def _row_dict(row) -> dict:
    return {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}


def stored_snapshot(note: RevisionNote) -> Snapshot:
    """The article as the revision of `note` keeps it."""
    ensure_registered()
    model = model_of(note.kind)
    versions = list(note.revision.version_set.select_related("content_type"))
    by_model: dict[type, list] = {}
    for version in versions:
        by_model.setdefault(version.content_type.model_class(), []).append(version)
    main = next(
        (v for v in by_model.get(model, []) if v.object_id == str(note.article_id)),
        None,
    )
    if main is None:  # a type no longer registered: its Article row at least
        model = Article
        main = next(v for v in by_model[Article] if v.object_id == str(note.article_id))
    stored = main.field_dict
    fields = {}
    for model_field in _fields_of(model):
        key = model_field.name if model_field.many_to_many else model_field.attname
        value = stored.get(model_field.attname, stored.get(model_field.name))
        if model_field.many_to_many:
            value = sorted(value or [])
        fields[key] = value
    tag_names = {
        int(version.object_id): version.field_dict["name"] for version in by_model.get(Tag, [])
    }
    tags = []
    for version in by_model.get(TaggedArticle, []):
        link = version.field_dict
        if link.get("content_object_id") == note.article_id:
            name = tag_names.get(link["tag_id"])
            if name is None:
                name = Tag.objects.filter(pk=link["tag_id"]).values_list("name", flat=True).first()
            if name:
                tags.append(name)

    def rows(row_model, link_name="article_id"):
        found = [v.field_dict for v in by_model.get(row_model, [])]
        return sorted(
            (row for row in found if row.get(link_name) == note.article_id),
            key=lambda row: (row.get("position", 0), row.get("id", 0)),
        )

    owned = {}
    for item in _chain(model)[1:]:
        for through, accessor in _owned_through_models(item):
            link = next(
                f for f in through._meta.fields if f.is_relation and f.related_model is item
            )
            owned[accessor] = sorted(
                (
                    version.field_dict
                    for version in by_model.get(through, [])
                    if version.field_dict.get(link.attname) == note.article_id
                ),
                key=lambda row: row.get("id", 0),
            )
    return Snapshot(
        model=model,
        fields=fields,
        tags=sorted(tags, key=str.lower),
        images=rows(ArticleImage),
        documents=rows(ArticleDocument),
        owned=owned,
        note=note,
    )


# Comparing --------------------------------------------------------------------------------


@dataclass
class Row:
    """One field of two versions, as an editor reads it."""

    name: str
    label: str
    old: str
    new: str
    changed: bool
    # For long texts: the new text with the words removed and added marked.
    diff: SafeString | None = None


def _empty() -> str:
    return _("(empty)")


def _display(model_field: models.Field, value, shown: Callable[[Any], str] | None = None) -> str:
    """The value as an editor reads it; `shown` is its content type's way, if it has one."""
    if value in (None, "", []):
        return _empty()
    if shown is not None:
        return shown(value)
    if model_field.many_to_many:
        related = model_field.related_model
        names = {obj.pk: str(obj) for obj in related._base_manager.filter(pk__in=value)}
        return ", ".join(names.get(pk, _("%(id)s (deleted)") % {"id": pk}) for pk in value)
    if model_field.is_relation:
        obj = model_field.related_model._base_manager.filter(pk=value).first()
        return str(obj) if obj is not None else _("%(id)s (deleted)") % {"id": value}
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, str) and isinstance(model_field, models.DateTimeField):
        value = models.DateTimeField().to_python(value)
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(model_field, models.DateField) and not isinstance(value, str):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _shown_by_type(model: type[models.Model]) -> dict[str, Callable[[Any], str]]:
    """How the content types read as `model` show their fields (registry `revision_display`)."""
    shown = {}
    for content_type in registry.content_types():
        if content_type.model is model:
            shown.update(content_type.revision_display)
    return shown


def word_diff(old: str, new: str) -> SafeString:
    """`new` with the words `old` had and it lacks in <del>, and its new words in <ins>."""
    before, after = old.split(" "), new.split(" ")
    pieces = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(
        None, before, after, autojunk=False
    ).get_opcodes():
        if op == "equal":
            pieces.append(escape(" ".join(before[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(f"<del>{escape(' '.join(before[a1:a2]))}</del>")
        if b2 > b1:
            pieces.append(f"<ins>{escape(' '.join(after[b1:b2]))}</ins>")
    return mark_safe(" ".join(pieces))  # noqa: S308 - every piece escaped


def _image_lines(rows: list[dict]) -> str:
    return (
        "\n".join(
            f"{row.get('alt_sv') or row.get('alt_en') or _empty()} ({row.get('file', '')})"
            for row in rows
        )
        or _empty()
    )


def _document_lines(rows: list[dict]) -> str:
    return (
        "\n".join(
            f"{row.get('title', '')} ({(row.get('file_type') or '').upper()}, {filesizeformat(row.get('size') or 0)})"
            for row in rows
        )
        or _empty()
    )


def _owned_lines(rows: list[dict]) -> str:
    return (
        "\n".join(
            ", ".join(f"{key}: {value}" for key, value in row.items() if key != "id")
            for row in rows
        )
        or _empty()
    )


def compare(old: Snapshot, new: Snapshot) -> list[Row]:
    """Every field of the two versions, in the order of the newer one's type."""
    result = []
    model = new.model
    shown = _shown_by_type(model)
    for model_field in _fields_of(model):
        if not _written_by_editors(model_field):
            continue
        key = model_field.name if model_field.many_to_many else model_field.attname
        before, after = old.fields.get(key), new.fields.get(key)
        if model_field.many_to_many:
            before, after = sorted(before or []), sorted(after or [])
        changed = _normalised(before) != _normalised(after)
        how = shown.get(model_field.name)
        old_text = _display(model_field, before, how)
        new_text = _display(model_field, after, how)
        diff = None
        if changed and isinstance(model_field, models.TextField) and before and after:
            diff = word_diff(str(before), str(after))
        result.append(
            Row(
                model_field.name,
                capfirst(str(model_field.verbose_name)),
                old_text,
                new_text,
                changed,
                diff,
            )
        )
    extras = [
        ("tags", _("Tags"), ", ".join(old.tags) or _empty(), ", ".join(new.tags) or _empty()),
        ("images", _("Images"), _image_lines(old.images), _image_lines(new.images)),
        (
            "documents",
            _("Documents"),
            _document_lines(old.documents),
            _document_lines(new.documents),
        ),
    ]
    for accessor in sorted(set(old.owned) | set(new.owned)):
        extras.append(
            (
                accessor,
                capfirst(accessor.replace("_", " ")),
                _owned_lines(old.owned.get(accessor, [])),
                _owned_lines(new.owned.get(accessor, [])),
            )
        )
    for name, label, before, after in extras:
        result.append(Row(name, str(label), before, after, before != after))
    return result


def _normalised(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, datetime.datetime):
        # The admin's form keeps whole seconds: a save that kept the time changed no time.
        return value.replace(microsecond=0)
    return value


def changed_fields(note: RevisionNote, article: Article) -> list[str]:
    """The names of the fields that differ between the revision of `note` and `article` now."""
    return [
        row.name for row in compare(stored_snapshot(note), live_snapshot(article)) if row.changed
    ]


def field_labels(model: type[models.Model], names: Iterable[str]) -> list[str]:
    labels = {"tags": _("Tags"), "images": _("Images"), "documents": _("Documents")}
    result = []
    for name in names:
        if name in labels:
            result.append(str(labels[name]))
            continue
        try:
            result.append(capfirst(str(model._meta.get_field(name).verbose_name)))
        except Exception:  # noqa: BLE001 - a field removed since
            result.append(name)
    return result


# Restoring --------------------------------------------------------------------------------


def _existing(model, pks) -> list:
    return list(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))


def restore(note: RevisionNote, user) -> tuple[Article, list[str]]:
    """Make the article as the revision of `note` keeps it, as a new revision by `user`
    (recreating it if it was deleted). Returns the article and what could not be brought back
    (a region deleted since, a file gone from storage). Raises RestoreError if it cannot be
    restored at all."""
    snapshot = stored_snapshot(note)
    model = snapshot.model
    pk = note.article_id
    notes: list[str] = []
    existing = model._base_manager.filter(pk=pk).first()
    if existing is None and Article._base_manager.filter(pk=pk).exists():
        raise RestoreError(_("The article is now of another content type."))
    slug = snapshot.fields.get("slug")
    if Article._base_manager.filter(slug=slug).exclude(pk=pk).exists():
        raise RestoreError(
            _("Another article now has the address “%(slug)s”: change its slug first.")
            % {"slug": slug}
        )
    action = RevisionAction.RESTORED if existing is not None else RevisionAction.RECOVERED
    detail = {"from": note.revision_id, "date": note.revision.date_created.isoformat()}
    with transaction.atomic(), recording(user, action, detail):
        article = existing or model(pk=pk)
        if existing is None:
            for item in _chain(model)[1:]:
                for parent_field in item._meta.parents.values():
                    setattr(article, parent_field.attname, pk)
            last = latest_note(pk)
            article.edit_version = last.edit_version if last else 0
        many = []
        for model_field in _fields_of(model):
            if not _written_by_editors(model_field):
                continue
            if model_field.many_to_many:
                many.append(model_field)
                continue
            value = snapshot.fields.get(model_field.attname)
            linked = model_field.is_relation and value is not None
            if linked and not _existing(model_field.related_model, [value]):
                label = capfirst(str(model_field.verbose_name))
                if not model_field.null:
                    raise RestoreError(
                        _("%(field)s of that version no longer exists.") % {"field": label}
                    )
                notes.append(
                    _("%(field)s of that version no longer exists: left empty.") % {"field": label}
                )
                value = None
            if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
                value = model_field.to_python(value)
            setattr(article, model_field.attname, value)
        article.save()
        for model_field in many:
            wanted = snapshot.fields.get(model_field.name) or []
            found = _existing(model_field.related_model, wanted)
            if len(found) < len(wanted):
                notes.append(
                    _("Some of the %(field)s of that version no longer exist.")
                    % {"field": str(model_field.verbose_name)}
                )
            getattr(article, model_field.name).set(found)
        article.tags.set(snapshot.tags)
        notes += _restore_rows(article, ArticleImage, snapshot.images, "images")
        notes += _restore_rows(article, ArticleDocument, snapshot.documents, "documents")
        for accessor, rows in snapshot.owned.items():
            through = getattr(article, accessor).model
            notes += _restore_rows(article, through, rows, accessor)
    return article, notes


def _restore_rows(article, row_model, rows: list[dict], accessor: str) -> list[str]:
    """Make the article's rows of `row_model` those of the version (by id), leaving out a row
    whose file is gone from storage or whose link target no longer exists."""
    notes = []
    keep = []
    for row in rows:
        file_name = row.get("file")
        if file_name and not default_storage.exists(file_name):
            notes.append(
                _("A file of that version is gone from storage: %(name)s") % {"name": file_name}
            )
            continue
        values = {}
        missing = False
        for model_field in row_model._meta.concrete_fields:
            if model_field.attname not in row:
                continue
            value = row[model_field.attname]
            related = model_field.related_model if model_field.is_relation else None
            if (
                related is not None
                and value is not None
                and not issubclass(related, Article)
                and not _existing(related, [value])
            ):
                missing = True
            values[model_field.attname] = value
        if missing:
            notes.append(_("A linked row of that version no longer exists."))
            continue
        instance = row_model(**values)
        instance.save()
        keep.append(instance.pk)
    getattr(article, accessor).exclude(pk__in=keep).delete()
    return notes


def revision_of(pk: int, revision_id: int) -> RevisionNote:
    return RevisionNote.objects.select_related("revision__user").get(
        article_id=pk, revision_id=revision_id
    )


def note_user(note: RevisionNote) -> str:
    user = note.revision.user
    if user is None:
        return _("the system") if note.revision.user_id is None else _("a deleted user")
    return user.get_full_name() or user.get_username()
