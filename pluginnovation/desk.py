"""The site's part of the editors' desk (content/desk.py): new contact messages."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.desk import DeskItem, DeskSection, add_desk_section

from .models import ContactMessage


def _item(message: ContactMessage) -> DeskItem:
    return DeskItem(
        message.subject,
        reverse("admin:pluginnovation_contactmessage_change", args=[message.pk]),
        _("from %(who)s, %(when)s")
        % {
            "who": message.name,
            "when": formats.date_format(timezone.localtime(message.created_at), "DATETIME_FORMAT"),
        },
    )


def register() -> None:
    add_desk_section(
        DeskSection(
            key="contact",
            title=gettext_lazy("New contact messages"),
            permission="pluginnovation.view_contactmessage",
            rows=lambda: ContactMessage.objects.filter(handled_at__isnull=True).order_by(
                "created_at", "pk"
            ),
            item=_item,
            empty=gettext_lazy("No message is waiting."),
            position=50,
            list_url=lambda: (
                reverse("admin:pluginnovation_contactmessage_changelist") + "?handled_at__isempty=1"
            ),
        )
    )
