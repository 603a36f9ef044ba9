"""The editors' admin. Every content type's admin is an ArticleAdmin with its own fieldsets."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import models, router, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from infra.i18n import CONTENT_LANGUAGES, LANGUAGE_NAMES

from . import editing, revisions, uploads
from .forms import (
    ArticleAdminForm,
    ArticleDocumentForm,
    ArticleImageForm,
    ArticleImageFormSet,
    MarkdownTextarea,
)
from .markdown import render_markdown
from .models import (
    NEWS,
    PAGE,
    Article,
    ArticleDocument,
    ArticleImage,
    RevisionAction,
    Status,
    TagName,
    english_tag_name,
)
from .registry import kind_choices
from .revision_admin import PUBLISH_PERMISSION, RevisionAdminMixin

# The Markdown fields, previewed beside themselves.
MARKDOWN_FIELDS = {f"body_{code}" for code in CONTENT_LANGUAGES}


def translated_fieldsets(*names):
    """A fieldset for Swedish and one for English, with the per-language fields of `names`."""
    return [
        (_("Swedish"), {"fields": [f"{name}_sv" for name in names]}),
        (_("English"), {"fields": [f"{name}_en" for name in names]}),
    ]


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    form = ArticleImageForm
    formset = ArticleImageFormSet
    extra = 0
    fields = ["preview", "upload", "alt_sv", "alt_en", "credit", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("image"))
    def preview(self, image: ArticleImage) -> str:
        if not image.pk or not image.file:
            return ""
        small = image.renditions[0]["name"] if image.renditions else image.file.name
        return format_html(
            '<img class="admin-thumbnail" src="{}" alt="{}" width="120">',
            default_storage.url(small),
            image.alt,
        )


class ArticleDocumentInline(admin.TabularInline):
    model = ArticleDocument
    form = ArticleDocumentForm
    extra = 0
    fields = ["current_file", "upload", "title", "language", "position"]
    readonly_fields = ["current_file"]

    @admin.display(description=_("file"))
    def current_file(self, document: ArticleDocument) -> str:
        if not document.pk or not document.file:
            return ""
        return format_html(
            '<a href="{}">{}</a> ({}, {})',
            document.url,
            document.file.name.rsplit("/", 1)[-1],
            document.get_file_type_display(),
            filesizeformat(document.size),
        )


class ArticleAdmin(RevisionAdminMixin, admin.ModelAdmin):
    """What every content type's admin shares: lists, filters, search, publishing, revisions,
    images and documents, the Markdown preview, the version check."""

    form = ArticleAdminForm
    # A link typed without a scheme is read as https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ArticleImageInline, ArticleDocumentInline]
    change_form_template = "admin/content/article_change_form.html"
    change_list_template = "admin/content/article_change_list.html"

    list_display = ["__str__", "shown_status", "published_at", "updated_at"]
    list_filter = ["status", "kind", ("tags", admin.RelatedOnlyFieldListFilter), "regions"]
    search_fields = ["title_sv", "title_en", "summary_sv", "summary_en", "slug"]
    prepopulated_fields = {"slug": ["title_sv"]}
    filter_horizontal = ["regions", "municipalities", "related_articles"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    readonly_fields = ["created_at", "updated_at", "author"]
    list_per_page = 50
    save_on_top = True

    publishing_fieldset = (
        _("Publishing"),
        {
            "fields": [
                "opened_version",
                "slug",
                "status",
                "published_at",
                "last_reviewed_at",
                "author",
                "created_at",
                "updated_at",
            ]
        },
    )
    text_fieldsets = translated_fieldsets("title", "summary", "body")
    classification_fieldset = (
        _("Tags and geography"),
        {"fields": ["tags", "regions", "municipalities", "related_articles"]},
    )
    # Subclasses list the fieldsets of their own fields here.
    type_fieldsets: list = []

    def get_fieldsets(self, request, obj=None):
        return [
            self.publishing_fieldset,
            *self.text_fieldsets,
            *self.type_fieldsets,
            self.classification_fieldset,
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description=_("status"), ordering="status")
    def shown_status(self, article: Article) -> str:
        """The status, and "Scheduled" for a published article whose date is still ahead."""
        if article.status == Status.PUBLISHED and article.published_at > timezone.now():
            return gettext("Scheduled")
        return article.get_status_display()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in MARKDOWN_FIELDS:
            kwargs["widget"] = MarkdownTextarea(preview_url=self._preview_url())
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _preview_url(self) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_preview",
            current_app=self.admin_site.name,
        )

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{prefix}_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        """The Markdown fields of a form rendered as the site renders them, not saved: as JSON
        for the preview script, else as a page (the Preview button without JavaScript)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponse(status=405, headers={"Allow": "POST"})
        rendered = {
            code: render_markdown(request.POST.get(f"body_{code}", "")[:200_000])
            for code in CONTENT_LANGUAGES
        }
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse(rendered)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Preview"),
            "opts": self.opts,
            "previews": [
                (code, LANGUAGE_NAMES[code], rendered[code]) for code in CONTENT_LANGUAGES
            ],
        }
        return TemplateResponse(request, "admin/content/preview.html", context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if request.method == "POST":
            # The revision is taken once the article, its tags, links and files are saved, in
            # the same transaction; files written for a save that fails are removed again.
            with (
                uploads.removed_on_failure(),
                transaction.atomic(using=router.db_for_write(self.model)),
                revisions.recording(request.user),
            ):
                response = super().changeform_view(request, object_id, form_url, extra_context)
            if object_id and object_id.isdigit() and response.status_code == 302:
                editing.closed(request.user, int(object_id))
            return response
        if object_id and object_id.isdigit():
            extra_context["other_editors"] = editing.opened(request.user, int(object_id))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        conflict = getattr(form, "conflict", None)
        if conflict is not None and obj is not None:
            context["conflict"] = conflict
            history = f"admin:{self.opts.app_label}_{self.opts.model_name}_compare"
            if conflict.base is not None:
                context["conflict_compare_url"] = (
                    reverse(history, args=[obj.pk], current_app=self.admin_site.name)
                    + f"?a={conflict.base.revision_id}&b=current"
                )
        if obj is not None:
            context["history_url"] = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                args=[obj.pk],
                current_app=self.admin_site.name,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "deleted_url": self._url("deleted"),
        }
        return super().changelist_view(request, extra_context)

    def delete_model(self, request, obj):
        with revisions.recording(request.user, RevisionAction.DELETED):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with revisions.recording(request.user, RevisionAction.DELETED):
            super().delete_queryset(request, queryset)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(PUBLISH_PERMISSION):
            # The date decides when a published article goes live, so it is part of publishing;
            # and a published article may be edited, but not taken offline, without the right.
            fields.append("published_at")
            if obj is not None and obj.status == Status.PUBLISHED:
                fields.append("status")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        # Only those who may publish are offered "Published".
        if db_field.name == "status" and not request.user.has_perm(PUBLISH_PERMISSION):
            kwargs["choices"] = [c for c in Status.choices if c[0] != Status.PUBLISHED]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data and not request.user.has_perm(PUBLISH_PERMISSION):
            previous = type(obj).objects.filter(pk=obj.pk).values_list("status", flat=True).first()
            if Status.PUBLISHED in (obj.status, previous):
                raise PermissionDenied
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.action(
        description=_("Publish the selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        self._set_status(request, queryset, publish=True)

    @admin.action(
        description=_("Unpublish the selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, publish=False)

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def _set_status(self, request, queryset, publish: bool) -> None:
        now = timezone.now()
        # A filtered change list may be DISTINCT (tags), which PostgreSQL refuses to lock.
        pks = list(queryset.values_list("pk", flat=True))
        action = RevisionAction.PUBLISHED if publish else RevisionAction.UNPUBLISHED
        with transaction.atomic(), revisions.recording(request.user, action):
            # Saved one by one, so each article's save() (and anything that follows saves) runs.
            for article in queryset.model._default_manager.filter(pk__in=pks).select_for_update():
                if publish:
                    article.publish(when=now)
                else:
                    article.unpublish()
                article.save()
                self.log_change(request, article, str(action.label))
        count = len(pks)
        if publish:
            text = ngettext("%d article published.", "%d articles published.", count)
        else:
            text = ngettext("%d article unpublished.", "%d articles unpublished.", count)
        self.message_user(request, text % count, messages.SUCCESS)


@admin.register(Article)
class NewsAndPagesAdmin(ArticleAdmin):
    """News and information pages are plain articles; the other types have their own admin."""

    list_display = ["__str__", "kind", "shown_status", "published_at", "updated_at"]
    list_filter = ["status", "kind", ("tags", admin.RelatedOnlyFieldListFilter), "regions"]
    # A news item's own date ("Publicerad 28 oktober 2022"), shown with it; pages have none.
    type_fieldsets = [(_("Content type"), {"fields": ["kind", "dated_on"]})]
    own_kinds = (NEWS, PAGE)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind__in=self.own_kinds)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [c for c in kind_choices() if c[0] in self.own_kinds]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class TagNameInline(admin.StackedInline):
    model = TagName
    can_delete = True
    verbose_name_plural = _("Name in English")


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    """taggit's tag admin with the English name (its own inline lists taggit's generic tagged
    items, which this site does not use: articles are tagged through TaggedArticle)."""

    inlines = [TagNameInline]
    list_display = ["name", "english_name", "slug"]
    list_select_related = ["english"]

    @admin.display(description=_("name in English"), ordering="english__name")
    def english_name(self, tag: Tag) -> str:
        return english_tag_name(tag)
