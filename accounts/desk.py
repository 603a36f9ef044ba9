"""What Mina sidor puts on the editors' desk (content/desk.py): method proposals waiting for
review and "we use the method" entries waiting for approval."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.desk import DeskItem, DeskSection, add_desk_section
from content.models import Status

from .models import MethodProposal, MethodUse


def waiting_proposals():
    return (
        MethodProposal.objects.filter(rejected_at__isnull=True)
        .exclude(method__status=Status.PUBLISHED)
        .select_related("method", "user")
        .order_by("created_at", "pk")
    )


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _proposal_item(proposal: MethodProposal) -> DeskItem:
    return DeskItem(
        str(proposal.method),
        reverse("admin:methods_method_change", args=[proposal.method_id]),
        _("suggested by %(who)s, %(when)s")
        % {"who": proposal.user.email, "when": _when(proposal.created_at)},
    )


def _use_item(use: MethodUse) -> DeskItem:
    return DeskItem(
        f"{use.method} – {use.municipality.name}",
        reverse("admin:accounts_methoduse_change", args=[use.pk]),
        _("from %(who)s, %(when)s") % {"who": use.user.email, "when": _when(use.created_at)},
    )


def register() -> None:
    add_desk_section(
        DeskSection(
            key="proposals",
            title=gettext_lazy("Method proposals waiting"),
            permission="accounts.change_methodproposal",
            rows=waiting_proposals,
            item=_proposal_item,
            empty=gettext_lazy("No method proposal is waiting."),
            position=30,
            list_url=lambda: (
                reverse("admin:accounts_methodproposal_changelist") + "?rejected_at__isnull=True"
            ),
        )
    )
    add_desk_section(
        DeskSection(
            key="method_uses",
            title=gettext_lazy("“We use the method” entries waiting for approval"),
            permission="accounts.change_methoduse",
            rows=lambda: MethodUse.objects.pending().select_related(
                "method", "municipality", "user"
            ),
            item=_use_item,
            empty=gettext_lazy("No entry is waiting for approval."),
            position=40,
            list_url=lambda: (
                reverse("admin:accounts_methoduse_changelist") + "?moderation__exact=pending"
            ),
        )
    )
