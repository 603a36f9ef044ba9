"""The admin's pages for revisions, shared by every content type's admin (ArticleAdmin): an
article's history, the comparison of two of its versions, restoring a version, and the
deleted articles with a way to bring one back. Who may do what follows the model's
permissions: seeing history needs view, restoring change, bringing back add; and a restore
that publishes or unpublishes the article needs the publish right as well."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import registry, revisions
from .models import RevisionNote, Status

PUBLISH_PERMISSION = "content.publish_article"
CURRENT = "current"


class CompareForm(forms.Form):
    """Which two versions to compare: revision ids, or "current" for the article as it is."""

    a = forms.CharField(max_length=20)
    b = forms.CharField(max_length=20, required=False)

    def __init__(self, data, choices: set[str]):
        super().__init__(data)
        self.choices = choices

    def _choice(self, name: str) -> str:
        value = self.cleaned_data.get(name) or CURRENT
        if value not in self.choices:
            raise forms.ValidationError(_("Choose versions from the article's history."))
        return value

    def clean_a(self):
        return self._choice("a")

    def clean_b(self):
        return self._choice("b")


def note_label(note: RevisionNote) -> str:
    """What a revision was, in the editor's language: "Published", "Saved: Title (Swedish)"."""
    label = str(note.get_action_display())
    detail = note.detail or {}
    if detail.get("what"):
        return f"{label}: {detail['what']}"
    if detail.get("fields"):
        names = revisions.field_labels(revisions.model_of(note.kind), detail["fields"])
        return f"{label}: {', '.join(names)}"
    return label


