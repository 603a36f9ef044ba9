"""django-allauth's account pages, the ones people see under translated addresses.

allauth reverses these by their own names (account_login…), so they cannot be namespaced.
The rest of allauth's pages keep their English addresses.
"""

from allauth.account import views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

urlpatterns = [
    # allauth's own first: where two patterns share a name, reverse() gives the later one.
    path("", include("allauth.account.urls")),
    path(_("login/"), views.login, name="account_login"),
    path(_("logout/"), views.logout, name="account_logout"),
    path(_("register/"), views.signup, name="account_signup"),
    path(_("password/change/"), views.password_change, name="account_change_password"),
    path(_("password/forgotten/"), views.password_reset, name="account_reset_password"),
    path(
        _("password/forgotten/sent/"),
        views.password_reset_done,
        name="account_reset_password_done",
    ),
]
