from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ContactMessage

admin.site.site_header = _("PlugInnovation administration")
admin.site.site_title = _("PlugInnovation")
admin.site.index_title = _("Content and settings")
# The front page links to the editors' desk (content/desk.py).
admin.site.index_template = "admin/plug_index.html"


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact form: editors read them and mark them handled."""

    list_display = ["subject", "name", "email", "organisation", "created_at", "handled"]
    list_filter = [("handled_at", admin.EmptyFieldListFilter), "language"]
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
        "handled_at",
        "handled_by",
    ]
    actions = ["mark_handled", "mark_unhandled"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("handled"), boolean=True, ordering="handled_at")
    def handled(self, message: ContactMessage) -> bool:
        return message.handled_at is not None

    @admin.action(description=_("Mark the selected messages as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.filter(handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=request.user
        )
        self.message_user(
            request,
            ngettext("%d message marked as handled.", "%d messages marked as handled.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Mark the selected messages as not handled"), permissions=["change"]
    )
    def mark_unhandled(self, request, queryset):
        count = queryset.exclude(handled_at__isnull=True).update(handled_at=None, handled_by=None)
        self.message_user(
            request,
            ngettext(
                "%d message marked as not handled.", "%d messages marked as not handled.", count
            )
            % count,
            messages.SUCCESS,
        )
