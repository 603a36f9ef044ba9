from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content import revisions
from content.models import RevisionAction
from content.revision_admin import PUBLISH_PERMISSION

from .models import MethodProposal, MethodUse, Moderation, Profile, ProposalState, SavedSearch


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
        with transaction.atomic(), revisions.recording(request.user, RevisionAction.PUBLISHED):
            for proposal in queryset.select_related("method"):
                proposal.method.publish(when=now)
                proposal.method.save()
                proposal.rejected_at = None
                proposal.save(update_fields=["rejected_at"])
                self.log_change(request, proposal, str(RevisionAction.PUBLISHED.label))
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%d method published.", "%d methods published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject the selected methods"), permissions=["change"])
    def reject(self, request, queryset):
        count = 0
        with transaction.atomic(), revisions.recording(request.user, RevisionAction.REJECTED):
            for proposal in queryset.select_related("method"):
                if proposal.state != ProposalState.REJECTED:
                    proposal.reject()
                    self.log_change(request, proposal, str(RevisionAction.REJECTED.label))
                    count += 1
        self.message_user(
            request,
            ngettext("%d method rejected.", "%d methods rejected.", count) % count,
            messages.SUCCESS,
        )


@admin.register(MethodUse)
class MethodUseAdmin(admin.ModelAdmin):
    """'We use the method' entries: public on the method's page once approved here. An
    approval or rejection is in the method's history."""

    list_display = [
        "method",
        "municipality",
        "start_year",
        "user",
        "show_contact",
        "moderation",
        "created_at",
    ]
    list_select_related = ["method", "municipality", "user"]
    list_filter = ["moderation", "municipality__region"]
    search_fields = ["method__title_sv", "municipality__name", "user__email"]
    readonly_fields = ["user", "method", "created_at", "moderation", "moderated_at", "moderated_by"]
    actions = ["approve", "reject"]

    @admin.action(description=_("Approve the selected entries"), permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Moderation.APPROVED)

    @admin.action(description=_("Reject the selected entries"), permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, Moderation.REJECTED)

    def _moderate(self, request, queryset, outcome: str) -> None:
        action = (
            RevisionAction.APPROVED if outcome == Moderation.APPROVED else RevisionAction.REJECTED
        )
        now = timezone.now()
        count = 0
        with transaction.atomic():
            for use in queryset.select_related("method", "municipality").exclude(
                moderation=outcome
            ):
                use.moderation, use.moderated_at, use.moderated_by = outcome, now, request.user
                use.save(update_fields=["moderation", "moderated_at", "moderated_by"])
                what = _("“We use the method”: %(municipality)s") % {
                    "municipality": use.municipality.name
                }
                revisions.record_event(use.method, request.user, action, str(what))
                self.log_change(request, use, str(action.label))
                count += 1
        if outcome == Moderation.APPROVED:
            text = ngettext("%d entry approved.", "%d entries approved.", count)
        else:
            text = ngettext("%d entry rejected.", "%d entries rejected.", count)
        self.message_user(request, text % count, messages.SUCCESS)


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
