from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infra.breadcrumbs import HOME_CRUMB

# django-allauth's views know nothing of our breadcrumbs; name their pages here.
ACCOUNT_PAGES = {
    "account_login": _("Log in"),
    "account_logout": _("Log out"),
    "account_signup": _("Create an account"),
    "account_reset_password": _("Forgotten your password?"),
    "account_reset_password_done": _("Forgotten your password?"),
    "account_reset_password_from_key": _("Choose a new password"),
    "account_reset_password_from_key_done": _("Choose a new password"),
    "account_email_verification_sent": _("Confirm your e-mail address"),
    "account_confirm_email": _("Confirm your e-mail address"),
    "account_inactive": _("Log in"),
    "account_reauthenticate": _("Log in"),
}
MY_PAGES_ACCOUNT = {
    "account_change_password": _("Change password"),
    "account_set_password": _("Change password"),
    "account_email": _("Change e-mail address"),
}


def account_breadcrumbs(request: HttpRequest) -> dict:
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    if name in ACCOUNT_PAGES:
        return {"breadcrumbs": [HOME_CRUMB, (ACCOUNT_PAGES[name], None)]}
    if name in MY_PAGES_ACCOUNT:
        return {
            "breadcrumbs": [
                HOME_CRUMB,
                (_("My pages"), reverse("accounts:dashboard")),
                (MY_PAGES_ACCOUNT[name], None),
            ]
        }
    return {}
