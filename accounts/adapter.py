"""django-allauth, adapted: the preferred language after login, profiles for new users."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse, translate_url
from django.utils import translation

from infra.client import client_network

from .services import profile_of


class AccountAdapter(DefaultAccountAdapter):
    def post_login(self, request: HttpRequest, user, **kwargs) -> HttpResponse:
        """Open the site in the user's preferred language, on the page they were going to."""
        language = profile_of(user).language
        redirect_url = kwargs.get("redirect_url")
        if language:
            if redirect_url:
                kwargs["redirect_url"] = translate_url(redirect_url, language)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = super().post_login(request, user, **kwargs)
        if language:
            # As Django's set_language view sets it: every LANGUAGE_COOKIE_* setting applies.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("accounts:dashboard")

    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        return reverse("home")

    def get_email_verification_redirect_url(self, email_address) -> str:
        return reverse("account_login")

    def is_safe_url(self, url: str | None) -> bool:
        """A `next` address that is not even an address (http://[::1/) is not safe: allauth's
        own check lets urlparse's ValueError through as a 500."""
        try:
            return super().is_safe_url(url)
        except ValueError:
            return False

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's limits count per client as ours do: from settings.TRUSTED_PROXIES (allauth's
        own reading of X-Forwarded-For answers 500 when the header has fewer hops)."""
        return client_network(request) or "unknown"


def user_display(user) -> str:
    """How allauth names a user in messages ("Du har loggat in som …"): never the username,
    which allauth makes up from the address."""
    return user.get_full_name() or user.email
