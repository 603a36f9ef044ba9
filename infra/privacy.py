"""Pages drawn for one person are never stored by a browser's or a proxy's cache.

Mina sidor, the account pages and every page a logged-in user sees (their name is in its
header) are answered `Cache-Control: private, no-store`: a shared computer's back button, a
disk cache or a caching proxy must not keep them.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

# URL namespaces and name prefixes of personal pages, also when nobody is logged in (the login,
# sign-up and password forms, an unsubscribe link's page).
PERSONAL_NAMESPACES = frozenset({"accounts"})
PERSONAL_URL_NAME_PREFIX = "account_"


def is_personal(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
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
        if is_personal(request):
            # max-age=0, no-cache, no-store, must-revalidate, private; and Expires in the past.
            add_never_cache_headers(response)
        return response
