from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ContactMessage

admin.site.site_header = _("PlugInnovation administration")
admin.site.site_title = _("PlugInnovation")
admin.site.index_title = _("Content and settings")


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "email", "organisation", "created_at", "emailed_at"]
    search_fields = ["subject", "name", "email", "message"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name",
        "email",
        "organisation",
        "subject",
        "message",
        "language",
        "created_at",
        "emailed_at",
    ]

    def has_add_permission(self, request):
        return False
