from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content.admin import PUBLISH_PERMISSION

from .models import MethodProposal, MethodUse, Profile, ProposalState, SavedSearch


@admin.register(MethodProposal)
class MethodProposalAdmin(admin.ModelAdmin):
    """Methods users suggested. Editors edit the method itself in Methods, then publish or
    reject it here (or publish it there)."""

    list_display = ["method", "user", "created_at", "state_label"]
    list_select_related = ["method", "user"]
    list_filter = ["method__status", ("rejected_at", admin.EmptyFieldListFilter)]
    search_fields = ["method__title_sv", "method__title_en", "user__email"]
    fields = ["method", "user", "created_at", "rejected_at", "editor_note"]
    readonly_fields = ["method", "user", "created_at", "rejected_at"]
    actions = ["publish", "reject"]

    @admin.display(description=_("status"))
    def state_label(self, proposal: MethodProposal) -> str:
        return proposal.get_state_display()

    def has_add_permission(self, request):
        return False

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    @admin.action(description=_("Publish the selected methods"), permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        with transaction.atomic():
            for proposal in queryset.select_related("method"):
                proposal.method.publish(when=now)
                proposal.method.save()
                proposal.rejected_at = None
                proposal.save(update_fields=["rejected_at"])
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%d method published.", "%d methods published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject the selected methods"), permissions=["change"])
    def reject(self, request, queryset):
        count = 0
        with transaction.atomic():
            for proposal in queryset.select_related("method"):
                if proposal.state != ProposalState.REJECTED:
                    proposal.reject()
                    count += 1
        self.message_user(
            request,
            ngettext("%d method rejected.", "%d methods rejected.", count) % count,
            messages.SUCCESS,
        )


@admin.register(MethodUse)
class MethodUseAdmin(admin.ModelAdmin):
    list_display = ["method", "municipality", "start_year", "user", "show_contact"]
    list_select_related = ["method", "municipality", "user"]
    list_filter = ["municipality__region"]
    search_fields = ["method__title_sv", "municipality__name", "user__email"]
    readonly_fields = ["user", "method", "created_at"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "municipality", "language"]
    list_select_related = ["user", "municipality"]
    list_filter = ["role", "language"]
    search_fields = ["user__email", "organisation"]
    readonly_fields = ["user"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "query", "alerts", "last_alerted_at"]
    list_select_related = ["user"]
    search_fields = ["name", "user__email"]
    readonly_fields = ["user", "created_at", "last_alerted_at"]
