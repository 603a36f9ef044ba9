"""How django-axes names the account a login attempt is for."""

from django.http import HttpRequest


def login_name(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The e-mail address tried: allauth passes `email`, the admin's form `username`.

    Lower-cased, so that Anna@… and anna@… count as one account's failures.
    """
    credentials = credentials or {}
    data = getattr(request, "POST", {}) or {}
    for key in ("email", "login", "username"):
        value = credentials.get(key) or data.get(key)
        if value:
            return str(value).strip().lower()
    return None
