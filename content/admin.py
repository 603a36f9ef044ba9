"""The editors' admin. Every content type's admin is an ArticleAdmin with its own fieldsets."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from .forms import ArticleAdminForm
from .models import NEWS, PAGE, Article, Status, TagName, english_tag_name
from .registry import kind_choices

PUBLISH_PERMISSION = "content.publish_article"


def translated_fieldsets(*names):
    """A fieldset for Swedish and one for English, with the per-language fields of `names`."""
    return [
        (_("Swedish"), {"fields": [f"{name}_sv" for name in names]}),
        (_("English"), {"fields": [f"{name}_en" for name in names]}),
    ]


class ArticleAdmin(admin.ModelAdmin):
    """What every content type's admin shares: lists, filters, search, publishing."""

    form = ArticleAdminForm
    # A link typed without a scheme is read as https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    list_display = ["__str__", "status", "published_at", "updated_at"]
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
        with transaction.atomic():
            # Saved one by one, so each article's save() (and anything that follows saves) runs.
            for article in queryset.model._default_manager.filter(pk__in=pks).select_for_update():
                if publish:
                    article.publish(when=now)
                else:
                    article.unpublish()
                article.save()
        count = len(pks)
        if publish:
            text = ngettext("%d article published.", "%d articles published.", count)
        else:
            text = ngettext("%d article unpublished.", "%d articles unpublished.", count)
        self.message_user(request, text % count, messages.SUCCESS)


@admin.register(Article)
class NewsAndPagesAdmin(ArticleAdmin):
    """News and information pages are plain articles; the other types have their own admin."""

    list_display = ["__str__", "kind", "status", "published_at", "updated_at"]
    list_filter = ["status", "kind", ("tags", admin.RelatedOnlyFieldListFilter), "regions"]
    type_fieldsets = [(_("Content type"), {"fields": ["kind"]})]
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
