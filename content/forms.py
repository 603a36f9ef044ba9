from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infra.i18n import LANGUAGE_NAMES

from . import editing, uploads
from .markdown import render_markdown
from .models import ArticleDocument, ArticleImage, Status


class MarkdownTextarea(forms.Textarea):
    """A Markdown field with its rendering beside it: drawn on the server when the form is
    shown, and on request by the admin's preview address (the same renderer and sanitiser as
    the site). content/js/markdown-preview.js redraws it as the editor types; without
    JavaScript the Preview button shows the unsaved text rendered in a new tab."""

    template_name = "content/widgets/markdown_textarea.html"

    class Media:
        css = {"all": ["content/editor.css"]}
        js = ["content/markdown-preview.js"]

    def __init__(self, preview_url: str = "", attrs=None):
        super().__init__(attrs)
        self.preview_url = preview_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_url"] = self.preview_url
        context["widget"]["preview_html"] = render_markdown(value or "")
        return context


class ArticleAdminForm(forms.ModelForm):
    """The admin form of every content type."""

    # The article's edit version when the form was opened: a save of an article someone else
    # saved since is refused (see content/editing.py).
    opened_version = forms.IntegerField(
        label=_("version when the form was opened"),
        required=False,
        widget=forms.HiddenInput,
        min_value=0,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk and "opened_version" in self.fields:
            self.fields["opened_version"].initial = self.instance.edit_version

    def clean(self):
        cleaned_data = super().clean()
        self._check_version(cleaned_data.get("opened_version"))
        # Publishing without a date means "now"; the date must be there before the database's
        # check (a published article has a date) is validated, so save() is too late for it.
        if (
            cleaned_data.get("status") == Status.PUBLISHED
            and "published_at" in self.fields
            and not cleaned_data.get("published_at")
        ):
            cleaned_data["published_at"] = timezone.now()
        return cleaned_data

    def _check_version(self, opened) -> None:
        if not self.instance.pk or opened is None:
            return
        rows = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        if connection.in_atomic_block:
            # Held until the save commits: a second save waits, then sees this one's version.
            rows = rows.select_for_update()
        current = rows.values_list("edit_version", flat=True).first()
        if current is None or current == opened:
            return
        self.conflict = conflict = editing.conflict_since(self.instance.pk, opened)
        # Shown again with the editor's input and the version now current: saving the merged
        # text goes through.
        data = self.data.copy()
        data[self.add_prefix("opened_version")] = str(current)
        # A text the editor left as it was takes the other editor's new value; one both changed
        # keeps the editor's, to merge by hand.
        for row in conflict.rows:
            if not self._is_plain_text(row.name):
                continue
            key = self.add_prefix(row.name)
            mine = _normalised(data.get(key, ""))
            if mine == _normalised(conflict.base_fields.get(row.name)):
                data[key] = conflict.current_fields.get(row.name) or ""
                conflict.taken.append(row.name)
            elif mine != _normalised(conflict.current_fields.get(row.name)):
                conflict.both.append(row.name)
        self.data = data
        raise ValidationError(conflict.message, code="stale")

    def _is_plain_text(self, name: str) -> bool:
        """A field whose form value is its text (no widget of several parts)."""
        try:
            model_field = self._meta.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - not a field of the model
            return False
        return (
            name in self.fields
            and not self.fields[name].disabled
            and isinstance(model_field, models.CharField | models.TextField)
        )


def _normalised(value) -> str:
    return str(value or "").replace("\r\n", "\n").strip()


class ArticleImageForm(forms.ModelForm):
    """An image on an article: the file is checked and stored under a new name (uploads.py)."""

    upload = forms.FileField(
        label=_("Image file"),
        required=False,
        help_text=_("JPEG, PNG or WebP."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = ArticleImage
        fields = ["upload", "alt_sv", "alt_en", "credit", "position"]

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        self.prepared = None
        if uploaded:
            self.prepared = uploads.prepare_image(uploaded)
        elif not self.instance.pk:
            raise ValidationError(_("Choose an image file."), code="required")
        return uploaded

    def save(self, commit=True):
        image = super().save(commit=False)
        if getattr(self, "prepared", None) is not None:
            image.file.name, image.renditions = uploads.store_image(self.prepared)
            image.width, image.height = self.prepared.width, self.prepared.height
        if commit:
            image.save()
        return image


class ArticleImageFormSet(forms.BaseInlineFormSet):
    """Each image needs alternative text in every language the article is written in."""

    def clean(self):
        super().clean()
        languages = self.instance.languages or ["sv"]
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            for code in languages:
                name = f"alt_{code}"
                if not (form.cleaned_data.get(name) or "").strip():
                    form.add_error(
                        name,
                        _("Describe the image in %(language)s: the article is written in it.")
                        % {"language": str(LANGUAGE_NAMES[code]).lower()},
                    )


class ArticleDocumentForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Document file"),
        required=False,
        help_text=_("PDF, Word (.docx) or OpenDocument text (.odt)."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,.odt,application/pdf,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                "application/vnd.oasis.opendocument.text"
            }
        ),
    )

    class Meta:
        model = ArticleDocument
        fields = ["upload", "title", "language", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Shown on the page. Empty: the file's name.")

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        self.prepared = None
        if uploaded:
            self.prepared = uploads.prepare_document(uploaded)
        elif not self.instance.pk:
            raise ValidationError(_("Choose a document file."), code="required")
        return uploaded

    def clean(self):
        cleaned_data = super().clean()
        uploaded = cleaned_data.get("upload")
        if not (cleaned_data.get("title") or "").strip():
            if uploaded:
                stem = uploaded.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                cleaned_data["title"] = stem.replace("_", " ").strip()[:255] or "Dokument"
            elif self.instance.pk:
                cleaned_data["title"] = self.instance.title
        return cleaned_data

    def save(self, commit=True):
        document = super().save(commit=False)
        prepared = getattr(self, "prepared", None)
        if prepared is not None:
            document.file.name = uploads.store_document(prepared, document.title)
            document.file_type = prepared.file_type
            document.size = prepared.size
            document.text = prepared.text
        if commit:
            document.save()
        return document
