from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import ArticleAdmin, translated_fieldsets

from .models import Method


@admin.register(Method)
class MethodAdmin(ArticleAdmin):
    list_display = ["__str__", "intervention_type", "phase", "status", "published_at"]
    list_filter = [
        "status",
        "intervention_type",
        "phase",
        "prevention_level",
        "scope",
        ("tags", admin.RelatedOnlyFieldListFilter),
        "regions",
    ]
    type_fieldsets = [
        (
            _("For whom and when"),
            {"fields": ["prevention_level", "scope", "phase", "intervention_type"]},
        ),
        *translated_fieldsets(
            "target_group", "success_factors", "evidence_source", "cost", "implementation"
        ),
        (_("Evidence"), {"fields": ["scientific_basis", "proven_experience"]}),
        (
            _("Contact"),
            {"fields": ["contact_name", "contact_organisation", "contact_email", "contact_phone"]},
        ),
    ]
