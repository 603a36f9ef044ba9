from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import ArticleAdmin, translated_fieldsets

from .models import CaseStudy
from .signals import unlink_former_municipality


@admin.register(CaseStudy)
class CaseStudyAdmin(ArticleAdmin):
    list_display = ["__str__", "municipality", "period", "status", "published_at"]
    list_select_related = ["municipality"]
    list_filter = ["status", ("tags", admin.RelatedOnlyFieldListFilter), "regions"]
    type_fieldsets = [
        (
            _("Municipality and period"),
            {"fields": ["municipality", "period", "first_year", "last_year"]},
        ),
        *translated_fieldsets("team", "what_was_done", "results"),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The form sets the links as they were shown, the former municipality's among them.
        if change and "municipality" in form.changed_data:
            unlink_former_municipality(form.instance, form.initial.get("municipality"))
