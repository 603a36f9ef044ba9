"""The login lockout (django-axes): which account an attempt is for, and a looser lock per address.

Failures count per account *and* client address (settings.AXES_LOCKOUT_PARAMETERS), so guessing
from one address never locks the owner out at another; the admin's login (by username) and Mina
sidor (by e-mail address) count as one account. A completed password reset opens the account's
locks (accounts.signals). Apart from that, one address failing at many accounts is locked by a
looser limit on the address alone (LockoutHandler).
"""

from allauth.account.utils import filter_users_by_email
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.http import HttpRequest
from django.shortcuts import render


def account_key(user) -> str:
    """The name every failure for this account is counted under."""
    return (user.email or user.get_username()).strip().lower()


def _account_key_for(tried: str) -> str:
    users = filter_users_by_email(tried) if "@" in tried else []
    if not users:
        users = list(get_user_model().objects.filter(username__iexact=tried)[:1])
    # An unknown name counts under itself: locked like a real one, telling nothing.
    return account_key(users[0]) if users else tried


def login_name(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The account tried: allauth passes `email`, the admin's form `username` (either may be an
    e-mail address or a username). Case does not matter: Anna@… and anna@… are one account."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) or {}
    for key in ("email", "login", "username"):
        value = credentials.get(key) or data.get(key)
        if value:
            tried = str(value).strip().lower()
            # axes asks several times a request: look the account up once.
            known = request.__dict__.setdefault("_lockout_accounts", {})
            if tried not in known:
                known[tried] = _account_key_for(tried)
            return known[tried]
    return None


def unlock_account(user) -> int:
    """Open every lock on the account, whatever the address (after a password reset)."""
    return reset(username=account_key(user))


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler (shared by every process and host), with the per-address limit."""

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        if self.address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            request.lockout_by_address = True  # the lockout page says why: no reset helps
            return True
        return False

    def address_failures(self, request) -> int:
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The lockout page (AXES_LOCKOUT_CALLABLE): what happened and what to do, 429."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    response = render(
        request,
        "accounts/lockout.html",
        {"minutes": minutes, "by_address": getattr(request, "lockout_by_address", False)},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
