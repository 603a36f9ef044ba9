from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pluginnovation.admin import ArticleAdmin, translated_fieldsets

from .models import CaseStudy


@admin.register(CaseStudy)
class CaseStudyAdmin(ArticleAdmin):
    list_display = ["__str__", "municipality", "period", "status", "published_at"]
    list_select_related = ["municipality"]
    list_filter = ["status", ("tags", admin.RelatedOnlyFieldListFilter), "regions"]
    type_fieldsets = [
        (_("Municipality and period"), {"fields": ["municipality", "period"]}),
        *translated_fieldsets("team", "what_was_done", "results"),
    ]
