"""Pages drawn for one person are never stored by a browser's or a proxy's cache.

Mina sidor, the account pages and every page drawn for a visitor with a session (a logged-in
user's name is in its header) are answered `Cache-Control: private, no-store`: a shared
computer's back button, a disk cache or a caching proxy must not keep them. The session cookie
decides, as for the page cache (infra.middleware): asking who the user is could need the
database, which may be what just failed.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

# URL namespaces and name prefixes of personal pages, also when nobody is logged in (the login,
# sign-up and password forms, an unsubscribe link's page).
PERSONAL_NAMESPACES = frozenset({"accounts"})
PERSONAL_URL_NAME_PREFIX = "account_"


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    if settings.SESSION_COOKIE_NAME in request.COOKIES or settings.SESSION_COOKIE_NAME in (
        response.cookies
    ):
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return bool(PERSONAL_NAMESPACES & set(match.namespaces)) or (match.url_name or "").startswith(
        PERSONAL_URL_NAME_PREFIX
    )


class PersonalPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_personal(request, response):
            # max-age=0, no-cache, no-store, must-revalidate, private; and Expires in the past.
            add_never_cache_headers(response)
        return response
