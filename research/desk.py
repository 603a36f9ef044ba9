"""The research library's part of the editors' desk (content/desk.py): the links of literature
that the link checker (`manage.py check_links`) found broken, moved or not answering."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.desk import DeskItem, DeskSection, add_desk_section

from .models import LinkCheck


def _item(check: LinkCheck) -> DeskItem:
    return DeskItem(
        str(check.publication),
        reverse("admin:research_publication_change", args=[check.publication_id]),
        _("%(outcome)s: %(url)s, checked %(when)s")
        % {
            "outcome": check.get_outcome_display(),
            "url": check.url,
            "when": formats.date_format(timezone.localtime(check.checked_at), "DATE_FORMAT"),
        },
    )


def register() -> None:
    add_desk_section(
        DeskSection(
            key="links",
            title=gettext_lazy("Links to look at"),
            permission="research.change_publication",
            rows=lambda: (
                LinkCheck.objects.needing_attention()
                .select_related("publication")
                .order_by("outcome", "-checked_at", "pk")
            ),
            item=_item,
            empty=gettext_lazy("The link checker has found no broken or moved link."),
            position=45,
            list_url=lambda: reverse("admin:research_publication_links"),
        )
    )
