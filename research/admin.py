from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import ArticleAdmin

from .models import Publication, ResearchSummary


@admin.register(Publication)
class PublicationAdmin(ArticleAdmin):
    list_display = ["__str__", "authors", "year", "publication_type", "status"]
    list_filter = [
        "status",
        "publication_type",
        "year",
        ("tags", admin.RelatedOnlyFieldListFilter),
        "regions",
    ]
    search_fields = [*ArticleAdmin.search_fields, "authors", "publisher"]
    type_fieldsets = [
        (
            _("Publication"),
            {"fields": ["authors", "year", "publisher", "publication_type", "language", "url"]},
        ),
    ]


@admin.register(ResearchSummary)
class ResearchSummaryAdmin(ArticleAdmin):
    filter_horizontal = [*ArticleAdmin.filter_horizontal, "publications"]
    type_fieldsets = [(_("Publications summarised"), {"fields": ["publications"]})]
