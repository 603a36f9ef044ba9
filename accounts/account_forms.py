"""django-allauth's forms with the site's rate limits (settings.ACCOUNT_FORMS).

Each one asks infra.ratelimit before anything is written or e-mailed, per client address and
per address a mail would go to; a refused request gets the 429 page. allauth's own limits stay
on too (counted in the same shared store).
"""

from allauth.account import forms as allauth_forms
from allauth.core.exceptions import ImmediateHttpResponse
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest

from infra import ratelimit


def _within_limits(request: HttpRequest, action: str, email: str | None) -> None:
    wait = ratelimit.refusal(request, action, target=email)
    if wait:
        # allauth's AccountMiddleware answers with this response.
        raise ImmediateHttpResponse(ratelimit.too_many_requests(request, wait))


class SignupForm(allauth_forms.SignupForm):
    def try_save(self, request: HttpRequest):
        _within_limits(request, "signup", self.cleaned_data.get("email"))
        if self.account_already_exists:
            # A new account costs one password hash (most of the answer's time); an address
            # that has an account must cost the same, or the time would tell which ones have.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def save(self, request: HttpRequest, **kwargs) -> str:
        _within_limits(request, "password_reset", self.cleaned_data.get("email"))
        return super().save(request, **kwargs)


class AddEmailForm(allauth_forms.AddEmailForm):
    def save(self, request: HttpRequest):
        _within_limits(request, "email_change", self.cleaned_data.get("email"))
        return super().save(request)
