"""A user shown as a method's contact: their name and e-mail address are on a public page; and a
completed password reset opens the account's login locks."""

from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save

from infra.cache import content_changed

from .lockout import unlock_account
from .models import MethodUse


def _contact_details_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # every login saves the user: no need to ask
    user_id = instance.user_id if sender is EmailAddress else instance.pk
    if MethodUse.objects.filter(user_id=user_id, show_contact=True).exists():
        content_changed()


def _password_reset(sender, request, user, **kwargs) -> None:
    # Whoever set the new password holds the account's mailbox: the owner, let in at once.
    unlock_account(user)


def connect_signals() -> None:
    """Called once from AccountsConfig.ready()."""
    post_save.connect(
        _contact_details_changed, sender=get_user_model(), dispatch_uid="method-contact-user"
    )
    post_save.connect(
        _contact_details_changed, sender=EmailAddress, dispatch_uid="method-contact-email"
    )
    password_reset.connect(_password_reset, dispatch_uid="unlock-after-password-reset")
