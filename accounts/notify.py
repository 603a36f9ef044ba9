"""E-mail to the editors when something arrives that waits for them (a method proposal, a
contact message). Who gets it is a setting: EDITOR_EMAILS, or when it is empty every active
member of the editor group with an e-mail address. A failed send is logged; what arrived is
stored before and stays."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .roles import EDITOR_GROUP

logger = logging.getLogger(__name__)


def editor_addresses() -> list[str]:
    if settings.EDITOR_EMAILS:
        return list(settings.EDITOR_EMAILS)
    addresses = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITOR_GROUP)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted(set(addresses))


def email_editors(template: str, context: dict, recipients: list[str] | None = None) -> bool:
    """Send `template`_subject.txt / `template`.txt to the editors, in the site's language.
    True if it was sent."""
    recipients = recipients if recipients is not None else editor_addresses()
    if not recipients:
        logger.warning("no editor to e-mail about %s", template)
        return False
    context = {**context, "site_url": settings.SITE_URL.rstrip("/")}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # noqa: BLE001 - whatever the mail backend raises, what arrived is kept
        logger.exception("e-mail to the editors about %s not sent", template)
        return False
    return True