class RevisionAdminMixin:
    """History, compare, restore and the deleted articles for an ArticleAdmin."""

    # The kinds this admin lists (NewsAndPagesAdmin: news and pages); None: its model's.
    own_kinds: tuple[str, ...] | None = None

    def revision_kinds(self) -> list[str]:
        if self.own_kinds is not None:
            return list(self.own_kinds)
        return [item.kind for item in registry.content_types() if item.model is self.model]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                wrap(self.restore_view),
                name=f"{prefix}_restore",
            ),
            path("deleted/", wrap(self.deleted_view), name=f"{prefix}_deleted"),
            path(
                "deleted/<int:article_id>/",
                wrap(self.recover_view),
                name=f"{prefix}_recover",
            ),
            *super().get_urls(),
        ]

    def _url(self, name: str, *args) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}",
            args=args,
            current_app=self.admin_site.name,
        )

    def _context(self, request, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "opts": self.opts,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            **extra,
        }

    def _article(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such article."))
        return obj

    def _may_publish_change(self, request, before: str | None, after: str | None) -> bool:
        """Whether the user may make an article's status go from `before` to `after`."""
        crosses = (before == Status.PUBLISHED) != (after == Status.PUBLISHED)
        return not crosses or request.user.has_perm(PUBLISH_PERMISSION)

    # History ------------------------------------------------------------------------------

    def history_view(self, request: HttpRequest, object_id, extra_context=None) -> HttpResponse:
        obj = self._article(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        notes = list(revisions.history(obj.pk)[:200])
        rows = [(note, note_label(note), revisions.note_user(note)) for note in notes]
        context = self._context(
            request,
            _("History: %s") % obj,
            object=obj,
            rows=rows,
            compare_url=self._url("compare", obj.pk),
            can_restore=self.has_change_permission(request, obj),
            current=CURRENT,
            **(extra_context or {}),
        )
        return TemplateResponse(request, "admin/content/revisions.html", context)

    def compare_view(self, request: HttpRequest, object_id) -> HttpResponse:
        obj = self._article(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        notes = {str(note.revision_id): note for note in revisions.history(obj.pk)}
        form = CompareForm(request.GET, {*notes, CURRENT})
        if not form.is_valid():
            messages.error(request, _("Choose two versions from the article's history."))
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                    args=[obj.pk],
                    current_app=self.admin_site.name,
                )
            )
        first, second = form.cleaned_data["a"], form.cleaned_data["b"]
        # Older on the left: by revision id, the article as it is now last.
        ordered = sorted([first, second], key=lambda v: int(v) if v != CURRENT else 10**18)
        sides = []
        for value in ordered:
            if value == CURRENT:
                sides.append((None, revisions.live_snapshot(obj)))
            else:
                sides.append((notes[value], revisions.stored_snapshot(notes[value])))
        (old_note, old), (new_note, new) = sides
        rows = revisions.compare(old, new)
        context = self._context(
            request,
            _("Compare versions: %s") % obj,
            object=obj,
            old_note=old_note,
            new_note=new_note,
            old_label=note_label(old_note) if old_note else _("As it is now"),
            new_label=note_label(new_note) if new_note else _("As it is now"),
            old_user=revisions.note_user(old_note) if old_note else "",
            new_user=revisions.note_user(new_note) if new_note else "",
            changed_rows=[row for row in rows if row.changed],
            unchanged_count=sum(1 for row in rows if not row.changed),
            can_restore=self.has_change_permission(request, obj),
            restore_url=(self._url("restore", obj.pk, old_note.revision_id) if old_note else None),
        )
        return TemplateResponse(request, "admin/content/compare.html", context)

    # Restore ------------------------------------------------------------------------------

    def restore_view(self, request: HttpRequest, object_id, revision_id: int) -> HttpResponse:
        obj = self._article(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        try:
            note = revisions.revision_of(obj.pk, revision_id)
        except RevisionNote.DoesNotExist as exc:
            raise Http404(_("No such version.")) from exc
        old = revisions.stored_snapshot(note)
        if not self._may_publish_change(request, obj.status, old.fields.get("status")):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )
        if request.method == "POST":
            try:
                article, notes = revisions.restore(note, request.user)
            except revisions.RestoreError as exc:
                messages.error(request, str(exc))
                return HttpResponseRedirect(request.path)
            self.log_change(
                request, article, _("Restored the version of %(date)s") % {"date": _date(note)}
            )
            messages.success(
                request,
                _("The version of %(date)s has been restored as a new version.")
                % {"date": _date(note)},
            )
            for text in notes:
                messages.warning(request, text)
            return HttpResponseRedirect(change_url)
        rows = revisions.compare(revisions.live_snapshot(obj), old)
        context = self._context(
            request,
            _("Restore a version: %s") % obj,
            object=obj,
            note=note,
            note_label=note_label(note),
            note_user=revisions.note_user(note),
            changed_rows=[row for row in rows if row.changed],
            change_url=change_url,
        )
        return TemplateResponse(request, "admin/content/restore_confirm.html", context)

    # Deleted articles ---------------------------------------------------------------------

    def deleted_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        notes = revisions.deleted_articles(self.revision_kinds())
        rows = [
            (note, revisions.note_user(note), self._url("recover", note.article_id))
            for note in notes
        ]
        context = self._context(
            request,
            _("Deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            rows=rows,
            can_recover=self.has_add_permission(request),
        )
        return TemplateResponse(request, "admin/content/deleted_list.html", context)

    def recover_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        note = next(
            (
                n
                for n in revisions.deleted_articles(self.revision_kinds())
                if n.article_id == article_id
            ),
            None,
        )
        if note is None:
            raise Http404(_("No such deleted article."))
        old = revisions.stored_snapshot(note)
        if not self._may_publish_change(request, None, old.fields.get("status")):
            raise PermissionDenied
        if request.method == "POST":
            try:
                article, notes = revisions.restore(note, request.user)
            except revisions.RestoreError as exc:
                messages.error(request, str(exc))
                return HttpResponseRedirect(request.path)
            self.log_addition(request, article, _("Restored after deletion"))
            messages.success(request, _("“%(title)s” has been restored.") % {"title": article})
            for text in notes:
                messages.warning(request, text)
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[article.pk],
                    current_app=self.admin_site.name,
                )
            )
        empty = revisions.Snapshot(model=old.model, fields={}, tags=[], images=[], documents=[])
        rows = [row for row in revisions.compare(empty, old) if row.changed]
        context = self._context(
            request,
            _("Restore a deleted article: %s") % note.title,
            note=note,
            note_user=revisions.note_user(note),
            rows=rows,
            deleted_url=self._url("deleted"),
        )
        return TemplateResponse(request, "admin/content/recover_confirm.html", context)


def _date(note: RevisionNote) -> str:
    return formats.date_format(timezone.localtime(note.revision.date_created), "DATETIME_FORMAT")
